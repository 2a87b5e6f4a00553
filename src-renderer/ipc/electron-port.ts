/** WirePort over the preload's `window.depthline` (Electron IPC). Always open while the page lives. */
import type { PreloadApi } from '../../src-shared/contract';
import type { PortStatus, WirePort } from './port';

declare global {
  interface Window {
    readonly depthline?: PreloadApi;
  }
}

export function electronPort(api: PreloadApi): WirePort {
  let status: PortStatus = 'open';
  const statusListeners = new Set<(s: PortStatus) => void>();
  return {
    kind: 'ipc',
    get status() {
      return status;
    },
    post: (message) => status === 'open' && api.post(message),
    onMessage: (listener) => api.onMessage(listener),
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      status = 'closed';
      for (const listener of statusListeners) listener(status);
    },
  };
}

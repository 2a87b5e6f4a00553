/**
 * The preload: exposes one frozen object, `window.depthline`, a message port for the contract.
 * Outgoing messages are checked here against the wire schema and the closed list of contract
 * names before they reach IPC (and checked again in main). ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  ClientMessageSchema,
  IPC_CHANNEL,
  isRequestName,
  isStreamName,
  type PreloadApi,
  type ServerMessage,
} from '../../src-shared/contract';

const listeners = new Set<(message: ServerMessage) => void>();
ipcRenderer.on(IPC_CHANNEL, (_event, message: ServerMessage) => {
  for (const listener of listeners) listener(message);
});

const api: PreloadApi = {
  post(message) {
    const parsed = ClientMessageSchema.safeParse(message);
    if (!parsed.success) return false;
    const m = parsed.data;
    if (m.t === 'call' && !isRequestName(m.name)) return false;
    if (m.t === 'sub' && !isStreamName(m.name)) return false;
    ipcRenderer.send(IPC_CHANNEL, m);
    return true;
  },
  onMessage(listener) {
    const wrapped = (message: ServerMessage): void => listener(message);
    listeners.add(wrapped);
    return () => listeners.delete(wrapped);
  },
};

contextBridge.exposeInMainWorld('depthline', Object.freeze(api));

/**
 * WirePort over the headless host's contract socket. The session token (from index.html, put
 * there by the host) travels as a WebSocket subprotocol, never in the URL. Reconnects with
 * exponential backoff and jitter, capped; the client re-subscribes on every reopen.
 */
import {
  ServerMessageSchema,
  TOKEN_PROTOCOL_PREFIX,
  WIRE_PROTOCOL,
  type ServerMessage,
} from '../../src-shared/contract';
import type { PortStatus, WirePort } from './port';

/** WebSocket.OPEN, spelled out so this module also runs where no global WebSocket exists. */
const OPEN = 1;

export interface WsPortOptions {
  readonly url: string;
  readonly token: string;
  readonly minBackoffMs?: number;
  readonly maxBackoffMs?: number;
  readonly createSocket?: (url: string, protocols: string[]) => WebSocket;
}

export function webSocketPort(options: WsPortOptions): WirePort {
  const minBackoff = options.minBackoffMs ?? 250;
  const maxBackoff = options.maxBackoffMs ?? 10_000;
  const create = options.createSocket ?? ((url, protocols) => new WebSocket(url, protocols));
  const messageListeners = new Set<(m: ServerMessage) => void>();
  const statusListeners = new Set<(s: PortStatus) => void>();
  let status: PortStatus = 'connecting';
  let socket: WebSocket | null = null;
  let attempt = 0;
  let stopped = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const setStatus = (next: PortStatus): void => {
    if (next === status) return;
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  const connect = (): void => {
    setStatus('connecting');
    const ws = create(options.url, [WIRE_PROTOCOL, TOKEN_PROTOCOL_PREFIX + options.token]);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      setStatus('open');
    };
    ws.onmessage = (event: MessageEvent) => {
      if (typeof event.data !== 'string') return;
      let decoded: unknown;
      try {
        decoded = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = ServerMessageSchema.safeParse(decoded);
      if (!parsed.success) return;
      for (const listener of messageListeners) listener(parsed.data);
    };
    ws.onclose = () => {
      socket = null;
      if (stopped) return setStatus('closed');
      setStatus('connecting');
      const ceiling = Math.min(maxBackoff, minBackoff * 2 ** attempt);
      attempt += 1;
      // Full jitter: spread reconnects so many tabs do not stampede a restarted host.
      retryTimer = setTimeout(connect, Math.round(ceiling / 2 + Math.random() * (ceiling / 2)));
    };
  };
  connect();

  return {
    kind: 'ws',
    get status() {
      return status;
    },
    post(message) {
      if (!socket || socket.readyState !== OPEN) return false;
      socket.send(JSON.stringify(message));
      return true;
    },
    onMessage(listener) {
      messageListeners.add(listener);
      return () => messageListeners.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    close() {
      stopped = true;
      clearTimeout(retryTimer);
      socket?.close(1000, 'client closed');
      setStatus('closed');
    },
  };
}

/**
 * What every loopback WebSocket server in the app shares: `ws` options with explicit limits
 * (payload, fragments, buffered chunks, pending auto-pongs; the defaults are far too generous,
 * see ws#2331 and GHSA-96hv-2xvq-fx4p), refusing an upgrade with a plain HTTP status before any
 * 'connection' exists, and heartbeats that terminate a peer which stopped answering pings within
 * two intervals.
 */
import type { Duplex } from 'node:stream';
import type { ServerOptions, WebSocket, WebSocketServer } from 'ws';
import type { Disposer, Timers } from '../core/ports';

export interface FrameLimits {
  readonly maxPayloadBytes: number;
  /** Fragments of one message; a legitimate client rarely sends more than one. */
  readonly maxFragments: number;
  /** Unparsed input chunks held by the receiver. */
  readonly maxBufferedChunks: number;
}

export const DEFAULT_FRAME_LIMITS: Omit<FrameLimits, 'maxPayloadBytes'> = {
  maxFragments: 128,
  maxBufferedChunks: 1024,
};

/** `maxPendingAutoPongs` exists in ws >= 8.20 but not yet in @types/ws. */
type HardenedOptions = ServerOptions & { readonly maxPendingAutoPongs: number };

export function hardenedServerOptions(limits: FrameLimits): HardenedOptions {
  return {
    noServer: true,
    maxPayload: limits.maxPayloadBytes,
    maxFragments: limits.maxFragments,
    maxBufferedChunks: limits.maxBufferedChunks,
    maxPendingAutoPongs: 8,
    perMessageDeflate: false,
    clientTracking: true,
  };
}

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  426: 'Upgrade Required',
  503: 'Service Unavailable',
};

/** Answer an upgrade request with a bare status and close; no WebSocket ever exists. */
export function refuseUpgrade(socket: Duplex, status: number): void {
  const reason = REASONS[status] ?? 'Refused';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Pings every client each `intervalMs`; a client that has not answered the previous ping is
 * terminated. A peer that dies right after a pong is therefore gone within 2 x intervalMs.
 */
export interface Heartbeat {
  /** Start watching a freshly accepted socket. */
  track(ws: WebSocket): void;
  stop: Disposer;
}

export function startHeartbeat(wss: WebSocketServer, timers: Timers, intervalMs: number): Heartbeat {
  const alive = new WeakMap<WebSocket, boolean>();
  const stop = timers.every(intervalMs, () => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  });
  return {
    track(ws) {
      alive.set(ws, true);
      ws.on('pong', () => alive.set(ws, true));
    },
    stop,
  };
}

/** A received message as text; `ws` hands over a Buffer, an array of them or an ArrayBuffer. */
export function rawText(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

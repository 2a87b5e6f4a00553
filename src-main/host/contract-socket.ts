/**
 * The contract over a WebSocket, for the headless host. Carries exactly the same envelopes as the
 * Electron IPC binding. Guards: loopback Host, same-origin Origin and the session token are checked
 * before the upgrade completes (a refused client never gets a 'connection'); explicit payload,
 * rate and connection limits; heartbeats; congested peers get snapshots instead of queued deltas.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CONTRACT_PATH, WIRE_PROTOCOL } from '../../src-shared/contract';
import type { Logger, Timers } from '../core/ports';
import { TokenBucket } from '../net/rate-limiter';
import {
  DEFAULT_FRAME_LIMITS,
  hardenedServerOptions,
  rawText,
  refuseUpgrade,
  startHeartbeat,
} from '../net/ws-hardening';
import { ContractConnection } from '../rpc/connection';
import type { ContractServer } from '../rpc/server';
import { isAllowedHost, isAllowedOrigin } from './loopback-policy';
import { tokenFromProtocols, tokensMatch } from './session-token';

export interface ContractSocketLimits {
  readonly maxPayloadBytes: number;
  readonly maxConnections: number;
  /** Token bucket: sustained messages per second and burst size, per connection. */
  readonly messagesPerSecond: number;
  readonly burst: number;
  readonly heartbeatMs: number;
}

export const DEFAULT_SOCKET_LIMITS: ContractSocketLimits = {
  maxPayloadBytes: 1024 * 1024,
  maxConnections: 16,
  messagesPerSecond: 500,
  burst: 1000,
  heartbeatMs: 15_000,
};

export interface ContractSocketOptions {
  readonly server: ContractServer;
  readonly token: string;
  readonly port: () => number;
  readonly log: Logger;
  readonly timers: Timers;
  readonly limits?: ContractSocketLimits;
}

export function createContractSocket(options: ContractSocketOptions) {
  const limits = options.limits ?? DEFAULT_SOCKET_LIMITS;
  const log = options.log;
  const wss = new WebSocketServer({
    ...hardenedServerOptions({ maxPayloadBytes: limits.maxPayloadBytes, ...DEFAULT_FRAME_LIMITS }),
    // Answer with the wire protocol only; never echo the token subprotocol back.
    handleProtocols: (protocols) => (protocols.has(WIRE_PROTOCOL) ? WIRE_PROTOCOL : false),
  });
  const heartbeat = startHeartbeat(wss, options.timers, limits.heartbeatMs);

  function refuse(socket: Duplex, status: number, reason: string): void {
    log.warn('contract socket refused', { reason });
    refuseUpgrade(socket, status);
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const port = options.port();
    const path = (req.url ?? '').split('?')[0];
    if (path !== CONTRACT_PATH) return refuse(socket, 404, 'Not Found');
    if (!isAllowedHost(req.headers.host, port)) return refuse(socket, 403, 'Forbidden');
    if (!isAllowedOrigin(req.headers.origin, port)) return refuse(socket, 403, 'Forbidden');
    const protocols = req.headers['sec-websocket-protocol'];
    if (!tokensMatch(options.token, tokenFromProtocols(protocols))) {
      return refuse(socket, 401, 'Unauthorized');
    }
    if (wss.clients.size >= limits.maxConnections) return refuse(socket, 503, 'Service Unavailable');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws));
  }

  function accept(ws: WebSocket): void {
    const connection = new ContractConnection(
      options.server,
      {
        send: (message) => ws.send(JSON.stringify(message)),
        bufferedBytes: () => ws.bufferedAmount,
      },
      { transport: 'ws', principal: 'user' },
    );
    const bucket = new TokenBucket({ perSecond: limits.messagesPerSecond, burst: limits.burst }, Date.now);
    heartbeat.track(ws);
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!bucket.take()) return ws.close(1008, 'rate limit exceeded');
      if (isBinary) return ws.close(1003, 'text frames only');
      let decoded: unknown;
      try {
        decoded = JSON.parse(rawText(data));
      } catch {
        return ws.close(1007, 'message is not JSON');
      }
      connection.receive(decoded);
    });
    ws.on('close', () => connection.close());
    ws.on('error', (error) => log.warn('contract socket error', { error: error.message }));
    pumps.add(connection);
    ws.once('close', () => pumps.delete(connection));
  }

  const pumps = new Set<ContractConnection>();
  const stopPump = options.timers.every(100, () => {
    for (const connection of pumps) connection.pump();
  });

  return {
    handleUpgrade,
    get connectionCount(): number {
      return wss.clients.size;
    },
    close(): void {
      stopPump();
      heartbeat.stop();
      for (const ws of wss.clients) ws.close(1001, 'server shutting down');
      wss.close();
    },
  };
}

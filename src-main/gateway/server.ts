/**
 * The gateway's transport: an HTTP server on 127.0.0.1 that upgrades `/` to a WebSocket after
 * checking, before any 'connection' exists: the path, a loopback Host with our port (DNS
 * rebinding), the Origin (absent for non-browser bots, else exactly one of the allowed loopback
 * origins), an `Authorization: Bearer` token if one is sent (a wrong one is 401) and the
 * connection cap (503). A connection without the header must send `{"type":"auth"}` within
 * authTimeoutMs. Per connection: token-bucket rate limit (close 1008), heartbeats, explicit frame
 * limits (1009 too big, 1007 bad UTF-8, 1008 too many fragments or chunks), binary frames 1003.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { Logger, Timers } from '../core/ports';
import { isAllowedHost } from '../net/loopback-policy';
import { TokenBucket } from '../net/rate-limiter';
import { bearerToken, tokensMatch } from '../net/secret-token';
import { FrameBatch } from '../net/ws-frame-batch';
import { hardenedServerOptions, rawText, refuseUpgrade, startHeartbeat } from '../net/ws-hardening';
import type { GatewayLimits } from './limits';
import type { SessionPeer } from './session';

/** What the transport drives; GatewaySession implements it. */
export interface GatewayConnection {
  readonly isAwaitingAuth: boolean;
  authenticated(): void;
  receive(text: string): void;
  receiveBinary(): void;
  authTimedOut(): void;
  shutdown(): void;
}

export interface GatewayServerOptions {
  readonly port: number;
  readonly token: string;
  /** Lower-cased exact origins a browser bot may connect from (all loopback). */
  readonly allowedOrigins: ReadonlySet<string>;
  readonly limits: GatewayLimits;
  readonly timers: Timers;
  readonly log: Logger;
  readonly accept: (peer: SessionPeer) => GatewayConnection;
}

export interface GatewayServer {
  readonly url: string;
  readonly port: number;
  readonly address: AddressInfo;
  readonly connectionCount: number;
  close(): Promise<void>;
}

const RATE_LIMITED_TEXT = JSON.stringify({
  type: 'error',
  code: 'RATE_LIMITED',
  msg: 'message rate limit exceeded; closing',
});

export function listenGateway(options: GatewayServerOptions): Promise<GatewayServer> {
  const { limits, log, timers } = options;
  let boundPort = options.port;
  const wss = new WebSocketServer(
    hardenedServerOptions({
      maxPayloadBytes: limits.maxPayloadBytes,
      maxFragments: limits.maxFragments,
      maxBufferedChunks: limits.maxBufferedChunks,
    }),
  );
  const heartbeat = startHeartbeat(wss, timers, limits.heartbeatMs);

  const refuse = (socket: Duplex, status: number, reason: string): void => {
    log.warn('gateway handshake refused', { status, reason });
    refuseUpgrade(socket, status);
  };

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/') return refuse(socket, 404, 'path');
    if (!isAllowedHost(req.headers.host, boundPort)) return refuse(socket, 403, 'host');
    const origin = req.headers.origin;
    if (origin !== undefined && !options.allowedOrigins.has(origin.toLowerCase())) {
      return refuse(socket, 403, 'origin');
    }
    const authorization = req.headers.authorization;
    const authenticated = authorization !== undefined;
    if (authenticated && !tokensMatch(options.token, bearerToken(authorization))) {
      return refuse(socket, 401, 'token');
    }
    if (wss.clients.size >= limits.maxConnections) return refuse(socket, 503, 'connection cap');
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, socket, authenticated));
  }

  function accept(ws: WebSocket, socket: Duplex, authenticated: boolean): void {
    const bucket = new TokenBucket({ perSecond: limits.messagesPerSecond, burst: limits.burst }, () =>
      performance.now(),
    );
    // Messages are framed into one buffer per turn and leave in one write (ws-frame-batch.ts):
    // one system call and one stream write per message dominated the profile otherwise.
    const batch = new FrameBatch(ws, socket);
    const connection = options.accept({
      send: (text) => batch.send(text),
      bufferedBytes: () => batch.bufferedBytes,
      close: (code, reason) => batch.close(code, reason),
      terminate: () => batch.terminate(),
    });
    heartbeat.track(ws);
    let limited = false;
    let stopAuthTimer: (() => void) | null = null;
    if (authenticated) connection.authenticated();
    else stopAuthTimer = timers.after(limits.authTimeoutMs, () => connection.authTimedOut());

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (limited) return;
      if (!bucket.take()) {
        limited = true;
        batch.send(RATE_LIMITED_TEXT);
        batch.close(1008, 'rate limit exceeded');
        connection.shutdown();
        return;
      }
      if (isBinary) return connection.receiveBinary();
      connection.receive(rawText(data));
      // Its answers go to the socket before ws parses the next frame of this read (which may be
      // a protocol error that ws answers with a close frame of its own).
      batch.flush();
      if (stopAuthTimer && !connection.isAwaitingAuth) {
        stopAuthTimer();
        stopAuthTimer = null;
      }
    });
    ws.on('close', () => {
      stopAuthTimer?.();
      connection.shutdown();
    });
    // Protocol errors (bad UTF-8, too big, too many fragments) arrive here; ws then closes itself.
    ws.on('error', (error) => log.debug('gateway socket error', { error: error.message }));
  }

  const http: Server = createServer((req, res) => {
    if (!isAllowedHost(req.headers.host, boundPort)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden host\n');
      return;
    }
    res
      .writeHead(426, { 'Content-Type': 'text/plain', Upgrade: 'websocket', Connection: 'Upgrade' })
      .end('Depthline agents API: connect with a WebSocket (see docs/agents-api.md)\n');
  });
  http.on('upgrade', (req, socket, head: Buffer) => handleUpgrade(req, socket, head));
  http.maxHeadersCount = 100;
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;
  // Bounds sockets that never upgrade; well above the WebSocket cap so the cap answers 503 itself.
  http.maxConnections = limits.maxConnections + 64;

  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', () => {
      http.off('error', reject);
      http.on('error', (error) => log.error('gateway server error', { error: error.message }));
      const address = http.address() as AddressInfo;
      boundPort = address.port;
      resolve({
        url: `ws://127.0.0.1:${boundPort}/`,
        port: boundPort,
        address,
        get connectionCount() {
          return wss.clients.size;
        },
        close: () =>
          new Promise<void>((done) => {
            heartbeat.stop();
            for (const ws of wss.clients) ws.close(1001, 'server shutting down');
            wss.close();
            http.closeAllConnections();
            // Upgraded sockets keep the server open until they end: give the closing handshake a
            // moment, then cut whatever is left.
            const cut = timers.after(1000, () => {
              for (const ws of wss.clients) ws.terminate();
            });
            http.close(() => {
              cut();
              done();
            });
          }),
      });
    });
  });
}

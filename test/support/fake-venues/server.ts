/**
 * A loopback-only fake exchange: one HTTP server answering REST routes and upgrading WebSockets on
 * any path. Tests script it: push frames, go silent (no data, no pongs: a half-open socket), close
 * with a code, reset the TCP connection, refuse connections, answer REST with 429s (any route:
 * `rateLimit`) and delay REST answers (`restDelayMs`, a venue's round trip).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface FakeConnection {
  readonly ws: WebSocket;
  readonly path: string;
  readonly received: string[];
  readonly openedAt: number;
}

export type RestRoute = (
  req: IncomingMessage,
  url: URL,
  body: string,
) => { status?: number; headers?: Record<string, string>; body: unknown } | null;

export class FakeServer {
  readonly connections: FakeConnection[] = [];
  readonly restLog: Array<{ method: string; path: string; at: number; status: number }> = [];
  readonly connectAttempts: Array<{ at: number; path: string }> = [];
  /** When true, pings are not answered and nothing is sent: the peer looks half-open. */
  silent = false;
  /** When true, upgrades are refused with 503. */
  refuse = false;
  /** Every REST answer waits this long (a venue's round trip). */
  restDelayMs = 0;
  private rateLimited = 0;
  private retryAfter = '1';
  private routes: RestRoute[] = [];
  private messageHandlers: Array<(conn: FakeConnection, text: string) => void> = [];
  private connectHandlers: Array<(conn: FakeConnection) => void> = [];
  private readonly http = createServer((req, res) => void this.onRequest(req, res));
  private readonly wss = new WebSocketServer({ noServer: true, autoPong: false });
  private readonly sockets = new Set<Socket>();

  static async start(): Promise<FakeServer> {
    const server = new FakeServer();
    await new Promise<void>((resolve) => server.http.listen(0, '127.0.0.1', resolve));
    return server;
  }

  private constructor() {
    this.http.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.http.on('upgrade', (req, socket, head) => {
      this.connectAttempts.push({ at: Date.now(), path: req.url ?? '/' });
      if (this.refuse) {
        socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        const conn: FakeConnection = { ws, path: req.url ?? '/', received: [], openedAt: Date.now() };
        this.connections.push(conn);
        ws.on('ping', (data) => {
          if (!this.silent) ws.pong(data);
        });
        ws.on('message', (data: Buffer) => {
          const text = data.toString('utf8');
          conn.received.push(text);
          for (const handler of this.messageHandlers) handler(conn, text);
        });
        for (const handler of this.connectHandlers) handler(conn);
      });
    });
  }

  get port(): number {
    return (this.http.address() as AddressInfo).port;
  }
  get httpUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }
  wsUrl(path = '/'): string {
    return `ws://127.0.0.1:${this.port}${path}`;
  }

  /** The next `requests` REST requests, whatever their route, get HTTP 429 with Retry-After. */
  rateLimit(requests: number, retryAfterSeconds: number): void {
    this.rateLimited = requests;
    this.retryAfter = String(retryAfterSeconds);
  }

  route(handler: RestRoute): void {
    this.routes.unshift(handler);
  }
  onMessage(handler: (conn: FakeConnection, text: string) => void): void {
    this.messageHandlers.push(handler);
  }
  onConnect(handler: (conn: FakeConnection) => void): void {
    this.connectHandlers.push(handler);
  }

  open(): FakeConnection[] {
    return this.connections.filter((c) => c.ws.readyState === c.ws.OPEN);
  }

  /** Sends to every open connection (optionally only those on a path), unless silent. */
  broadcast(text: string, path?: string): void {
    if (this.silent) return;
    for (const conn of this.open()) if (!path || conn.path.startsWith(path)) conn.ws.send(text);
  }

  closeAll(code: number): void {
    for (const conn of this.open()) conn.ws.close(code, 'fake close');
  }
  /** Drops connections without a close frame (the client sees 1006). */
  terminateAll(): void {
    for (const conn of this.open()) conn.ws.terminate();
  }
  /** Resets the TCP connections (RST). */
  resetAll(): void {
    for (const socket of this.sockets) socket.resetAndDestroy();
  }

  async stop(): Promise<void> {
    for (const conn of this.connections) conn.ws.terminate();
    for (const socket of this.sockets) socket.destroy();
    this.wss.close();
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.httpUrl);
    if (this.restDelayMs > 0) await sleep(this.restDelayMs);
    if (this.rateLimited > 0) {
      this.rateLimited -= 1;
      this.restLog.push({ method: req.method ?? 'GET', path: url.pathname, at: Date.now(), status: 429 });
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': this.retryAfter });
      res.end('{"code":-1003,"msg":"Too many requests"}');
      return;
    }
    for (const route of this.routes) {
      const answer = route(req, url, body);
      if (!answer) continue;
      const status = answer.status ?? 200;
      this.restLog.push({ method: req.method ?? 'GET', path: url.pathname, at: Date.now(), status });
      res.writeHead(status, { 'content-type': 'application/json', ...answer.headers });
      res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
      return;
    }
    this.restLog.push({ method: req.method ?? 'GET', path: url.pathname, at: Date.now(), status: 404 });
    res.writeHead(404).end('{"msg":"not found"}');
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `check` returns a truthy value or the timeout passes. */
export async function waitFor<T>(
  check: () => T,
  timeoutMs = 5000,
  what = 'condition',
): Promise<NonNullable<T>> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

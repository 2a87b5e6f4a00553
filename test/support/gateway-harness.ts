/**
 * Runs the real gateway (HTTP + ws, real timers) on a free loopback port over the fake venue and
 * fake market data, and gives tests a bot client that queues what it receives and checks every
 * server message against the documented schemas (SERVER_SCHEMAS).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { nodeTimers, systemClock } from '../../src-main/app/node-ports';
import { silentLogger, type Logger } from '../../src-main/core/ports';
import { startGateway, type RunningGateway } from '../../src-main/gateway/gateway';
import type { GatewayLimits } from '../../src-main/gateway/limits';
import { SERVER_SCHEMAS, type ServerMessageType } from '../../src-main/gateway/protocol/server-messages';
import type { VenuePort } from '../../src-main/gateway/venue-port';
import { FakeMarketData } from './gateway-fake-market-data';
import { FakeVenue } from './gateway-fake-venue';

export type Msg = { type: string; [key: string]: unknown };

export interface HarnessOptions {
  readonly limits?: Partial<GatewayLimits>;
  readonly asyncAcks?: boolean;
  readonly allowedOrigins?: readonly string[];
  readonly venue?: VenuePort;
  readonly log?: Logger;
}

export async function startTestGateway(options: HarnessOptions = {}) {
  const fake = new FakeVenue({ asyncAcks: options.asyncAcks ?? false, now: () => Date.now() });
  const venue = options.venue ?? fake;
  const marketData = new FakeMarketData();
  const dataDir = mkdtempSync(join(tmpdir(), 'depthline-gateway-'));
  const gw: RunningGateway = await startGateway({
    port: 0,
    dataDir,
    venue,
    marketData,
    clock: systemClock,
    timers: nodeTimers,
    log: options.log ?? silentLogger,
    ...(options.limits ? { limits: options.limits } : {}),
    ...(options.allowedOrigins ? { allowedOrigins: options.allowedOrigins } : {}),
  });
  const bots: TestBot[] = [];

  type DialOptions = {
    auth?: 'header' | 'message' | 'none';
    token?: string;
    origin?: string;
    host?: string;
    headers?: Record<string, string>;
    path?: string;
  };

  /** Open a socket; resolves with the bot or the HTTP status of the refusal. */
  function dial(opts: DialOptions = {}): Promise<{ status: 'open'; bot: TestBot } | { status: number }> {
    const auth = opts.auth ?? 'header';
    const token = opts.token ?? gw.token;
    const headers: Record<string, string> = { ...opts.headers };
    if (auth === 'header') headers.Authorization = `Bearer ${token}`;
    if (opts.host) headers.Host = opts.host;
    const ws = new WebSocket(`ws://127.0.0.1:${gw.port}${opts.path ?? '/'}`, {
      headers,
      ...(opts.origin === undefined ? {} : { origin: opts.origin }),
    });
    const bot = new TestBot(ws);
    return new Promise((resolve) => {
      ws.once('open', () => {
        bots.push(bot);
        if (auth === 'message') bot.send({ type: 'auth', token });
        resolve({ status: 'open', bot });
      });
      ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
      ws.once('error', () => resolve({ status: -1 }));
    });
  }

  /** An authenticated bot that has received the on-connect snapshots. */
  async function connect(opts: DialOptions = {}): Promise<TestBot> {
    const dialed = await dial(opts);
    if (dialed.status !== 'open') throw new Error(`dial refused with ${dialed.status}`);
    await dialed.bot.next('agents_snapshot');
    return dialed.bot;
  }

  /** A connected bot registered as an agent. */
  async function agent(name: string, capital = '100000'): Promise<{ bot: TestBot; agentId: string }> {
    const bot = await connect();
    const reply = await bot.request({ type: 'agent_register', name, starting_capital: capital });
    if (reply.type !== 'agent_registered') throw new Error(`register failed: ${JSON.stringify(reply)}`);
    return { bot, agentId: reply.agent_id as string };
  }

  async function close(): Promise<void> {
    for (const bot of bots) bot.ws.terminate();
    await gw.close();
  }

  return { gw, venue, fake, marketData, dataDir, dial, connect, agent, close, bots };
}

let nextReqId = 1;

export class TestBot {
  readonly inbox: Msg[] = [];
  /** Types of every message received, in arrival order (never consumed). */
  readonly seen: string[] = [];
  /** performance.now() at the arrival of each message. */
  readonly receivedAt = new WeakMap<Msg, number>();
  readonly schemaErrors: string[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly waiters = new Set<() => void>();

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const text = data.toString('utf8');
      if (isBinary) this.schemaErrors.push('server sent a binary frame');
      const msg = JSON.parse(text) as Msg;
      const schema = SERVER_SCHEMAS[msg.type as ServerMessageType];
      if (!schema) this.schemaErrors.push(`unknown server message type ${msg.type}`);
      else {
        const checked = schema.safeParse(msg);
        if (!checked.success) this.schemaErrors.push(`${msg.type}: ${checked.error.message}`);
      }
      this.receivedAt.set(msg, performance.now());
      this.inbox.push(msg);
      this.seen.push(msg.type);
      for (const wake of [...this.waiters]) wake();
    });
    this.closed = new Promise((resolve) =>
      ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })),
    );
  }

  send(message: object | string): void {
    this.ws.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  /** Removes and returns the first queued message matching, waiting up to `timeoutMs`. */
  next(match: string | ((m: Msg) => boolean), timeoutMs = 3000): Promise<Msg> {
    const pred = typeof match === 'string' ? (m: Msg) => m.type === match : match;
    return new Promise((resolve, reject) => {
      const attempt = (): boolean => {
        const index = this.inbox.findIndex(pred);
        if (index < 0) return false;
        const [found] = this.inbox.splice(index, 1);
        resolve(found!);
        return true;
      };
      if (attempt()) return;
      const wake = () => {
        if (attempt()) {
          this.waiters.delete(wake);
          clearTimeout(timer);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(wake);
        reject(
          new Error(
            `no message matching ${String(match)} within ${timeoutMs} ms; inbox: ${JSON.stringify(this.inbox).slice(0, 600)}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(wake);
    });
  }

  /** Sends with a fresh req_id and resolves with the response or error carrying it. */
  request(message: Record<string, unknown>, timeoutMs = 3000): Promise<Msg> {
    const reqId = nextReqId++;
    this.send({ ...message, req_id: reqId });
    return this.next((m) => m.req_id === reqId, timeoutMs);
  }

  /** Drop everything queued so far (e.g. the connect snapshots). */
  drain(): Msg[] {
    return this.inbox.splice(0, this.inbox.length);
  }
}

/**
 * Example bot: a simple market maker for the Depthline agents API (docs/agents-api.md).
 *
 * It registers an agent, then every `intervalMs` cancels its quotes and places a new bid and ask
 * `spreadTicks` ticks around the mid of the venue's book (a fallback mid while the book is empty;
 * the ask only when it holds base to sell). Prices are computed in integer ticks and sent as
 * decimal strings: never as floats.
 *
 * Run it against a running Depthline (`npm run serve` or the desktop app):
 *   npx tsx examples/market-maker.ts --token-file ~/.local/share/depthline/gateway.token
 * Options: --url ws://127.0.0.1:7421/  --symbol BTC-USD  --name mm-1  --capital 10000
 *          --spread-ticks 5  --size <lots of min_size>  --interval-ms 500  --cycles <n, default forever>
 * Env: DEPTHLINE_GATEWAY_URL, DEPTHLINE_GATEWAY_TOKEN (instead of --token-file).
 * Depends only on the `ws` package; copy it anywhere.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';

export interface MarketMakerOptions {
  readonly url: string;
  readonly token: string;
  readonly name: string;
  readonly symbol: string;
  readonly capital: string;
  readonly spreadTicks: number;
  /** Order size as a decimal string; defaults to the instrument's min_size. */
  readonly size?: string;
  /** Mid used while the book has no bid or no ask. */
  readonly fallbackMid: string;
  readonly intervalMs: number;
  /** Stop after this many requotes (undefined = run until stopped). */
  readonly cycles?: number;
  readonly log?: (line: string) => void;
}

export interface MarketMakerStats {
  agentId: string;
  cycles: number;
  placed: number;
  canceled: number;
  fills: number;
  /** Error codes received, with counts (a healthy run has only expected ones). */
  errors: Record<string, number>;
  /** Responses still outstanding at the end (must be 0: no message lost). */
  unanswered: number;
  finalCash: string;
  /** Set when the server closed the connection (e.g. 4001: disconnected by the user). */
  closedByServer: { code: number; reason: string } | null;
}

type Msg = { type: string; [key: string]: unknown };
type Level = { px: string; sz: string; n: number };

/** Decimal string <-> integer count of `step` units, exactly (no floats). */
function decimals(step: string): number {
  return step.includes('.') ? step.length - step.indexOf('.') - 1 : 0;
}
function toUnits(value: string, scale: number): bigint {
  const [whole, frac = ''] = value.split('.');
  return BigInt(whole + frac.padEnd(scale, '0').slice(0, scale));
}
function fromUnits(units: bigint, scale: number): string {
  const digits = units.toString().padStart(scale + 1, '0');
  if (scale === 0) return digits;
  const text = `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/0+$/, '');
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

export async function runMarketMaker(options: MarketMakerOptions): Promise<MarketMakerStats> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const ws = new WebSocket(options.url, { headers: { Authorization: `Bearer ${options.token}` } });
  const stats: MarketMakerStats = {
    agentId: '',
    cycles: 0,
    placed: 0,
    canceled: 0,
    fills: 0,
    errors: {},
    unanswered: 0,
    finalCash: '0',
    closedByServer: null,
  };
  const pending = new Map<number, (m: Msg) => void>();
  const waiting = new Map<string, (m: Msg) => void>();
  let nextReq = 1;
  let book: { bids: Level[]; asks: Level[] } = { bids: [], asks: [] };
  let instrument: { tick_size: string; lot_size: string; min_size: string } | null = null;
  let baseHeld = 0n;
  let cash = '0';
  /** Ids of our quotes resting on the book. */
  let open: string[] = [];

  ws.on('message', (data: Buffer) => {
    const msg = JSON.parse(data.toString('utf8')) as Msg;
    if (msg.type === 'error') stats.errors[String(msg.code)] = (stats.errors[String(msg.code)] ?? 0) + 1;
    if (msg.type === 'instruments') {
      const list = msg.instruments as Array<{
        symbol_id: string;
        tick_size: string;
        lot_size: string;
        min_size: string;
      }>;
      instrument = list.find((i) => i.symbol_id === options.symbol) ?? null;
    }
    if (msg.type === 'orderbooks') {
      for (const b of msg.books as Array<{ symbol_id: string; bids: Level[]; asks: Level[] }>) {
        if (b.symbol_id === options.symbol) book = b;
      }
    }
    if (msg.type === 'order_filled') {
      stats.fills++;
      // A fully filled quote is gone: do not try to cancel it.
      if (msg.remaining_quantity === '0') open = open.filter((id) => id !== msg.order_id);
    }
    if (msg.type === 'order_canceled') open = open.filter((id) => id !== msg.order_id);
    if (msg.type === 'portfolio_update') {
      cash = String(msg.cash);
      const base = options.symbol.split('-')[0];
      const holding = (msg.holdings as Array<{ asset: string; free: string }>).find((h) => h.asset === base);
      baseHeld = holding && instrument ? toUnits(holding.free, decimals(instrument.lot_size)) : 0n;
    }
    if (typeof msg.req_id === 'number') pending.get(msg.req_id)?.(msg);
    waiting.get(msg.type)?.(msg);
  });

  let closing = false;
  let stopped = false;
  ws.on('close', (code: number, reason: Buffer) => {
    if (!closing) {
      stats.closedByServer = { code, reason: reason.toString() };
      log(`the server closed the connection: ${code} ${reason.toString()}`);
    }
    stopped = true;
    // Nothing will answer what is still outstanding on a closed socket.
    for (const [reqId, settle] of [...pending]) settle({ type: 'closed', req_id: reqId });
  });

  const request = (message: Record<string, unknown>): Promise<Msg> => {
    const reqId = nextReq++;
    if (ws.readyState !== WebSocket.OPEN) return Promise.resolve({ type: 'closed', req_id: reqId });
    ws.send(JSON.stringify({ ...message, req_id: reqId }));
    return new Promise((resolve) => {
      pending.set(reqId, (m) => {
        pending.delete(reqId);
        resolve(m);
      });
    });
  };
  const waitFor = (type: string): Promise<Msg> =>
    new Promise((resolve) => {
      waiting.set(type, (m) => {
        waiting.delete(type);
        resolve(m);
      });
    });

  const welcome = waitFor('agents_snapshot');
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  await welcome;
  if (!instrument) throw new Error(`the venue has no instrument ${options.symbol}`);
  const spec: { tick_size: string; lot_size: string; min_size: string } = instrument;
  const registered = await request({
    type: 'agent_register',
    name: options.name,
    starting_capital: options.capital,
  });
  if (registered.type !== 'agent_registered') throw new Error(`register failed: ${String(registered.msg)}`);
  stats.agentId = String(registered.agent_id);
  log(`registered ${options.name} as ${stats.agentId}`);

  const priceScale = decimals(spec.tick_size);
  const tick = toUnits(spec.tick_size, priceScale);
  const size = options.size ?? spec.min_size;
  const sizeUnits = toUnits(size, decimals(spec.lot_size));

  const quote = async (): Promise<void> => {
    const cancels = open.map((orderId) =>
      request({ type: 'cancel_order', symbol_id: options.symbol, orderId }),
    );
    for (const reply of await Promise.all(cancels)) if (reply.type === 'cancel_response') stats.canceled++;
    open = [];
    const bestBid = book.bids[0]?.px;
    const bestAsk = book.asks[0]?.px;
    const mid =
      bestBid && bestAsk
        ? (toUnits(bestBid, priceScale) + toUnits(bestAsk, priceScale)) / 2n
        : toUnits(options.fallbackMid, priceScale);
    const midOnGrid = (mid / tick) * tick;
    const orders = [{ side: 'buy', price: midOnGrid - BigInt(options.spreadTicks) * tick }];
    if (baseHeld >= sizeUnits)
      orders.push({ side: 'sell', price: midOnGrid + BigInt(options.spreadTicks) * tick });
    const replies = await Promise.all(
      orders
        .filter((o) => o.price > 0n)
        .map((o) =>
          request({
            type: 'add_order',
            symbol_id: options.symbol,
            side: o.side,
            price: fromUnits(o.price, priceScale),
            quantity: size,
            time_in_force: 'POST_ONLY',
          }),
        ),
    );
    for (const reply of replies) {
      if (reply.type !== 'order_response') continue;
      stats.placed++;
      if (reply.status === 'open') open.push(String(reply.order_id));
    }
    stats.cycles++;
  };

  const stop = () => (stopped = true);
  process.once('SIGINT', stop);
  while (!stopped && (options.cycles === undefined || stats.cycles < options.cycles)) {
    await quote();
    await new Promise((r) => setTimeout(r, options.intervalMs));
  }
  process.off('SIGINT', stop);
  if (stats.closedByServer === null) {
    for (const orderId of open) await request({ type: 'cancel_order', symbol_id: options.symbol, orderId });
    const portfolio = await request({ type: 'get_portfolio' });
    stats.finalCash = String(portfolio.cash ?? cash);
    stats.unanswered = pending.size;
    closing = true;
    ws.close(1000, 'done');
  } else {
    stats.finalCash = cash;
  }
  log(`done: ${JSON.stringify(stats)}`);
  return stats;
}

function cli(): void {
  const { values } = parseArgs({
    options: {
      url: { type: 'string', default: process.env.DEPTHLINE_GATEWAY_URL ?? 'ws://127.0.0.1:7421/' },
      'token-file': { type: 'string' },
      symbol: { type: 'string', default: 'BTC-USD' },
      name: { type: 'string', default: 'mm-1' },
      capital: { type: 'string', default: '10000' },
      'spread-ticks': { type: 'string', default: '5' },
      size: { type: 'string' },
      mid: { type: 'string', default: '100' },
      'interval-ms': { type: 'string', default: '500' },
      cycles: { type: 'string' },
    },
  });
  const token = values['token-file']
    ? readFileSync(values['token-file'], 'utf8').trim()
    : process.env.DEPTHLINE_GATEWAY_TOKEN;
  if (!token) {
    process.stderr.write(
      'market-maker: pass --token-file <data dir>/gateway.token or set DEPTHLINE_GATEWAY_TOKEN\n',
    );
    process.exit(2);
  }
  runMarketMaker({
    url: values.url,
    token,
    name: values.name,
    symbol: values.symbol,
    capital: values.capital,
    spreadTicks: Number(values['spread-ticks']),
    fallbackMid: values.mid,
    intervalMs: Number(values['interval-ms']),
    ...(values.size ? { size: values.size } : {}),
    ...(values.cycles ? { cycles: Number(values.cycles) } : {}),
  }).catch((error: unknown) => {
    process.stderr.write(`market-maker: ${String(error)}\n`);
    process.exit(1);
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) cli();

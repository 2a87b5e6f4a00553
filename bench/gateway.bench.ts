/**
 * The agents' gateway: its own cost per order (decode, validation, grid check, response
 * serialization; in process, no venue work), and end to end over loopback with N bots in a worker
 * thread: orders/s at saturation, ack latency p50/p99 when paced at 10,000 orders/s, messages lost,
 * venue invariants at the end, and RSS growth. The venue is the in-memory FAKE venue of the tests
 * (named in every figure) until the real simulated venue implements the VenuePort; the targets
 * (50,000 orders/s, p99 < 5 ms at 10,000/s, zero lost) apply to the real engine.
 */
import { Worker } from 'node:worker_threads';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeTimers, systemClock } from '../src-main/app/node-ports';
import { silentLogger } from '../src-main/core/ports';
import { startGateway } from '../src-main/gateway/gateway';
import { CLIENT_SCHEMAS } from '../src-main/gateway/protocol/client-messages';
import { decodeClientMessage } from '../src-main/gateway/protocol/decode';
import { orderResponse } from '../src-main/gateway/protocol/outbound';
import type { DecimalString } from '../src-shared/domain';
import type { OrderView, VenuePort } from '../src-main/gateway/venue-port';
import { FakeMarketData } from '../test/support/gateway-fake-market-data';
import { FakeVenue } from '../test/support/gateway-fake-venue';
import { inProcessGateway } from '../test/support/gateway-inprocess';
import { median, opsPerSecond, percentile, report } from './lib/report';

const ORDER_STRINGS = JSON.stringify({
  type: 'add_order',
  symbol_id: 'BTC-USD',
  side: 'buy',
  price: '100.25',
  quantity: '0.01',
  time_in_force: 'GTC',
  client_order_id: 'c-123',
  req_id: 42,
});
const ORDER_NUMBERS = ORDER_STRINGS.replace('"100.25"', '100.25').replace('"0.01"', '0.01');

function decoding(): void {
  const n = 200_000;
  const parsed: unknown = JSON.parse(ORDER_STRINGS);
  const strings = median(opsPerSecond(() => loop(n, () => decodeClientMessage(ORDER_STRINGS)), n));
  const numbers = median(opsPerSecond(() => loop(n, () => decodeClientMessage(ORDER_NUMBERS)), n));
  const parseOnly = median(opsPerSecond(() => loop(n, () => JSON.parse(ORDER_STRINGS)), n));
  const zodOnly = median(opsPerSecond(() => loop(n, () => CLIENT_SCHEMAS.add_order.safeParse(parsed)), n));
  report({ name: 'gateway.decode.add_order_strings', value: strings, unit: 'msgs/s', runs: 7 });
  report({
    name: 'gateway.decode.add_order_numbers',
    value: numbers,
    unit: 'msgs/s',
    peer: 'strings',
    ratio: numbers / strings,
    runs: 7,
  });
  report({ name: 'gateway.decode.json_parse_only', value: parseOnly, unit: 'msgs/s', runs: 7 });
  const view = stubAck();
  const encode = median(opsPerSecond(() => loop(n, () => JSON.stringify(orderResponse(view, 42))), n));
  report({ name: 'gateway.encode.order_response', value: encode, unit: 'msgs/s', runs: 7 });
  report({
    name: 'gateway.decode.zod_only',
    value: zodOnly,
    unit: 'msgs/s',
    peer: 'full decode',
    ratio: zodOnly / strings,
    runs: 7,
  });
}

function stubAck(): OrderView {
  return {
    orderId: '1',
    agentId: 'a1',
    symbol: 'BTC-USD',
    side: 'buy',
    orderType: 'limit',
    timeInForce: 'GTC',
    price: '100.25' as DecimalString,
    quantity: '0.01' as DecimalString,
    filledQuantity: '0' as DecimalString,
    remainingQuantity: '0.01' as DecimalString,
    status: 'open',
    time: 1,
  };
}

/** The whole session path for one order with a venue that does no work: the gateway's own cost. */
function overhead(): void {
  const ack = stubAck();
  const fake = new FakeVenue();
  const stub: VenuePort = Object.assign(Object.create(fake) as FakeVenue, {
    placeOrder: () => ({ ok: true as const, value: ack }),
  });
  const g = inProcessGateway({ venue: stub });
  const s = g.open();
  s.send({ type: 'agent_register', name: 'bench', starting_capital: '1000' });
  let sent = 0;
  (s.peer as { send: (text: string) => void }).send = () => void sent++;
  const n = 100_000;
  const rate = median(opsPerSecond(() => loop(n, () => s.session.receive(ORDER_STRINGS)), n));
  report({ name: 'gateway.overhead.order_in_process', value: rate, unit: 'orders/s', runs: 7 });
  report({ name: 'gateway.overhead.order_in_process_cost', value: 1e6 / rate, unit: 'us/order', runs: 7 });
  if (sent < n) throw new Error('the session did not answer every order');
}

interface BotReport {
  elapsed: number;
  ordersInWindow: number;
  sentOrders: number;
  ackedOrders: number;
  sentCancels: number;
  ackedCancels: number;
  errors: number;
  unanswered: number;
  closed: number[];
  latencies: Float64Array;
}

async function endToEnd(
  mode: 'max' | 'paced',
  flow: 'ioc' | 'rest',
  bots: number,
  ratePerBot: number,
  durationMs: number,
) {
  const venue = new FakeVenue({ now: () => Date.now() });
  const gw = await startGateway({
    port: 0,
    dataDir: mkdtempSync(join(tmpdir(), 'depthline-bench-gw-')),
    venue,
    marketData: new FakeMarketData(),
    clock: systemClock,
    timers: nodeTimers,
    log: silentLogger,
  });
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const worker = new Worker(new URL('./lib/gateway-bots.mjs', import.meta.url), {
    workerData: { url: gw.url, token: gw.token, bots, mode, flow, durationMs, window: 8, ratePerBot },
  });
  const result = await new Promise<BotReport>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  global.gc?.();
  const rssGrowth = process.memoryUsage().rss - rssBefore;
  const invariants = venue.invariantErrors();
  await gw.close();
  const sorted = result.latencies.sort();
  return { ...result, sorted, rssGrowth, invariants };
}

async function endToEndFigures(): Promise<void> {
  const bots = 16;
  const runs = 3;
  const lost = (r: BotReport) => r.unanswered + r.closed.length;
  const all: Array<Awaited<ReturnType<typeof endToEnd>>> = [];
  // Saturation: one IOC order per request, 8 in flight per bot; median of 3 runs.
  const max = [];
  for (let i = 0; i < runs; i++) max.push(await endToEnd('max', 'ioc', bots, 0, 3000));
  all.push(...max);
  const figure = (name: string, values: number[], unit: string) =>
    report({ name, value: median(values), unit, runs });
  figure(
    'gateway.fake_venue.orders_per_s',
    max.map((r) => r.ordersInWindow / r.elapsed),
    'orders/s',
  );
  figure(
    'gateway.fake_venue.saturated_ack_p50',
    max.map((r) => percentile(r.sorted, 50)),
    'ms',
  );
  figure(
    'gateway.fake_venue.saturated_ack_p99',
    max.map((r) => percentile(r.sorted, 99)),
    'ms',
  );
  // Open loop at the target rate, sent every millisecond.
  const paced = [];
  for (let i = 0; i < runs; i++) paced.push(await endToEnd('paced', 'ioc', bots, 10_000 / bots, 4000));
  all.push(...paced);
  figure(
    'gateway.fake_venue.paced_orders_per_s',
    paced.map((r) => r.ackedOrders / r.elapsed),
    'orders/s',
  );
  figure(
    'gateway.fake_venue.ack_p50_at_10k',
    paced.map((r) => percentile(r.sorted, 50)),
    'ms',
  );
  figure(
    'gateway.fake_venue.ack_p99_at_10k',
    paced.map((r) => percentile(r.sorted, 99)),
    'ms',
  );
  // Resting orders canceled by the bot: two requests per order.
  const rest = await endToEnd('max', 'rest', bots, 0, 3000);
  all.push(rest);
  report({
    name: 'gateway.fake_venue.rest_and_cancel_requests_per_s',
    value: (rest.ordersInWindow * 2) / rest.elapsed,
    unit: 'req/s',
  });
  const totalLost = all.reduce((n, r) => n + lost(r), 0);
  const violations = all.reduce((n, r) => n + r.invariants.length, 0);
  report({ name: 'gateway.fake_venue.messages_lost', value: totalLost, unit: 'messages', runs: all.length });
  report({
    name: 'gateway.fake_venue.invariant_violations',
    value: violations,
    unit: 'violations',
    runs: all.length,
  });
  report({
    name: 'gateway.fake_venue.rss_growth_max',
    value: Math.max(...all.map((r) => r.rssGrowth)) / 2 ** 20,
    unit: 'MiB',
    runs: all.length,
  });
  if (totalLost > 0 || violations > 0) {
    throw new Error(`lost or broken: ${JSON.stringify(all.map((r) => r.invariants))}`);
  }
}

function loop(n: number, fn: () => unknown): void {
  for (let i = 0; i < n; i++) fn();
}

decoding();
overhead();
await endToEndFigures();

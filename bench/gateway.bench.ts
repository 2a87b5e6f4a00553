/**
 * The agents' gateway. In process: decode and encode cost, and its own cost per order with a venue
 * that does no work. End to end over loopback (bench/lib/gateway-figures.ts), N bots in a child
 * process against three targets, each named in its figures:
 * - `fake_venue`: the gateway over the tests' in-memory fake venue (the gateway's overhead alone);
 * - `sim_memory`: the REAL application (composition root: simulated venue with its agents running,
 *   market data, gateway), journal kept in memory;
 * - `sim_sqlite`: the same with the journal in SQLite (synchronous=FULL): every ack waits until
 *   its command is durable.
 * Plus the environment (cores, load from other processes) and the disk's fdatasync latency, the
 * floor of a durable ack. Targets: 50,000 orders/s end to end, p99 ack < 5 ms at 10,000 orders/s,
 * zero messages lost. `npm run bench:gateway -- sim_memory` runs one target.
 */
import { closeSync, fdatasyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitGcToCores } from '../src-main/app/gc-threads';
import { CLIENT_SCHEMAS } from '../src-main/gateway/protocol/client-messages';
import { decodeClientMessage } from '../src-main/gateway/protocol/decode';
import { orderResponseText } from '../src-main/gateway/protocol/encode-hot';
import { orderResponse } from '../src-main/gateway/protocol/outbound';
import type { DecimalString } from '../src-shared/domain';
import type { OrderView, VenuePort } from '../src-main/gateway/venue-port';
import { FakeVenue } from '../test/support/gateway-fake-venue';
import { inProcessGateway } from '../test/support/gateway-inprocess';
import { targetFigures } from './lib/gateway-figures';
import { fakeTarget, simTarget } from './lib/gateway-targets';
import { median, opsPerSecond, percentile, report } from './lib/report';

// The app's services run as the app's boot sets them up (src-main/app/gc-threads.ts).
const scavenges = fitGcToCores();

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
  const generic = median(opsPerSecond(() => loop(n, () => JSON.stringify(orderResponse(view, 42))), n));
  const encode = median(opsPerSecond(() => loop(n, () => orderResponseText(view, 42)), n));
  report({
    name: 'gateway.encode.order_response',
    value: encode,
    unit: 'msgs/s',
    peer: 'builder + JSON.stringify',
    ratio: encode / generic,
    runs: 7,
  });
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

function loop(n: number, fn: () => unknown): void {
  for (let i = 0; i < n; i++) fn();
}

/** fdatasync latency where the benchmark's journal lives: the floor of a durable ack. */
function diskSync(): void {
  const dir = mkdtempSync(join(tmpdir(), 'depthline-bench-fsync-'));
  const fd = openSync(join(dir, 'probe'), 'w');
  const page = Buffer.alloc(8192, 1);
  const latencies: number[] = [];
  for (let i = 0; i < 300; i++) {
    writeSync(fd, page);
    const start = performance.now();
    fdatasyncSync(fd);
    latencies.push(performance.now() - start);
  }
  closeSync(fd);
  rmSync(dir, { recursive: true, force: true });
  const sorted = Float64Array.from(latencies).sort();
  report({ name: 'gateway.disk.fdatasync_p50', value: percentile(sorted, 50), unit: 'ms' });
  report({ name: 'gateway.disk.fdatasync_p99', value: percentile(sorted, 99), unit: 'ms' });
}

function environment(): void {
  report({ name: 'gateway.env.cores', value: availableParallelism(), unit: 'cores' });
  report({
    name: 'gateway.env.single_threaded_scavenges',
    value: scavenges === 'single-threaded' ? 1 : 0,
    unit: 'bool',
  });
  report({ name: 'gateway.env.load_1m', value: loadavg()[0] ?? 0, unit: 'runnable' });
}

// Targets from the command line (default all): fake_venue sim_memory sim_sqlite.
const wanted = process.argv.slice(2);
const wants = (name: string) => wanted.length === 0 || wanted.includes(name);

environment();
decoding();
overhead();
diskSync();
for (const [name, make] of [
  ['fake_venue', () => fakeTarget()],
  ['sim_memory', () => simTarget('memory')],
  ['sim_sqlite', () => simTarget('sqlite')],
] as const) {
  if (!wants(name)) continue;
  const target = await make();
  try {
    await targetFigures(target);
  } finally {
    await target.close();
  }
}
environment();

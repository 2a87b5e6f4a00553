/**
 * Matching engine throughput and latency, against nodejs-order-book (v10, the most used JS order
 * book) on the same pre-generated integer-tick command streams, in the same process.
 *
 * Our engine runs as it will really run: with the spot ledger on (every order locks and releases funds,
 * every fill settles balances, fees and positions) and events emitted to a sink (a counting one, so the
 * emission cost is measured but no consumer's). The ledger is not separable, so there is no "without"
 * figure. The peer has no funds, no fees and no events.
 *
 * Figures (medians over runs after warm-up, because this 2-core machine is shared and noisy): ops/s
 * per scenario; p50/p99/p99.9 per operation type and over all ops, each the median over 3 per-op
 * timed passes (a sample includes one performance.now() call, reported as timer_overhead); the
 * deep-queue cancel cost relative to the shallow (exchange-core mix) one, at p50 and p99 and in mean.
 */
import { OrderBook } from 'nodejs-order-book';
import type { Engine } from '../src-main/core/engine/engine';
import type { EngineSink } from '../src-main/core/engine/events';
import type { AmendOrder, CancelOrder, PlaceOrder } from '../src-main/core/engine/types';
import {
  benchEngine,
  CANCEL,
  deepQueue,
  exchangeCoreMix,
  GTC,
  IOC,
  MOVE,
  OP_NAMES,
  type Stream,
} from './lib/engine-streams';
import { median, percentile, report } from './lib/report';

class CountingSink implements EngineSink {
  count = 0;
  accountRegistered(): void {
    this.count++;
  }
  funds(): void {
    this.count++;
  }
  accepted(): void {
    this.count++;
  }
  rejected(): void {
    this.count++;
  }
  trade(): void {
    this.count++;
  }
  canceled(): void {
    this.count++;
  }
  amended(): void {
    this.count++;
  }
  expired(): void {
    this.count++;
  }
  level(): void {
    this.count++;
  }
}

interface Runner {
  setup(): void;
  op(i: number): void;
  /** L2 book as "price:qty" per side, for the consistency check. */
  book(): string;
}

/** Resting orders and price levels of our engine's book at the end of a run. */
let shape = { orders: 0, levels: 0 };

function ours(stream: Stream, sink: EngineSink = new CountingSink()): Runner {
  let engine: Engine = benchEngine();
  const { kinds, ours: cmds } = stream;
  return {
    setup() {
      engine = benchEngine(sink);
      for (let i = 0; i < stream.prefill; i++) this.op(i);
    },
    op(i) {
      const kind = kinds[i];
      if (kind === MOVE) engine.amendOrder(cmds[i] as AmendOrder);
      else if (kind === CANCEL) engine.cancelOrder(cmds[i] as CancelOrder);
      else engine.placeOrder(cmds[i] as PlaceOrder);
    },
    book: () => {
      const levels = [...engine.depth('BTC-USD', 'sell', 1e9), ...engine.depth('BTC-USD', 'buy', 1e9)];
      shape = { orders: levels.reduce((n, l) => n + l.orders, 0), levels: levels.length };
      return JSON.stringify(
        [engine.depth('BTC-USD', 'sell', 1e9), engine.depth('BTC-USD', 'buy', 1e9)].map((side) =>
          side.map((l) => `${l.price}:${l.qty}`),
        ),
      );
    },
  };
}

function peer(stream: Stream): Runner {
  let ob = new OrderBook();
  const { kinds, peerIds, peerLimits } = stream;
  const moves = stream.peerPrices.map((price) => ({ price }));
  return {
    setup() {
      ob = new OrderBook();
      for (let i = 0; i < stream.prefill; i++) this.op(i);
    },
    op(i) {
      const kind = kinds[i];
      if (kind === MOVE) ob.modify(peerIds[i]!, moves[i]!);
      else if (kind === CANCEL) ob.cancel(peerIds[i]!);
      else ob.limit(peerLimits[i]! as Parameters<OrderBook['limit']>[0]);
    },
    book: () => {
      const [asks, bids] = ob.depth();
      const sort = (side: Array<[number, number]>, desc: boolean) =>
        [...side].sort((a, b) => (desc ? b[0] - a[0] : a[0] - b[0])).map(([p, q]) => `${p}:${q}`);
      return JSON.stringify([sort(asks, false), sort(bids, true)]);
    },
  };
}

const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** ops/s of each timed run (after `warmup` untimed ones); each run starts from a fresh prefilled book. */
function throughput(runner: Runner, stream: Stream, runs: number, warmup: number): number[] {
  const out: number[] = [];
  const n = stream.kinds.length;
  for (let run = 0; run < warmup + runs; run++) {
    runner.setup();
    gc();
    const start = performance.now();
    for (let i = stream.prefill; i < n; i++) runner.op(i);
    const seconds = (performance.now() - start) / 1000;
    if (run >= warmup) out.push((n - stream.prefill) / seconds);
  }
  return out;
}

/** Per-op latency samples in ns, by op kind, plus all ops at the end (one timed pass on a warm runner). */
function latencyPass(runner: Runner, stream: Stream): Float64Array[] {
  runner.setup();
  gc();
  const n = stream.kinds.length;
  const byKind = OP_NAMES.map(() => [] as number[]);
  const all = new Float64Array(n - stream.prefill);
  for (let i = stream.prefill; i < n; i++) {
    const start = performance.now();
    runner.op(i);
    const ns = (performance.now() - start) * 1e6;
    byKind[stream.kinds[i]!]!.push(ns);
    all[i - stream.prefill] = ns;
  }
  return [...byKind.map((samples) => Float64Array.from(samples).sort()), all.sort()];
}

const ALL = OP_NAMES.length;
const PERCENTILES = [50, 99, 99.9] as const;
type Stat = 'mean' | `p${(typeof PERCENTILES)[number]}`;

/** For each op kind (and ALL): each statistic as the median over `passes` timed passes. */
function latencies(runner: Runner, stream: Stream, passes = 3): Array<Record<Stat, number>> {
  const runs = Array.from({ length: passes }, () => latencyPass(runner, stream));
  return runs[0]!.map((_, kind) => {
    const stat = (f: (xs: Float64Array) => number) =>
      median(runs.map((r) => (r[kind]!.length ? f(r[kind]!) : NaN)));
    return {
      mean: stat((xs) => xs.reduce((a, b) => a + b, 0) / xs.length),
      p50: stat((xs) => percentile(xs, 50)),
      p99: stat((xs) => percentile(xs, 99)),
      'p99.9': stat((xs) => percentile(xs, 99.9)),
    };
  });
}

function timerOverhead(): number {
  const samples = new Float64Array(200_000);
  for (let i = 0; i < samples.length; i++) {
    const start = performance.now();
    samples[i] = (performance.now() - start) * 1e6;
  }
  return percentile(samples.sort(), 50);
}

function reportLatency(
  engineName: string,
  scenario: string,
  stats: Array<Record<Stat, number>>,
  kinds: number[],
): void {
  for (const kind of [...kinds, ALL]) {
    const name = kind === ALL ? 'all' : OP_NAMES[kind]!;
    for (const p of PERCENTILES) {
      report({
        name: `${engineName}.${scenario}.${name}.p${p}`,
        value: stats[kind]![`p${p}`],
        unit: 'ns',
        runs: 3,
      });
    }
  }
}

function scenario(stream: Stream, runsOurs: number, runsPeer: number, kinds: number[]) {
  const mine = ours(stream);
  const theirs = peer(stream);
  const a = median(throughput(mine, stream, runsOurs, 2));
  const b = median(throughput(theirs, stream, runsPeer, 1));
  const same = mine.book() === theirs.book();
  const sink = new CountingSink();
  const counted = ours(stream, sink);
  counted.setup();
  const before = sink.count;
  for (let i = stream.prefill; i < stream.kinds.length; i++) counted.op(i);
  const eventsPerOp = (sink.count - before) / (stream.kinds.length - stream.prefill);
  report({ name: `engine.${stream.name}.ops_per_s.with_ledger`, value: a, unit: 'ops/s', runs: runsOurs });
  report({ name: `nodejs-order-book.${stream.name}.ops_per_s`, value: b, unit: 'ops/s', runs: runsPeer });
  report({
    name: `engine.${stream.name}.ratio_vs_peer`,
    value: a / b,
    unit: 'x',
    peer: 'nodejs-order-book',
    ratio: a / b,
  });
  report({ name: `engine.${stream.name}.same_final_book_as_peer`, value: same ? 1 : 0, unit: 'bool' });
  report({ name: `engine.${stream.name}.events_per_op`, value: eventsPerOp, unit: 'events' });
  report({ name: `engine.${stream.name}.final_resting_orders`, value: shape.orders, unit: 'orders' });
  report({ name: `engine.${stream.name}.final_price_levels`, value: shape.levels, unit: 'levels' });
  const ourLatency = latencies(mine, stream);
  const peerLatency = latencies(theirs, stream);
  reportLatency('engine', stream.name, ourLatency, kinds);
  reportLatency('nodejs-order-book', stream.name, peerLatency, kinds);
  return { ours: ourLatency, peer: peerLatency };
}

report({ name: 'engine.timer_overhead.p50', value: timerOverhead(), unit: 'ns' });
const xcore = scenario(exchangeCoreMix(1_000_000), 7, 3, [GTC, IOC, CANCEL, MOVE]);
const deep = scenario(deepQueue(60_000), 7, 3, [GTC, CANCEL]);
for (const [name, side] of [
  ['engine', 'ours'],
  ['nodejs-order-book', 'peer'],
] as const) {
  const [shallow, deeper] = [xcore[side][CANCEL]!, deep[side][CANCEL]!];
  for (const stat of ['p50', 'p99', 'mean'] as const) {
    report({
      name: `${name}.cancel.deep_vs_shallow.${stat}`,
      value: deeper[stat] / shallow[stat],
      unit: 'x',
      runs: 3,
    });
  }
}

/**
 * Apply throughput of depth updates: our L2Book against ccxt's WebSocket order book (the book
 * every ccxt.pro `watchOrderBook` keeps), in the same process on the same pre-generated stream.
 *
 * Inputs, so that each book gets what it really gets on its production path:
 * - ours, "wire": `applyDelta` with the venue's decimal strings ({price, size} as our parser hands
 *   them over); the book converts them to integer ticks/lots, checks the grid and the crossing.
 *   This is what every connector runs: the throughput target (5 M level updates/s at 1,000
 *   levels per side) is read on it.
 * - ours, "ticks": `applyDeltaLevels` with levels already converted (integer ticks/lots).
 * - ccxt, "numbers": `bookSide.store(price, size)` with floats parsed beforehand (ccxt's book alone).
 * - ccxt, "wire": ccxt.pro binance's own `handleDeltas(bookSide, [[price, size]...])`, which is how
 *   it applies a Binance diff: `safeFloat` on each string, then `store`.
 * Same-input ratios: wire vs wire, ticks vs numbers (the 4x target is read on ticks vs numbers,
 * both books given numbers); the cross ratio (our wire path vs ccxt's pre-parsed one, ccxt doing
 * strictly less work) is reported too.
 *
 * Method: one fresh book per contestant per run, loaded with the snapshot outside the timing; a
 * run applies the whole stream (hot in cache, as a frame just parsed off a socket is) `passes`
 * times; contestants take turns within every run (rotating who goes first), 5 warm-up runs, then
 * the median of `runs`. After the runs, both books must hold the same top 20 levels.
 */
import ccxt from 'ccxt';
import { L2Book, type BookLevel, type RawLevel } from '../../src-main/core/book';
import { Grid } from '../../src-main/core/num';
import type { DecimalString } from '../../src-shared/domain';
import { asRawLevels, depthStream, LOT_SIZE, TICK_SIZE, type StreamLevel } from './depth-stream';
import { median, report } from './report';

/** The parts of ccxt's WS order book we drive (its types are not exported for this class). */
interface CcxtSide {
  store(price: number, size: number): void;
  readonly length: number;
  readonly [index: number]: [number, number];
}
interface CcxtBook {
  readonly bids: CcxtSide;
  readonly asks: CcxtSide;
}
interface CcxtExchange {
  orderBook(snapshot: { bids: Array<[number, number]>; asks: Array<[number, number]> }): CcxtBook;
  handleDeltas(side: CcxtSide, deltas: ReadonlyArray<readonly [string, string]>): void;
}

const WARMUP_RUNS = 5;
const grid = new Grid({ tickSize: TICK_SIZE as DecimalString, lotSize: LOT_SIZE as DecimalString });

export interface ApplyOptions {
  readonly levelsPerSide: number;
  readonly streamUpdates: number;
  readonly passes: number;
  readonly runs: number;
  readonly ccxtVersion: string;
}

export function applyThroughput(options: ApplyOptions): void {
  const { levelsPerSide: depth, passes, runs } = options;
  const stream = depthStream(depth, options.streamUpdates);
  const exchange = new (ccxt as unknown as { pro: { binance: new () => CcxtExchange } }).pro.binance();
  const snapshotRaw = { bids: asRawLevels(stream.snapshot.bids), asks: asRawLevels(stream.snapshot.asks) };
  const floats = (ls: readonly StreamLevel[]) => ls.map((l): [number, number] => [l.priceFloat, l.sizeFloat]);
  const wire = stream.messages.map((m) => ({ bids: asRawLevels(m.bids), asks: asRawLevels(m.asks) }));
  const converted = stream.messages.map((m) => ({ bids: m.bids.map(toLevel), asks: m.asks.map(toLevel) }));
  const numbers = stream.messages.map((m) => ({ bids: floats(m.bids), asks: floats(m.asks) }));
  const ccxtWire = stream.messages.map((m) => ({ bids: pairs(m.bids), asks: pairs(m.asks) }));

  const ourBook = () => {
    const book = new L2Book(grid);
    book.applySnapshot(snapshotRaw.bids, snapshotRaw.asks);
    return book;
  };
  const ccxtBook = () =>
    exchange.orderBook({ bids: floats(stream.snapshot.bids), asks: floats(stream.snapshot.asks) });
  let lastOurs: L2Book | null = null;
  let lastCcxt: CcxtBook | null = null;

  const contestants: Record<string, () => number> = {
    wire: () => {
      const book = ourBook();
      return timed(
        () => {
          for (let p = 0; p < passes; p++)
            for (const m of wire) if (!book.applyDelta(m.bids, m.asks).ok) throw new Error('fault');
        },
        () => (lastOurs = book),
      );
    },
    ticks: () => {
      const book = ourBook();
      return timed(() => {
        for (let p = 0; p < passes; p++)
          for (const m of converted) if (!book.applyDeltaLevels(m.bids, m.asks).ok) throw new Error('fault');
      });
    },
    ccxt_numbers: () => {
      const book = ccxtBook();
      return timed(() => {
        for (let p = 0; p < passes; p++)
          for (const m of numbers) {
            for (const [price, size] of m.bids) book.bids.store(price, size);
            for (const [price, size] of m.asks) book.asks.store(price, size);
          }
      });
    },
    ccxt_wire: () => {
      const book = ccxtBook();
      return timed(
        () => {
          for (let p = 0; p < passes; p++)
            for (const m of ccxtWire) {
              exchange.handleDeltas(book.bids, m.bids);
              exchange.handleDeltas(book.asks, m.asks);
            }
        },
        () => (lastCcxt = book),
      );
    },
  };
  const names = Object.keys(contestants);
  const seconds: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
  for (let run = 0; run < runs + WARMUP_RUNS; run++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(run + i) % names.length]!;
      const s = contestants[name]!();
      if (run >= WARMUP_RUNS) seconds[name]!.push(s);
    }
  }
  sameTop(lastOurs!, lastCcxt!);

  const updates = stream.levelUpdates * passes;
  const rate = (name: string) => median(seconds[name]!.map((s) => updates / s));
  const [ours, oursTicks, peerNumbers, peerWire] = names.map(rate) as [number, number, number, number];
  const peer = `ccxt ${options.ccxtVersion}`;
  const base = `book.apply.L${depth}`;
  report({
    name: `${base}.ours_wire`,
    value: ours,
    unit: 'levels/s',
    peer: `${peer} wire (handleDeltas)`,
    ratio: ours / peerWire,
    runs,
  });
  report({
    name: `${base}.ours_ticks`,
    value: oursTicks,
    unit: 'levels/s',
    peer: `${peer} numbers (store)`,
    ratio: oursTicks / peerNumbers,
    runs,
  });
  report({ name: `${base}.ccxt_wire`, value: peerWire, unit: 'levels/s', runs });
  report({ name: `${base}.ccxt_numbers`, value: peerNumbers, unit: 'levels/s', runs });
  report({
    name: `${base}.ours_wire_vs_ccxt_numbers`,
    value: ours,
    unit: 'levels/s',
    peer: `${peer} numbers (store)`,
    ratio: ours / peerNumbers,
    runs,
  });
}

function toLevel(l: StreamLevel): BookLevel {
  return { ticks: l.ticks, lots: l.lots, price: l.price, size: l.size, count: undefined };
}

function pairs(ls: readonly RawLevel[] | readonly StreamLevel[]): Array<readonly [string, string]> {
  return ls.map((l) => [l.price, l.size] as const);
}

/** Wall-clock seconds of `work` (the benchmark convention), then `after`. */
function timed(work: () => void, after?: () => void): number {
  const start = process.hrtime.bigint();
  work();
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  after?.();
  return elapsed;
}

/** Both books applied the same stream: their top 20 levels must agree exactly. */
function sameTop(ours: L2Book, peer: CcxtBook): void {
  for (const [mine, theirs] of [
    [ours.bids.top(20), peer.bids],
    [ours.asks.top(20), peer.asks],
  ] as const) {
    for (let i = 0; i < 20; i++) {
      const a = mine[i];
      const b = theirs[i];
      const same = a && b && a.ticks / 100 === b[0] && a.lots / 100_000 === b[1];
      if (!same) throw new Error(`books differ at level ${i}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
    }
  }
}

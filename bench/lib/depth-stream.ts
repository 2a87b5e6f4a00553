/**
 * A pre-generated depth update stream for book benchmarks: a snapshot of `levels` per side around
 * a mid price, then messages of 1-20 level updates each (absolute sizes, about 20 % deletes),
 * their distance from the top drawn from a skewed distribution (most changes near the top, as on
 * real venues; deletes and re-inserts keep the book near `levels` per side). Written the way
 * Binance spot writes them: prices and sizes with 8 decimals, on a 0.01 tick and 0.00001 lot.
 * Each level also carries its integer ticks/lots and the float a JS client would parse it to, so
 * every book under test gets the same stream in the form it takes.
 */
import type { RawLevel } from '../../src-main/core/book';

export interface StreamLevel {
  /** As on the wire. */
  readonly price: string;
  readonly size: string;
  /** On the instrument grid (tick 0.01, lot 0.00001). */
  readonly ticks: number;
  readonly lots: number;
  /** What parseFloat would give for the wire strings (exact ticks / 100, lots / 100000). */
  readonly priceFloat: number;
  readonly sizeFloat: number;
}

export interface DepthMessageFixture {
  readonly bids: readonly StreamLevel[];
  readonly asks: readonly StreamLevel[];
}

export interface DepthStream {
  readonly levelsPerSide: number;
  readonly snapshot: DepthMessageFixture;
  readonly messages: readonly DepthMessageFixture[];
  /** Total level updates in `messages`. */
  readonly levelUpdates: number;
}

export const TICK_SIZE = '0.01';
export const LOT_SIZE = '0.00001';

const MID = 6_400_000; // 64,000.00 in ticks

function level(ticks: number, lots: number): StreamLevel {
  return {
    price: `${Math.floor(ticks / 100)}.${String(ticks % 100).padStart(2, '0')}000000`,
    size:
      lots === 0
        ? '0.00000000'
        : `${Math.floor(lots / 100_000)}.${String(lots % 100_000).padStart(5, '0')}000`,
    ticks,
    lots,
    priceFloat: ticks / 100,
    sizeFloat: lots / 100_000,
  };
}

export function depthStream(levelsPerSide: number, targetUpdates: number, seed = 42): DepthStream {
  let state = seed;
  const rnd = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const snapshot = {
    bids: Array.from({ length: levelsPerSide }, (_, i) => level(MID - 1 - i, 100_000)),
    asks: Array.from({ length: levelsPerSide }, (_, i) => level(MID + 1 + i, 100_000)),
  };
  const messages: DepthMessageFixture[] = [];
  let levelUpdates = 0;
  while (levelUpdates < targetUpdates) {
    const n = 1 + Math.floor(rnd() * 20);
    const bids = new Map<number, StreamLevel>();
    const asks = new Map<number, StreamLevel>();
    for (let i = 0; i < n; i++) {
      const offset = 1 + Math.floor(rnd() ** 3 * levelsPerSide);
      const lots = rnd() < 0.2 ? 0 : 1 + Math.floor(rnd() * 1_000_000);
      // One update per price per message, as venues send them.
      if (rnd() < 0.5) bids.set(MID - offset, level(MID - offset, lots));
      else asks.set(MID + offset, level(MID + offset, lots));
    }
    messages.push({ bids: [...bids.values()], asks: [...asks.values()] });
    levelUpdates += bids.size + asks.size;
  }
  // Through JSON text and back, so the strings are flat as JSON.parse makes them off the wire
  // (template literals build ropes, which are slower to read and never come from a socket).
  const wire = JSON.parse(JSON.stringify({ snapshot, messages })) as Pick<
    DepthStream,
    'snapshot' | 'messages'
  >;
  return { levelsPerSide, snapshot: wire.snapshot, messages: wire.messages, levelUpdates };
}

/** The wire form our parser hands the book: `{price, size}` strings. */
export function asRawLevels(levels: readonly StreamLevel[]): RawLevel[] {
  return levels.map((l) => ({ price: l.price, size: l.size }));
}

/**
 * The order book table's model, pure: levels with their cumulative size from the touch outwards,
 * a depth-bar ratio on one shared scale for both sides (so the longer bar is the deeper side),
 * spread, mid and spread in basis points, all exact. Prices and sizes are padded to the
 * instrument's decimals so columns of tabular figures line up.
 * Invariants: totals are exact running sums; the bar ratio of the last level of the deeper side
 * is 1; asks are returned highest first (display order), bids best first.
 */
import { decimalsOf, fromUnits, padDecimals, ratio, significantDecimals, toUnits } from '../../ui/decimal';

export interface LevelIn {
  readonly price: string;
  readonly size: string;
  readonly count?: number | undefined;
}

export interface BookRow {
  readonly side: 'bid' | 'ask';
  readonly price: string;
  readonly size: string;
  readonly total: string;
  readonly depthRatio: number;
  readonly count: number | undefined;
}

export interface BookModel {
  readonly asks: readonly BookRow[];
  readonly bids: readonly BookRow[];
  readonly spread: string | null;
  readonly spreadBps: string | null;
  readonly mid: string | null;
  readonly hasCounts: boolean;
}

export interface Decimals {
  /** Price decimals (the tick's); inferred from the data when unknown. */
  readonly price?: number | undefined;
  /** Size decimals (the lot's); inferred from the data when unknown. */
  readonly size?: number | undefined;
}

export function inferDecimals(levels: readonly LevelIn[], field: 'price' | 'size'): number {
  return levels.reduce((m, l) => Math.max(m, significantDecimals(l[field])), 0);
}

export function buildBookModel(
  bids: readonly LevelIn[],
  asks: readonly LevelIn[],
  decimals: Decimals = {},
): BookModel {
  const all = [...bids, ...asks];
  const pd = Math.max(decimals.price ?? 0, inferDecimals(all, 'price'));
  const sd = Math.max(decimals.size ?? 0, inferDecimals(all, 'size'));
  const cumulate = (levels: readonly LevelIn[]) => {
    let running = 0n;
    return levels.map((l) => {
      running += toUnits(l.size, sd) ?? 0n;
      return { level: l, total: running };
    });
  };
  const b = cumulate(bids);
  const a = cumulate(asks);
  const max = [b.at(-1)?.total ?? 0n, a.at(-1)?.total ?? 0n].reduce((m, v) => (v > m ? v : m), 0n);
  const row =
    (s: 'bid' | 'ask') =>
    (x: { level: LevelIn; total: bigint }): BookRow => ({
      side: s,
      price: padDecimals(x.level.price, pd),
      size: padDecimals(x.level.size, sd),
      total: fromUnits(x.total, sd),
      depthRatio: ratio(x.total, max),
      count: x.level.count,
    });
  const bestBid = bids[0] ? toUnits(bids[0].price, pd) : null;
  const bestAsk = asks[0] ? toUnits(asks[0].price, pd) : null;
  let spread: string | null = null;
  let spreadBps: string | null = null;
  let mid: string | null = null;
  if (bestBid !== null && bestAsk !== null) {
    spread = fromUnits(bestAsk - bestBid, pd);
    // Mid has one more decimal than prices so it is exact ((b + a) / 2).
    const midUnits = (bestBid + bestAsk) * 5n;
    mid = trimOne(fromUnits(midUnits, pd + 1), pd);
    // bps with 2 decimals: spread / mid * 10^4, computed as an integer of hundredths.
    spreadBps = midUnits > 0n ? fromUnits(((bestAsk - bestBid) * 10n * 1_000_000n) / midUnits, 2) : null;
  }
  return {
    asks: a.map(row('ask')).reverse(),
    bids: b.map(row('bid')),
    spread,
    spreadBps,
    mid,
    hasCounts: all.some((l) => l.count !== undefined),
  };
}

/** Drops the mid's extra decimal when it is zero ("100.50" at 1 decimal -> "100.5"). */
function trimOne(text: string, decimals: number): string {
  return text.endsWith('0') && decimalsOf(text) > decimals ? text.slice(0, -1).replace(/\.$/, '') : text;
}

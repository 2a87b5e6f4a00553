/**
 * The chart's candles, pure: main aggregates them from trade prints (`market.candles`); here they
 * are put on a continuous time axis (`start = time - time mod interval`, UTC-aligned) with flat
 * candles for quiet intervals. Invariants: output candles are strictly ordered by start, one
 * interval apart; a filled candle repeats the previous close with zero volume.
 */
import type { CandleView } from '../../../src-shared/contract';

export interface Candle {
  readonly start: number;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: string;
  readonly trades: number;
}

export const TIMEFRAMES = [
  { id: '1s', label: '1s', ms: 1_000 },
  { id: '5s', label: '5s', ms: 5_000 },
  { id: '1m', label: '1m', ms: 60_000 },
  { id: '5m', label: '5m', ms: 300_000 },
] as const;
export type TimeframeId = (typeof TIMEFRAMES)[number]['id'];

export function intervalMs(id: TimeframeId): number {
  return TIMEFRAMES.find((t) => t.id === id)?.ms ?? 60_000;
}

export function bucketStart(time: number, interval: number): number {
  return time - (((time % interval) + interval) % interval);
}

/** Candles as main sends them (`market.candles`), in the chart's shape. */
export function fromCandleViews(views: readonly CandleView[]): Candle[] {
  return views.map((c) => ({
    start: c.openTime,
    open: c.open,
    high: c.high,
    low: c.low,
    close: c.close,
    volume: c.volume,
    trades: c.trades,
  }));
}

/**
 * Candles on a continuous time axis: intervals with no trade get a flat candle at the previous
 * close with zero volume, so the chart's spacing means time. Up to `until` (the current interval).
 */
export function fillGaps(
  candles: readonly Candle[],
  interval: number,
  until?: number,
  limit = 300,
): Candle[] {
  if (candles.length === 0) return [];
  const out: Candle[] = [];
  const end = Math.max(candles.at(-1)!.start, until === undefined ? 0 : bucketStart(until, interval));
  const first = Math.max(candles[0]!.start, end - (limit - 1) * interval);
  let i = 0;
  let previous: Candle | null = null;
  while (i < candles.length && candles[i]!.start < first) previous = candles[i++]!;
  for (let t = first; t <= end; t += interval) {
    const c = candles[i];
    if (c && c.start === t) {
      out.push(c);
      previous = c;
      i += 1;
    } else if (previous) {
      const p = previous.close;
      out.push({ start: t, open: p, high: p, low: p, close: p, volume: '0', trades: 0 });
    }
  }
  return out;
}

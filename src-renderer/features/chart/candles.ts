/**
 * OHLCV candles aggregated from trade prints, pure. A trade belongs to the candle whose interval
 * contains its time (`start = time - time mod interval`, UTC-aligned); prints may arrive late or
 * out of order and still land in their own candle. Prices are compared and volumes summed as exact
 * decimals. Only the newest `max` candles are kept. Invariants: candles are strictly ordered by
 * start; low <= open, close <= high in every candle; volume is the exact sum of the sizes folded
 * in; a candle's `trades` counts them.
 */
import { addDecimals, compareDecimal } from '../../ui/decimal';

export interface Candle {
  readonly start: number;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: string;
  readonly trades: number;
}

export interface TradeLike {
  readonly price: string;
  readonly size: string;
  readonly time: number;
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

interface MutableCandle {
  start: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  trades: number;
  /** Time of the prints that set open and close, so late prints do not move them wrongly. */
  openTime: number;
  closeTime: number;
}

export class CandleSeries {
  private readonly candles: MutableCandle[] = [];

  constructor(
    readonly interval: number,
    private readonly max = 500,
  ) {}

  add(trade: TradeLike): void {
    const start = bucketStart(trade.time, this.interval);
    const index = this.findOrInsert(start, trade);
    if (index === null) return;
    const c = this.candles[index]!;
    if (c.trades === 0) {
      Object.assign(c, {
        open: trade.price,
        high: trade.price,
        low: trade.price,
        close: trade.price,
        volume: trade.size,
        trades: 1,
        openTime: trade.time,
        closeTime: trade.time,
      });
      return;
    }
    if (compareDecimal(trade.price, c.high) > 0) c.high = trade.price;
    if (compareDecimal(trade.price, c.low) < 0) c.low = trade.price;
    if (trade.time < c.openTime) {
      c.open = trade.price;
      c.openTime = trade.time;
    }
    if (trade.time >= c.closeTime) {
      c.close = trade.price;
      c.closeTime = trade.time;
    }
    c.volume = addDecimals([c.volume, trade.size]);
    c.trades += 1;
  }

  /** An immutable copy, oldest first. */
  list(): Candle[] {
    return this.candles.map(({ start, open, high, low, close, volume, trades }) => ({
      start,
      open,
      high,
      low,
      close,
      volume,
      trades,
    }));
  }

  get size(): number {
    return this.candles.length;
  }

  private findOrInsert(start: number, trade: TradeLike): number | null {
    const blank = (): MutableCandle => ({
      start,
      open: trade.price,
      high: trade.price,
      low: trade.price,
      close: trade.price,
      volume: '0',
      trades: 0,
      openTime: trade.time,
      closeTime: trade.time,
    });
    const last = this.candles.at(-1);
    if (!last || start > last.start) {
      this.candles.push(blank());
      if (this.candles.length > this.max) this.candles.shift();
      return this.candles.length - 1;
    }
    // Late print: search backwards (it is almost always in one of the last few candles).
    for (let i = this.candles.length - 1; i >= 0; i--) {
      const c = this.candles[i]!;
      if (c.start === start) return i;
      if (c.start < start) {
        this.candles.splice(i + 1, 0, blank());
        return i + 1;
      }
    }
    // Older than everything kept: only accepted while there is room.
    if (this.candles.length >= this.max) return null;
    this.candles.unshift(blank());
    return 0;
  }
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

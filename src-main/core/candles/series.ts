/**
 * OHLCV candles built from trade prints, for any venue. Pure and exact: prices and sizes stay
 * decimal strings, compared and summed with decimal arithmetic (never floats).
 *
 * Invariants: candles are keyed by `openTime`, a multiple of the interval (epoch ms); they are kept
 * in ascending openTime order with no duplicates and at most `maxCandles` of them (the oldest are
 * dropped); a candle's low <= open, close <= high; `trades` counts the prints folded in and
 * `volume` is the sum of their sizes. Prints may arrive slightly out of order (live feeds batch
 * them): a print for an older candle still kept updates that candle (its close only if the print
 * is the latest seen for it); a print older than every kept candle is ignored.
 */
import type { DecimalString } from '../../../src-shared/domain';
import { Dec, toDecimalString } from '../num';

export interface Print {
  /** Epoch ms. */
  readonly time: number;
  readonly price: DecimalString;
  readonly size: DecimalString;
}

export interface Candle {
  /** Start of the interval, epoch ms (a multiple of the interval). */
  readonly openTime: number;
  readonly open: DecimalString;
  readonly high: DecimalString;
  readonly low: DecimalString;
  readonly close: DecimalString;
  readonly volume: DecimalString;
  readonly trades: number;
}

interface Working {
  openTime: number;
  open: Dec;
  high: Dec;
  low: Dec;
  close: Dec;
  volume: Dec;
  trades: number;
  /** Time of the print that set `open` / `close`, to order late prints. */
  firstTime: number;
  lastTime: number;
  view: Candle | null;
}

export class CandleSeries {
  private readonly kept: Working[] = [];

  constructor(
    readonly intervalMs: number,
    readonly maxCandles = 500,
  ) {
    if (!Number.isSafeInteger(intervalMs) || intervalMs <= 0) throw new RangeError('interval must be > 0 ms');
    if (!Number.isSafeInteger(maxCandles) || maxCandles <= 0) throw new RangeError('maxCandles must be > 0');
  }

  /** Folds a print in; returns the candle it changed, or null when it was too old to keep. */
  add(print: Print): Candle | null {
    const openTime = Math.floor(print.time / this.intervalMs) * this.intervalMs;
    const price = new Dec(print.price);
    const size = new Dec(print.size);
    const candle = this.candleFor(openTime, price, print.time);
    if (candle === null) return null;
    if (price.gt(candle.high)) candle.high = price;
    if (price.lt(candle.low)) candle.low = price;
    if (print.time < candle.firstTime) {
      candle.firstTime = print.time;
      candle.open = price;
    }
    if (print.time >= candle.lastTime) {
      candle.lastTime = print.time;
      candle.close = price;
    }
    candle.volume = candle.volume.add(size);
    candle.trades += 1;
    candle.view = null;
    return view(candle);
  }

  /**
   * Puts back a candle stored earlier (after a restart), so later prints extend it instead of
   * starting it over: its close is replaced by any later print, its open by none. Ignored when a
   * candle with that openTime is already kept or it is older than every kept candle and none fit.
   */
  restore(candle: Candle): void {
    if (candle.openTime % this.intervalMs !== 0) throw new RangeError('openTime is not on the interval');
    if (this.kept.some((c) => c.openTime === candle.openTime)) return;
    const working: Working = {
      openTime: candle.openTime,
      open: new Dec(candle.open),
      high: new Dec(candle.high),
      low: new Dec(candle.low),
      close: new Dec(candle.close),
      volume: new Dec(candle.volume),
      trades: candle.trades,
      firstTime: candle.openTime,
      lastTime: candle.openTime,
      view: null,
    };
    const at = this.kept.findIndex((c) => c.openTime > candle.openTime);
    if (at < 0) this.kept.push(working);
    else this.kept.splice(at, 0, working);
    if (this.kept.length > this.maxCandles) this.kept.shift();
  }

  /** Every kept candle, oldest first. */
  candles(): Candle[] {
    return this.kept.map(view);
  }

  /** The newest `n` candles, oldest first. */
  last(n: number): Candle[] {
    return this.kept.slice(Math.max(0, this.kept.length - n)).map(view);
  }

  private candleFor(openTime: number, price: Dec, time: number): Working | null {
    const last = this.kept[this.kept.length - 1];
    if (last === undefined || openTime > last.openTime) {
      const fresh = blank(openTime, price, time);
      this.kept.push(fresh);
      if (this.kept.length > this.maxCandles) this.kept.shift();
      return fresh;
    }
    // Late print: search backwards (it is almost always for one of the newest candles).
    for (let i = this.kept.length - 1; i >= 0; i--) {
      const candle = this.kept[i]!;
      if (candle.openTime === openTime) return candle;
      if (candle.openTime < openTime) {
        const fresh = blank(openTime, price, time);
        this.kept.splice(i + 1, 0, fresh);
        if (this.kept.length > this.maxCandles) this.kept.shift();
        return fresh;
      }
    }
    if (this.kept.length < this.maxCandles) {
      const fresh = blank(openTime, price, time);
      this.kept.unshift(fresh);
      return fresh;
    }
    return null;
  }
}

function blank(openTime: number, price: Dec, time: number): Working {
  return {
    openTime,
    open: price,
    high: price,
    low: price,
    close: price,
    volume: new Dec(0),
    trades: 0,
    firstTime: time,
    lastTime: time,
    view: null,
  };
}

function view(c: Working): Candle {
  c.view ??= {
    openTime: c.openTime,
    open: toDecimalString(c.open),
    high: toDecimalString(c.high),
    low: toDecimalString(c.low),
    close: toDecimalString(c.close),
    volume: toDecimalString(c.volume),
    trades: c.trades,
  };
  return c.view;
}

/**
 * Candles for every (venue, symbol) that prints arrive for, at every supported interval, built by
 * the pure core aggregator from the market-data service's trade feed (live venues while watched;
 * the simulated venue always, its journal's history included). Listeners get each changed candle.
 * Memory is bounded: at most `maxCandles` per series.
 */
import type { Candle } from '../../core/candles';
import { CandleSeries } from '../../core/candles';
import type { Trade } from '../../venues/kit';

export const CANDLE_INTERVALS_SEC = [1, 5, 15, 60, 300, 900, 3600] as const;
export type CandleIntervalSec = (typeof CANDLE_INTERVALS_SEC)[number];

type Listener = (candle: Candle) => void;

export class CandleBook {
  private readonly series = new Map<string, Map<number, CandleSeries>>();
  private readonly listeners = new Map<string, Set<Listener>>();

  constructor(private readonly maxCandles = 500) {}

  add(trades: readonly Trade[]): void {
    for (const t of trades) {
      const key = keyOf(t.venue, t.symbol);
      let byInterval = this.series.get(key);
      if (!byInterval) {
        byInterval = new Map(
          CANDLE_INTERVALS_SEC.map((s) => [s, new CandleSeries(s * 1000, this.maxCandles)]),
        );
        this.series.set(key, byInterval);
      }
      for (const [interval, series] of byInterval) {
        const candle = series.add({ time: t.time, price: t.price, size: t.size });
        if (candle === null) continue;
        for (const listener of this.listeners.get(`${key}|${interval}`) ?? []) listener(candle);
      }
    }
  }

  candles(venue: string, symbol: string, intervalSec: number): Candle[] {
    return this.series.get(keyOf(venue, symbol))?.get(intervalSec)?.candles() ?? [];
  }

  listen(venue: string, symbol: string, intervalSec: number, listener: Listener): () => void {
    const key = `${keyOf(venue, symbol)}|${intervalSec}`;
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }
}

function keyOf(venue: string, symbol: string): string {
  return `${venue}|${symbol}`;
}

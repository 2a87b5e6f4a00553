/**
 * Trade prints into the market database, with the candles derived from them at every stored time
 * frame (1m, 5m, 15m, 1h, 1d), built by the pure candle aggregator and written as upserts: each
 * batch of prints writes its prints plus the latest state of every candle they changed.
 *
 * Restarts: the first print of a (venue, symbol) looks up what is stored. Prints before the last
 * stored print's time, and prints at that very millisecond whose trade id is stored, are history
 * already written (the simulated venue republishes its journal's prints at start-up) and are
 * skipped; the stored candles at the time of the first print that is new are restored into the
 * aggregator, so a candle that spans a restart keeps its open, volume and count.
 */
import type { DecimalString } from '../../src-shared/domain';
import { CandleSeries, type Candle } from '../core/candles';
import type { MarketOp } from '../store/writer/ops';
import type { Trade } from '../venues/kit';
import type { MarketSink } from './market-sink';

export const STORED_CANDLE_INTERVALS_SEC = [60, 300, 900, 3600, 86_400] as const;

/** What the recorder asks the database about a (venue, symbol) it sees for the first time. */
export interface TradeHistorySeed {
  lastPrintTime(venue: string, symbol: string): number | null;
  /** Trade ids stored at exactly `time` (epoch ms). */
  tradeIdsAt(venue: string, symbol: string, time: number): ReadonlySet<string>;
  candleAt(venue: string, symbol: string, intervalSec: number, openTime: number): Candle | null;
}

interface SymbolState {
  readonly storedUpTo: number;
  readonly storedAtLast: ReadonlySet<string>;
  /** Built at the first new print, from the candles stored at its time. */
  series: ReadonlyMap<number, CandleSeries> | null;
}

export class TradeHistory {
  private readonly symbols = new Map<string, SymbolState>();
  private prints = 0;

  constructor(
    private readonly sink: MarketSink,
    private readonly seed: TradeHistorySeed,
  ) {}

  get printsSeen(): number {
    return this.prints;
  }

  add(trades: readonly Trade[]): void {
    const ops: MarketOp[] = [];
    const changed = new Map<string, MarketOp>();
    for (const t of trades) {
      const state = this.stateOf(t);
      if (t.time < state.storedUpTo || (t.time === state.storedUpTo && state.storedAtLast.has(t.id)))
        continue;
      this.prints += 1;
      ops.push({
        op: 'print',
        venue: t.venue,
        instrument: t.symbol,
        tradeId: t.id,
        ts: t.time,
        price: t.price,
        size: t.size,
        side: t.side,
      });
      state.series ??= this.restoredSeries(t);
      for (const [intervalSec, series] of state.series) {
        const candle = series.add({ time: t.time, price: t.price, size: t.size });
        if (candle === null) continue;
        changed.set(
          `${t.venue}|${t.symbol}|${intervalSec}|${candle.openTime}`,
          candleOp(t, intervalSec, candle),
        );
      }
    }
    this.sink.write([...ops, ...changed.values()]);
  }

  private stateOf(t: Trade): SymbolState {
    const key = `${t.venue}|${t.symbol}`;
    let state = this.symbols.get(key);
    if (state) return state;
    const last = this.seed.lastPrintTime(t.venue, t.symbol);
    state = {
      storedUpTo: last ?? -Infinity,
      storedAtLast: last === null ? new Set<string>() : this.seed.tradeIdsAt(t.venue, t.symbol, last),
      series: null,
    };
    this.symbols.set(key, state);
    return state;
  }

  private restoredSeries(t: Trade): Map<number, CandleSeries> {
    const series = new Map<number, CandleSeries>();
    for (const intervalSec of STORED_CANDLE_INTERVALS_SEC) {
      const s = new CandleSeries(intervalSec * 1000, 4);
      const openTime = Math.floor(t.time / (intervalSec * 1000)) * intervalSec * 1000;
      const stored = this.seed.candleAt(t.venue, t.symbol, intervalSec, openTime);
      if (stored) s.restore(stored);
      series.set(intervalSec, s);
    }
    return series;
  }
}

function candleOp(t: Trade, intervalSec: number, c: Candle): MarketOp {
  return {
    op: 'candle',
    venue: t.venue,
    instrument: t.symbol,
    intervalS: intervalSec,
    openTs: c.openTime,
    open: c.open,
    high: c.high,
    low: c.low,
    close: c.close,
    volume: c.volume,
    trades: c.trades,
  };
}

/** A stored candle row as the aggregator's candle. */
export function candleOf(row: {
  openTime: number;
  open: string;
  high: string;
  low: string;
  close: string;
  volume: string;
  trades: number;
}): Candle {
  return {
    openTime: row.openTime,
    open: row.open as DecimalString,
    high: row.high as DecimalString,
    low: row.low as DecimalString,
    close: row.close as DecimalString,
    volume: row.volume as DecimalString,
    trades: row.trades,
  };
}

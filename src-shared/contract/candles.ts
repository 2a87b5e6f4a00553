/**
 * Candles (OHLCV) of any venue's prints, simulated or live: a snapshot of the recent candles, then
 * each candle that changed (the one forming, or a new one) as it changes, at most ~10 batches per
 * second. Built in main from trade prints by a pure aggregator; a live venue's candles cover the
 * time its symbol has been watched. Decimal strings; times are the interval's start (epoch ms).
 */
import { z } from 'zod';
import { DecimalStringSchema, VenueIdSchema } from '../domain';
import { stream } from './define';
import { MarketSymbolSchema } from './market';

export const CANDLE_INTERVALS = [1, 5, 15, 60, 300, 900, 3600] as const;
export const CANDLES_KEPT = 500;

export const CandleSchema = z.object({
  openTime: z.number().int().nonnegative(),
  open: DecimalStringSchema,
  high: DecimalStringSchema,
  low: DecimalStringSchema,
  close: DecimalStringSchema,
  volume: DecimalStringSchema,
  trades: z.number().int().nonnegative(),
});
export type CandleView = z.infer<typeof CandleSchema>;

const IntervalSchema = z.union([
  z.literal(1),
  z.literal(5),
  z.literal(15),
  z.literal(60),
  z.literal(300),
  z.literal(900),
  z.literal(3600),
]);

const CandlesSchema = z.object({ candles: z.array(CandleSchema) });

/** Folds changed candles in by openTime (replace or insert in order), keeping the newest CANDLES_KEPT. */
export function mergeCandles(state: readonly CandleView[], changed: readonly CandleView[]): CandleView[] {
  const out = [...state];
  for (const candle of changed) {
    let i = out.length - 1;
    while (i >= 0 && out[i]!.openTime > candle.openTime) i--;
    if (i >= 0 && out[i]!.openTime === candle.openTime) out[i] = candle;
    else out.splice(i + 1, 0, candle);
  }
  return out.length > CANDLES_KEPT ? out.slice(out.length - CANDLES_KEPT) : out;
}

export const candleStreams = {
  'market.candles': stream({
    summary: 'OHLCV candles of a symbol from its prints: recent candles, then each changed candle',
    params: z
      .object({ venue: VenueIdSchema, symbol: MarketSymbolSchema, intervalSec: IntervalSchema })
      .strict(),
    snapshot: CandlesSchema,
    delta: CandlesSchema,
    reduce: (state, delta) => ({ candles: mergeCandles(state.candles, delta.candles) }),
  }),
} as const;

/**
 * History from SQLite for the UI: your fills on every venue (filters: venue, symbol, side, time
 * range), equity curves from the stored portfolio snapshots (you and every agent of a venue),
 * candles of stored trade prints at the stored time frames, and CSV exports of fills and candles
 * (the CSV text is built in main; the UI saves it as a file). Decimal strings; times are epoch ms.
 */
import { z } from 'zod';
import { DecimalStringSchema, SideSchema, VenueIdSchema } from '../domain';
import { CandleSchema } from './candles';
import { request } from './define';
import { MarketSymbolSchema } from './market';

/** Time frames candles are stored at: 1m, 5m, 15m, 1h, 1d. */
export const HISTORY_CANDLE_INTERVALS = [60, 300, 900, 3600, 86_400] as const;
export const HistoryIntervalSchema = z.union([
  z.literal(60),
  z.literal(300),
  z.literal(900),
  z.literal(3600),
  z.literal(86_400),
]);
export type HistoryInterval = z.infer<typeof HistoryIntervalSchema>;

const Millis = z.number().int().nonnegative();

export const HistoryFillSchema = z.object({
  venue: z.string(),
  symbol: z.string(),
  tradeId: z.string(),
  orderId: z.string(),
  time: Millis,
  /** Your side of the trade. */
  side: SideSchema,
  price: DecimalStringSchema,
  quantity: DecimalStringSchema,
  fee: DecimalStringSchema,
  feeAsset: z.string(),
  liquidity: z.enum(['maker', 'taker']),
});
export type HistoryFill = z.infer<typeof HistoryFillSchema>;

const Range = { from: Millis.optional(), to: Millis.optional() };

export const FillFilterSchema = z
  .object({
    venue: VenueIdSchema.optional(),
    symbol: MarketSymbolSchema.optional(),
    side: SideSchema.optional(),
    ...Range,
  })
  .strict();
export type FillFilter = z.infer<typeof FillFilterSchema>;

const CsvSchema = z.object({ filename: z.string(), csv: z.string(), rows: z.number().int().nonnegative() });

export const EquitySeriesSchema = z.object({
  agentId: z.string(),
  name: z.string(),
  kind: z.enum(['user', 'agent', 'bot']),
  points: z.array(z.object({ time: Millis, equity: DecimalStringSchema })),
});
export type EquitySeries = z.infer<typeof EquitySeriesSchema>;

const CandleQuery = {
  venue: VenueIdSchema,
  symbol: MarketSymbolSchema,
  intervalSec: HistoryIntervalSchema,
  ...Range,
};

export const historyRequests = {
  'history.catalog': request({
    summary:
      'What history holds: venues with your fills, venues with portfolio snapshots, symbols with candles',
    input: z.object({}).strict(),
    output: z.object({
      fillVenues: z.array(z.string()),
      equityVenues: z.array(z.string()),
      markets: z.array(z.object({ venue: z.string(), symbol: z.string() })),
    }),
  }),
  'history.fills': request({
    summary: 'Your fills, newest first, filtered by venue, symbol, side and time range',
    input: FillFilterSchema.extend({ limit: z.number().int().min(1).max(5000).default(500) }).strict(),
    output: z.object({ fills: z.array(HistoryFillSchema), truncated: z.boolean() }),
  }),
  'history.exportFills': request({
    summary: 'Your fills matching the filter as CSV (oldest first, at most 100,000 rows)',
    input: FillFilterSchema,
    output: CsvSchema.extend({ truncated: z.boolean() }),
  }),
  'history.equity': request({
    summary: 'Equity over time of you and every agent of a venue, from stored portfolio snapshots',
    input: z
      .object({ venue: VenueIdSchema, ...Range, maxPoints: z.number().int().min(2).max(5000).default(500) })
      .strict(),
    output: z.object({ series: z.array(EquitySeriesSchema) }),
  }),
  'history.candles': request({
    summary: 'Stored candles of a symbol at a time frame, oldest first (the newest `limit` in range)',
    input: z.object({ ...CandleQuery, limit: z.number().int().min(1).max(5000).default(300) }).strict(),
    output: z.object({ candles: z.array(CandleSchema) }),
  }),
  'history.exportCandles': request({
    summary: 'Stored candles of a symbol at a time frame as CSV (oldest first, at most 100,000 rows)',
    input: z.object(CandleQuery).strict(),
    output: CsvSchema,
  }),
} as const;

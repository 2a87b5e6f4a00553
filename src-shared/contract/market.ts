/**
 * Market-data contract: instruments per venue, watching symbols, coalesced L2 book views, trade
 * prints and feed health. Book views carry their source (stream or REST) and status; a client
 * must never present a book as live unless its status says `live`. Prices and sizes are decimal
 * strings. Streams replace state with each delta (books, health) or append (trades).
 */
import { z } from 'zod';
import { DecimalStringSchema, VenueIdSchema } from '../domain';
import { replaceWithDelta, request, stream } from './define';
import { VenueStatusSchema } from './system';

export const MarketSymbolSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,47}$/, 'symbols look like "BTCUSDT", "BTC-USDT" or "BTC"');

export const BookStatusSchema = z.enum(['live', 'stale', 'resyncing', 'invalid']);
export type BookStatus = z.infer<typeof BookStatusSchema>;
export const BookSourceSchema = z.enum(['stream', 'rest']);
export type BookSource = z.infer<typeof BookSourceSchema>;
export const ResyncCauseSchema = z.enum(['gap', 'checksum', 'crossed', 'stale', 'reconnect', 'invalid-data']);

const Count = z.number().int().nonnegative();
const Millis = z.number().int().nonnegative();

export const GroupingSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('sigfigs'),
      nSigFigs: z.union([z.literal(2), z.literal(3), z.literal(4), z.literal(5)]),
      mantissa: z.union([z.literal(1), z.literal(2), z.literal(5)]).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('ticks'), multiple: z.number().int().min(1).max(100_000) }).strict(),
]);
export type GroupingParam = z.infer<typeof GroupingSchema>;

export const InstrumentInfoSchema = z.object({
  symbol: z.string(),
  base: z.string(),
  quote: z.string(),
  tickSize: DecimalStringSchema,
  lotSize: DecimalStringSchema,
});
export type InstrumentInfo = z.infer<typeof InstrumentInfoSchema>;

export const BookLevelViewSchema = z.object({
  price: DecimalStringSchema,
  size: DecimalStringSchema,
  count: Count.optional(),
});

export const BookViewSchema = z.object({
  venue: VenueIdSchema,
  symbol: z.string(),
  status: BookStatusSchema,
  source: BookSourceSchema.nullable(),
  /** Receipt time of the data shown (epoch ms), null before any data. */
  updatedAt: Millis.nullable(),
  /** Venue timestamp of the data shown, when the venue sends one. */
  venueTime: Millis.nullable(),
  /** Venue timestamp to local receipt of the last message, ms. */
  ageMs: z.number().int().nullable(),
  bids: z.array(BookLevelViewSchema),
  asks: z.array(BookLevelViewSchema),
  /** Why the book is not live, when it is not. */
  note: z.string().optional(),
});
export type BookView = z.infer<typeof BookViewSchema>;

export const TradeViewSchema = z.object({
  id: z.string(),
  price: DecimalStringSchema,
  size: DecimalStringSchema,
  side: z.enum(['buy', 'sell']),
  time: Millis,
});
export type TradeView = z.infer<typeof TradeViewSchema>;
export const TRADES_KEPT = 100;

export const ResyncCountsSchema = z.object({
  gap: Count,
  checksum: Count,
  crossed: Count,
  stale: Count,
  reconnect: Count,
  'invalid-data': Count,
});

export const BookHealthSchema = z.object({
  symbol: z.string(),
  status: BookStatusSchema,
  source: BookSourceSchema.nullable(),
  lastUpdateAt: Millis.nullable(),
  /** Venue timestamp to receipt of the last stream message. */
  messageAgeMs: z.number().int().nullable(),
  /** Median message age over recent stream messages. */
  streamLatencyMs: z.number().int().nullable(),
  /** Round trip of the last REST depth request. */
  restLatencyMs: z.number().int().nullable(),
  resyncs: ResyncCountsSchema,
  restFallbacks: Count,
  lastResync: z.object({ cause: ResyncCauseSchema, at: Millis, detail: z.string() }).nullable(),
  /** Periodic comparison of the live book's top levels with a fresh REST snapshot. */
  audits: z.object({ runs: Count, matched: Count }),
});
export type BookHealth = z.infer<typeof BookHealthSchema>;

export const VenueHealthSchema = z.object({
  venue: VenueIdSchema,
  state: VenueStatusSchema,
  connectedSince: Millis.nullable(),
  uptimeMs: Millis,
  reconnects: Count,
  books: z.array(BookHealthSchema),
  /** While the venue is unreachable (`down`): when the next attempt is due. */
  nextRetryAt: Millis.nullable().optional(),
  /** Why the venue was last unreachable (connection or metadata error). */
  lastError: z.string().max(300).nullable().optional(),
});
export type VenueHealth = z.infer<typeof VenueHealthSchema>;

const HealthSchema = z.object({ at: Millis, venues: z.array(VenueHealthSchema) });

const WatchInput = z.object({ venue: VenueIdSchema, symbol: MarketSymbolSchema }).strict();

const TradesSchema = z.object({ trades: z.array(TradeViewSchema) });

export const marketRequests = {
  'market.instruments': request({
    summary: "A venue's instruments with tick and lot sizes, from its metadata",
    input: z.object({ venue: VenueIdSchema }).strict(),
    output: z.array(InstrumentInfoSchema),
  }),
  'market.watch': request({
    summary: 'Start maintaining the book of a symbol on a venue',
    input: WatchInput,
    output: z.object({ venue: VenueIdSchema, symbol: z.string() }),
  }),
  'market.unwatch': request({
    summary: 'Stop a watch started with market.watch',
    input: WatchInput,
    output: z.object({ venue: VenueIdSchema, symbol: z.string() }),
  }),
} as const;

export const marketStreams = {
  'market.book': stream({
    summary: 'Top-N levels of a book (coalesced), with source, status and age',
    params: z
      .object({
        venue: VenueIdSchema,
        symbol: MarketSymbolSchema,
        depth: z.number().int().min(1).max(200).default(20),
        grouping: GroupingSchema.optional(),
      })
      .strict(),
    snapshot: BookViewSchema,
    delta: BookViewSchema,
    reduce: replaceWithDelta,
  }),
  'market.trades': stream({
    summary: 'Trade prints of a symbol: the recent ones, then each new batch',
    params: WatchInput,
    snapshot: TradesSchema,
    delta: TradesSchema,
    reduce: (state, delta) => ({
      trades: [...delta.trades.toReversed(), ...state.trades].slice(0, TRADES_KEPT),
    }),
  }),
  'market.health': stream({
    summary: 'Feed health per venue and per book',
    params: z.object({}).strict(),
    snapshot: HealthSchema,
    delta: HealthSchema,
    reduce: replaceWithDelta,
  }),
} as const;

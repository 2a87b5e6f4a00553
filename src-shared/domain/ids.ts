/**
 * Identifiers shared by main and renderer. Venue ids are lower-case slugs ("binance-usdm"), with
 * prefixes for derived venues: "paper:" (paper trading on a venue's books) and "replay:" (a recorded
 * session of a venue played back), e.g. "paper:replay:binance". Instrument ids are the terminal's
 * own symbols ("BTC-USD"), mapped to venue symbols by adapters.
 */
import { z } from 'zod';

export const VenueIdSchema = z
  .string()
  .regex(
    /^(paper:)?(replay:)?[a-z][a-z0-9-]{0,31}$/,
    'venue ids are lower-case slugs such as "binance-usdm" (paper venues: "paper:binance", replays: "replay:binance")',
  )
  .brand<'VenueId'>();
export type VenueId = z.infer<typeof VenueIdSchema>;

export const InstrumentIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,47}$/, 'instrument ids look like "BTC-USD"')
  .brand<'InstrumentId'>();
export type InstrumentId = z.infer<typeof InstrumentIdSchema>;

export const SideSchema = z.enum(['buy', 'sell']);
export type Side = z.infer<typeof SideSchema>;

export const OrderTypeSchema = z.enum(['limit', 'market']);
export type OrderType = z.infer<typeof OrderTypeSchema>;

/** POST_ONLY rests or is rejected; it never takes liquidity. */
export const TimeInForceSchema = z.enum(['GTC', 'IOC', 'FOK', 'POST_ONLY']);
export type TimeInForce = z.infer<typeof TimeInForceSchema>;

export const VenueKindSchema = z.enum(['simulated', 'live']);
export type VenueKind = z.infer<typeof VenueKindSchema>;

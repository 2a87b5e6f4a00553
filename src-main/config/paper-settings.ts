/**
 * The `paper` section of settings.json: paper trading on live venues' books (src-main/paper).
 * Every live venue that is enabled gets a paper venue `paper:<id>` unless `paper.enabled` is false.
 * Fee rates are fractions ("0.001" = 0.1%); unset venues use DEFAULT_PAPER_FEES.
 */
import { z } from 'zod';

const Rate = z.string().regex(/^0(\.[0-9]{1,15})?$/, 'a fee rate is a decimal in [0, 1) such as "0.001"');
const Amount = z
  .string()
  .regex(/^(0|[1-9][0-9]{0,14})(\.[0-9]{1,18})?$/, 'a plain non-negative decimal such as "10000"');
const Asset = z.string().regex(/^[A-Za-z0-9._-]{1,32}$/);

const PaperVenueSettingsSchema = z
  .object({
    makerFee: Rate.optional(),
    takerFee: Rate.optional(),
    /** The settlement asset of agents' starting capital (default: the first instrument's quote). */
    quoteAsset: Asset.optional(),
    /** Extra balances every new paper account on this venue starts with, e.g. { "BTC": "0.5" }. */
    startingBalances: z.record(Asset, Amount).optional(),
  })
  .strict();

export const PaperSettingsSchema = z
  .object({
    enabled: z.boolean().default(true),
    /** Starting capital (in the quote asset) of the terminal's own paper account. */
    startingCapital: Amount.default('10000'),
    queue: z
      .object({
        /** Share of unexplained decreases (cancels) taken from the queue ahead: "proportional" or 0..1. */
        cancelAheadShare: z
          .union([z.literal('proportional'), z.number().min(0).max(1)])
          .default('proportional'),
        /** Liquidity a paper taker consumed stays unavailable this long (ms; 0 = until refreshed). */
        consumedTtlMs: z.number().int().min(0).max(3_600_000).default(10_000),
        /** ... or this many book updates (0 = off). */
        consumedTtlUpdates: z.number().int().min(0).max(1_000_000).default(0),
      })
      .strict()
      .default({ cancelAheadShare: 'proportional', consumedTtlMs: 10_000, consumedTtlUpdates: 0 }),
    venues: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), PaperVenueSettingsSchema).default({}),
  })
  .strict();
export type PaperSettings = z.infer<typeof PaperSettingsSchema>;
export type PaperVenueSettings = z.infer<typeof PaperVenueSettingsSchema>;

export const DEFAULT_PAPER_SETTINGS: PaperSettings = PaperSettingsSchema.parse({});

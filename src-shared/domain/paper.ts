/**
 * Paper-trading vocabulary shared by main (paper venues, the trigger layer) and the UI (badges on
 * open orders): why an order is not filling, and how sure the paper model is of a queue position.
 */
import { z } from 'zod';

/**
 * Why an open paper or trigger order is not filling right now:
 * - book_stale / book_resyncing / book_invalid: the venue's book is not live; nothing fills;
 * - book_unavailable: no live book for the instrument (not watched, or the venue streams none);
 * - queue_ahead: resting, with visible size still ahead of it at its price;
 * - awaiting_prints: at the front of its queue, waiting for trades at or through its price;
 * - no_liquidity: a taker found nothing within its limit;
 * - liquidity_consumed: what is visible was already taken by earlier paper orders;
 * - trigger_pending: a stop order or bracket leg waiting for its trigger price.
 */
export const NoFillReasonSchema = z.enum([
  'book_stale',
  'book_resyncing',
  'book_invalid',
  'book_unavailable',
  'queue_ahead',
  'awaiting_prints',
  'no_liquidity',
  'liquidity_consumed',
  'trigger_pending',
]);
export type NoFillReason = z.infer<typeof NoFillReasonSchema>;
export const NO_FILL_REASONS: readonly NoFillReason[] = NoFillReasonSchema.options;

/**
 * How sure the paper model is of a resting order's queue position: high = watched without a gap
 * since it joined and prints seen (or nothing ahead); medium = no print seen yet; low = a resync,
 * stale or invalid period since it joined, or the book is not live now.
 */
export const QueueConfidenceSchema = z.enum(['high', 'medium', 'low']);
export type QueueConfidence = z.infer<typeof QueueConfidenceSchema>;

/** Venue ids of paper venues: `paper:<live venue id>`, e.g. "paper:binance". */
export const PAPER_VENUE_PREFIX = 'paper:';

export function paperVenueId(liveVenue: string): string {
  return `${PAPER_VENUE_PREFIX}${liveVenue}`;
}

export function isPaperVenueId(venueId: string): boolean {
  return venueId.startsWith(PAPER_VENUE_PREFIX);
}

/**
 * The port through which bots read live books and trades of any venue (the simulated venue and
 * live exchanges), implemented by the market-data service. Levels are Hyperliquid-shaped
 * (`{px, sz, n}`, bids best first then asks best first) and every book says where it came from
 * and whether it can be trusted right now, so a bot never mistakes a stale or resyncing book for
 * a live one.
 *
 * Rules for implementations:
 * - `subscribeL2Book` calls `onBook` with the current book as soon as one is known, then on every
 *   change; it may coalesce changes (the newest book supersedes older ones). A book whose status
 *   is not `live` must still be sent, with that status, when the status changes.
 * - `nSigFigs` (2-5, or null for full precision) groups levels like Hyperliquid: bids round down,
 *   asks round up, sizes and order counts summed. `depth` truncates each side.
 * - Listeners are called synchronously; `dispose()` is idempotent and stops all further calls.
 */
import type { DecimalString } from '../../src-shared/domain';
import type { Result } from '../../src-shared/result';
import type { BookLevel } from './venue-port';

export type BookStatus = 'live' | 'stale' | 'resyncing';
/** simulated = the in-process venue; websocket / rest = a live exchange feed; replay = recorded. */
export type BookSource = 'simulated' | 'websocket' | 'rest' | 'replay';

export interface L2BookUpdate {
  readonly venue: string;
  readonly symbol: string;
  /** Exchange (or venue) time of the book in epoch ms. */
  readonly time: number;
  readonly levels: readonly [readonly BookLevel[], readonly BookLevel[]];
  readonly source: BookSource;
  readonly status: BookStatus;
}

export interface MarketTrade {
  readonly venue: string;
  readonly symbol: string;
  /** Hyperliquid convention: "B" = the buyer took liquidity, "A" = the seller did. */
  readonly side: 'B' | 'A';
  readonly px: DecimalString;
  readonly sz: DecimalString;
  readonly time: number;
  readonly tid: string;
}

export interface MarketDataError {
  readonly code: 'UNKNOWN_VENUE' | 'UNKNOWN_SYMBOL' | 'UNAVAILABLE';
  readonly message: string;
}

export interface L2BookRequest {
  readonly venue: string;
  readonly symbol: string;
  readonly nSigFigs: number | null;
  readonly depth: number;
}

export interface MarketDataSubscription {
  dispose(): void;
}

export interface MarketDataPort {
  /** Venue ids that can be subscribed to right now. */
  venues(): readonly string[];
  subscribeL2Book(
    request: L2BookRequest,
    onBook: (book: L2BookUpdate) => void,
  ): Result<MarketDataSubscription, MarketDataError>;
  subscribeTrades(
    request: { readonly venue: string; readonly symbol: string },
    onTrades: (trades: readonly MarketTrade[]) => void,
  ): Result<MarketDataSubscription, MarketDataError>;
}

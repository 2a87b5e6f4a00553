/**
 * The normalised vocabulary every venue adapter speaks: instruments with their grids, depth
 * messages with the venue's sequence fields, trades and BBOs. Prices and sizes stay decimal
 * strings as received; the book core turns them into ticks and lots.
 */
import type { RawLevel } from '../../core/book';
import type { Grid } from '../../core/num';
import type { VenueCapabilities } from '../../../src-shared/contract';
import type { DecimalString, VenueId } from '../../../src-shared/domain';

export type { VenueCapabilities };

export interface Instrument {
  readonly venue: VenueId;
  /** The venue's own symbol, as users type it: BTCUSDT, BTC-USDT, BTC (Hyperliquid, Lighter). */
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly tickSize: DecimalString;
  readonly lotSize: DecimalString;
  readonly grid: Grid;
  /** The venue's internal handle when it differs from the symbol (Lighter market id). */
  readonly ref?: string;
}

/**
 * One depth message, snapshot or delta, with the venue's sequence fields mapped onto three slots:
 * `first`/`last` (Binance U/u, Lighter -/nonce, OKX -/seqId, Bybit -/u) and `prev` (Binance pu,
 * Lighter begin_nonce, OKX prevSeqId). A venue's SequencePolicy gives them meaning.
 */
export interface DepthMessage {
  readonly kind: 'snapshot' | 'delta';
  readonly bids: readonly RawLevel[];
  readonly asks: readonly RawLevel[];
  readonly first?: number;
  readonly last?: number;
  readonly prev?: number;
  /** A venue checksum to verify; absent (or OKX's 0 since 2026-06-23) means none. */
  readonly checksum?: number;
  /** Venue timestamp in epoch ms, for message age. */
  readonly venueTime?: number;
}

export interface Trade {
  readonly venue: VenueId;
  readonly symbol: string;
  readonly id: string;
  readonly price: DecimalString;
  readonly size: DecimalString;
  /** The taker's side. */
  readonly side: 'buy' | 'sell';
  readonly time: number;
}

export interface Bbo {
  readonly bidPrice: DecimalString | null;
  readonly bidSize: DecimalString | null;
  readonly askPrice: DecimalString | null;
  readonly askSize: DecimalString | null;
  readonly id?: number;
  readonly venueTime?: number;
}

/** What one raw frame means once parsed. */
export type StreamFrame =
  | { readonly kind: 'depth'; readonly symbol: string; readonly message: DepthMessage }
  | { readonly kind: 'trades'; readonly symbol: string; readonly trades: readonly Omit<Trade, 'venue'>[] }
  | { readonly kind: 'bbo'; readonly symbol: string; readonly bbo: Bbo }
  /** Acks, pongs, subscription confirmations: liveness only. */
  | { readonly kind: 'control'; readonly note?: string }
  /** The venue reported an error for a subscription. */
  | { readonly kind: 'venue-error'; readonly message: string; readonly symbol?: string }
  /**
   * A per-connection message counter (Coinbase `sequence_num`): it covers every channel, so a
   * jump means some message, possibly a book update, was lost on this connection.
   */
  | { readonly kind: 'connection-seq'; readonly seq: number };

export type ResyncCause = 'gap' | 'checksum' | 'crossed' | 'stale' | 'reconnect' | 'invalid-data';
export const RESYNC_CAUSES: readonly ResyncCause[] = [
  'gap',
  'checksum',
  'crossed',
  'stale',
  'reconnect',
  'invalid-data',
];

export type BookStatus = 'live' | 'stale' | 'resyncing' | 'invalid';
export type BookSource = 'stream' | 'rest';
export type ConnectionState = 'idle' | 'connecting' | 'live' | 'degraded' | 'down';

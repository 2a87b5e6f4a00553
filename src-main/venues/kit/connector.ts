/**
 * The VenueConnector interface: what the market-data service may ask of any venue. A connector
 * declares its capabilities; it offers the stream-maintained book only while that book is valid
 * (full-depth stream, connected, snapshot validated), depth with an explicit source (stream book
 * when valid, REST otherwise), instruments from the venue's metadata, and trades as typed events.
 */
import type { DecimalString, VenueId } from '../../../src-shared/domain';
import type { BookStatus, VenueHealth } from '../../../src-shared/contract';
import type { Result } from '../../../src-shared/result';
import type { BookLevel, SideLevels } from '../../core/book';
import type { Disposer } from '../../core/ports';
import type { Bbo, BookSource, Instrument, Trade, VenueCapabilities } from './types';

/** A read-only view of a book held by a connector. */
export interface BookReader {
  readonly instrument: Instrument;
  readonly bids: Pick<SideLevels, 'top' | 'best' | 'size' | 'bestFirst'>;
  readonly asks: Pick<SideLevels, 'top' | 'best' | 'size' | 'bestFirst'>;
  /** Receipt time (epoch ms) of the last applied message. */
  readonly updatedAt: number | null;
  readonly venueTime: number | null;
  readonly messageAgeMs: number | null;
}

/** What the book of a watched symbol looks like right now, whether or not it is live. */
export interface BookState {
  readonly status: BookStatus;
  /** The levels to display: the live book, or the last valid one while `stale`; null otherwise. */
  readonly reader: BookReader | null;
  readonly note?: string;
}

export interface DepthLevelView {
  readonly price: DecimalString;
  readonly size: DecimalString;
  readonly count?: number;
}

export interface DepthSnapshot {
  readonly source: BookSource;
  readonly bids: readonly DepthLevelView[];
  readonly asks: readonly DepthLevelView[];
  /** Receipt time, epoch ms. */
  readonly at: number;
  readonly venueTime: number | null;
}

export interface VenueConnector {
  readonly venue: VenueId;
  readonly name: string;
  readonly capabilities: VenueCapabilities;

  /** Instruments from the venue's metadata (cached after the first successful load). */
  instruments(): Promise<Result<readonly Instrument[]>>;
  /** Starts maintaining a symbol (subscribing streams, syncing its book). Idempotent. */
  watch(symbol: string): Promise<Result<Instrument>>;
  unwatch(symbol: string): void;
  watched(): readonly string[];

  /** The stream-maintained book, or null when there is none that is valid right now. */
  book(symbol: string): BookReader | null;
  /** Status and displayable levels of a watched symbol's book (null when not watched). */
  bookState(symbol: string): BookState | null;
  /** Top `levels` per side: the valid stream book, otherwise a REST snapshot. */
  depth(symbol: string, levels: number): Promise<Result<DepthSnapshot>>;
  /** Latest best bid/offer from a BBO stream, if the venue has one and it was received. */
  bbo(symbol: string): Bbo | null;

  onTrades(listener: (trades: readonly Trade[]) => void): Disposer;
  /** Called whenever a watched symbol's book or status changed (full rate; consumers coalesce). */
  onBookChange(listener: (symbol: string) => void): Disposer;

  health(): VenueHealth;
  stop(): void;
}

export function levelView(level: BookLevel): DepthLevelView {
  return level.count === undefined
    ? { price: level.price as DecimalString, size: level.size as DecimalString }
    : { price: level.price as DecimalString, size: level.size as DecimalString, count: level.count };
}

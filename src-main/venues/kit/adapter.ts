/**
 * What a venue folder supplies to the generic connector: its protocol (subscribe messages, frame
 * parser), its book-sync rules, its keepalive and limits, and its REST calls. Everything here is
 * venue knowledge; everything in StreamConnector is venue-neutral.
 */
import type { Result } from '../../../src-shared/result';
import type { VenueId } from '../../../src-shared/domain';
import type { BookError, L2Book } from '../../core/book';
import type { RestClient } from './rest';
import type { SequenceRules } from './sequence';
import type { SyncMode } from './book-sync';
import type { DepthMessage, Instrument, StreamFrame, VenueCapabilities } from './types';

export interface VenueAdapter {
  readonly venue: VenueId;
  readonly name: string;
  readonly capabilities: VenueCapabilities;
  readonly defaultWsUrl: string;
  readonly defaultRestUrl: string;
  /** Absent when the stream does not carry full depth (the book comes from REST only). */
  readonly sync?: {
    readonly mode: SyncMode;
    readonly rules: SequenceRules;
    readonly depth?: number;
    readonly verify?: (book: L2Book, message: DepthMessage) => BookError | null;
  };
  readonly socket: {
    /** Silence longer than this marks books stale and reconnects. */
    readonly silenceMs: number;
    readonly keepalive?: { readonly everyMs: number; readonly payload: string };
    readonly protocolPingMs?: number;
    readonly maxSendPerSecond: number;
  };
  /**
   * A second socket for channels the venue serves elsewhere (Binance USD-M serves aggTrade on
   * /market, depth on /public). Its URL derives from the primary one.
   */
  readonly secondary?: {
    url(primary: string): string;
    subscribe(instruments: readonly Instrument[]): string[];
    unsubscribe(instruments: readonly Instrument[]): string[];
  };
  /** Levels to request in a REST snapshot used to seed the stream book. */
  readonly snapshotLevels: number;
  /** The venue's own spelling of a user-typed symbol (Binance upper-cases). */
  normalizeSymbol(symbol: string): string;
  /** Messages that subscribe every channel of these instruments, batched as the venue allows. */
  subscribe(instruments: readonly Instrument[]): string[];
  unsubscribe(instruments: readonly Instrument[]): string[];
  /** Messages that make the venue send a fresh book snapshot (stream-snapshot venues). */
  resubscribe?(instrument: Instrument): string[];
  /**
   * Parses one raw text frame. Frames name instruments by `ref ?? symbol`. An Err is a
   * malformed frame: logged and counted, never applied.
   */
  parse(text: string): Result<readonly StreamFrame[], string>;
  fetchSnapshot(rest: RestClient, instrument: Instrument, levels: number): Promise<Result<DepthMessage>>;
  fetchInstruments(rest: RestClient): Promise<Result<readonly Instrument[]>>;
}

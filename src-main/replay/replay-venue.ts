/**
 * The venue a replay shows: `replay:<venue>`, a VenueConnector like any other (the market-data
 * service, paper venues and the gateway use it unchanged). Behind it sits the real connector code of
 * the recorded venue fed from the recording; seeking back to the start swaps that inner connector for
 * a fresh one, and this facade keeps every listener attached across the swap.
 *
 * What is watched is what the recording watched: `watch` answers for a recorded instrument without
 * changing the replay (a new subscription would not be in the recording), and `unwatch` does nothing.
 */
import type { VenueHealth } from '../../src-shared/contract';
import type { VenueId } from '../../src-shared/domain';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { Disposer } from '../core/ports';
import type {
  Bbo,
  BookReader,
  BookState,
  DepthSnapshot,
  Instrument,
  Trade,
  VenueConnector,
} from '../venues/kit';
import { ConnectorListeners } from '../venues/kit';

export const REPLAY_PREFIX = 'replay:';

export function replayVenueId(venue: string): VenueId {
  return `${REPLAY_PREFIX}${venue}` as VenueId;
}

export function isReplayVenueId(venue: string): boolean {
  return venue.startsWith(REPLAY_PREFIX);
}

export class ReplayVenueConnector implements VenueConnector {
  readonly venue: VenueId;
  readonly name: string;
  private inner: VenueConnector | null = null;
  private innerStops: Disposer[] = [];
  private readonly listeners = new ConnectorListeners();
  private readonly bySymbol: Map<string, Instrument>;

  constructor(
    readonly recordedVenue: string,
    name: string,
    readonly capabilities: VenueConnector['capabilities'],
    private readonly list: readonly Instrument[],
  ) {
    this.venue = replayVenueId(recordedVenue);
    this.name = `Replay: ${name}`;
    this.bySymbol = new Map(list.map((i) => [i.symbol.toUpperCase(), { ...i, venue: this.venue }]));
  }

  /** Puts a fresh inner connector behind the facade; listeners hear it from now on. */
  attach(inner: VenueConnector): void {
    this.detach();
    this.inner = inner;
    this.innerStops = [
      inner.onTrades((trades) => {
        const renamed = trades.map((t) => ({ ...t, venue: this.venue }));
        this.listeners.emitTrades(renamed);
      }),
      inner.onBookChange((symbol) => this.notify(symbol)),
    ];
    for (const instrument of this.bySymbol.values()) this.notify(instrument.symbol);
  }

  /** Tells listeners a book changed (feeds whose inner connector does not say so itself). */
  notify(symbol: string): void {
    this.listeners.emitBookChange(symbol);
  }

  instruments(): Promise<Result<readonly Instrument[]>> {
    return Promise.resolve(ok([...this.bySymbol.values()]));
  }

  watch(symbol: string): Promise<Result<Instrument>> {
    const found = this.bySymbol.get(symbol.toUpperCase());
    return Promise.resolve(
      found
        ? ok(found)
        : err(appError('NOT_FOUND', `the recording has no ${symbol} on ${this.recordedVenue}`)),
    );
  }

  unwatch(): void {}

  watched(): readonly string[] {
    return this.list.map((i) => i.symbol);
  }

  book(symbol: string): BookReader | null {
    return this.rename(this.inner?.book(symbol) ?? null);
  }

  bookState(symbol: string): BookState | null {
    const state = this.inner?.bookState(symbol) ?? null;
    return state === null ? null : { ...state, reader: this.rename(state.reader) };
  }

  depth(symbol: string, levels: number): Promise<Result<DepthSnapshot>> {
    const reader = this.inner?.book(symbol);
    if (!reader || !this.inner) {
      return Promise.resolve(err(appError('UNAVAILABLE', `no live ${symbol} book in the replay right now`)));
    }
    return this.inner.depth(symbol, levels);
  }

  bbo(symbol: string): Bbo | null {
    return this.inner?.bbo(symbol) ?? null;
  }

  onTrades(listener: (trades: readonly Trade[]) => void): Disposer {
    return this.listeners.onTrades(listener);
  }

  onBookChange(listener: (symbol: string) => void): Disposer {
    return this.listeners.onBookChange(listener);
  }

  health(): VenueHealth {
    const inner = this.inner?.health();
    return inner
      ? { ...inner, venue: this.venue }
      : { venue: this.venue, state: 'idle', connectedSince: null, uptimeMs: 0, reconnects: 0, books: [] };
  }

  stop(): void {
    this.detach();
    this.listeners.clear();
  }

  private detach(): void {
    for (const stop of this.innerStops.splice(0)) stop();
    this.inner?.stop();
    this.inner = null;
  }

  private rename(reader: BookReader | null): BookReader | null {
    if (reader === null) return null;
    const instrument = this.bySymbol.get(reader.instrument.symbol.toUpperCase()) ?? reader.instrument;
    return { ...reader, instrument };
  }
}

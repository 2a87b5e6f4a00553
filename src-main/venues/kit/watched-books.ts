/**
 * The symbols a connector watches: a BookKeeper each on venues with a stream book, or only a health
 * tracker on REST-only venues; found by symbol or by the venue's own reference in its frames, with
 * each symbol's latest BBO. Bookkeeping only: the connector decides what to subscribe and send.
 */
import type { BookHealth } from '../../../src-shared/contract';
import type { BookKeeper } from './book-keeper';
import type { BookState } from './connector';
import { BookHealthTracker } from './health';
import type { Bbo, Instrument } from './types';

interface RestOnlyBook {
  readonly instrument: Instrument;
  readonly health: BookHealthTracker;
}

export class WatchedBooks {
  private readonly keepers = new Map<string, BookKeeper>();
  private readonly restOnly = new Map<string, RestOnlyBook>();
  private readonly byRef = new Map<string, Instrument>();
  private readonly bbos = new Map<string, Bbo>();

  has(symbol: string): boolean {
    return this.keepers.has(symbol) || this.restOnly.has(symbol);
  }

  /** Watches `instrument` with its stream book, or REST-only when `keeper` is null. */
  add(instrument: Instrument, keeper: BookKeeper | null): void {
    this.byRef.set(instrument.ref ?? instrument.symbol, instrument);
    if (keeper) this.keepers.set(instrument.symbol, keeper);
    else
      this.restOnly.set(instrument.symbol, { instrument, health: new BookHealthTracker(instrument.symbol) });
  }

  /** Stops watching `symbol` (its keeper disposed); returns its instrument, or null if unwatched. */
  remove(symbol: string): Instrument | null {
    const keeper = this.keepers.get(symbol);
    const instrument = keeper?.instrument ?? this.restOnly.get(symbol)?.instrument;
    if (!instrument) return null;
    keeper?.dispose();
    this.keepers.delete(symbol);
    this.restOnly.delete(symbol);
    this.byRef.delete(instrument.ref ?? instrument.symbol);
    this.bbos.delete(symbol);
    return instrument;
  }

  keeper(symbol: string): BookKeeper | undefined {
    return this.keepers.get(symbol);
  }

  /** The instrument a venue frame names (its `ref`, else its symbol). */
  byVenueRef(ref: string): Instrument | undefined {
    return this.byRef.get(ref);
  }

  allKeepers(): IterableIterator<BookKeeper> {
    return this.keepers.values();
  }

  symbols(): string[] {
    return [...this.keepers.keys(), ...this.restOnly.keys()];
  }

  keeperSymbols(): IterableIterator<string> {
    return this.keepers.keys();
  }

  instruments(): Instrument[] {
    return [...this.keepers.values(), ...this.restOnly.values()].map((k) => k.instrument);
  }

  tracker(symbol: string): BookHealthTracker | undefined {
    return this.keepers.get(symbol)?.health ?? this.restOnly.get(symbol)?.health;
  }

  state(symbol: string): BookState | null {
    const keeper = this.keepers.get(symbol);
    if (keeper) return keeper.state();
    const rest = this.restOnly.get(symbol);
    return rest ? { status: rest.health.status, reader: null } : null;
  }

  healthSnapshots(): BookHealth[] {
    return [
      ...[...this.keepers.values()].map((k) => k.health.snapshot()),
      ...[...this.restOnly.values()].map((r) => r.health.snapshot()),
    ];
  }

  /** Sets a REST-only book's status; true when it changed. */
  setRestStatus(symbol: string, status: 'live' | 'invalid'): boolean {
    const entry = this.restOnly.get(symbol);
    if (!entry || entry.health.status === status) return false;
    entry.health.status = status;
    return true;
  }

  bbo(symbol: string): Bbo | null {
    return this.bbos.get(symbol) ?? null;
  }

  /** Keeps `bbo` unless it is older than the one kept (venue update ids). */
  offerBbo(symbol: string, bbo: Bbo): void {
    const prev = this.bbos.get(symbol);
    if (prev?.id !== undefined && bbo.id !== undefined && bbo.id < prev.id) return;
    this.bbos.set(symbol, bbo);
  }
}

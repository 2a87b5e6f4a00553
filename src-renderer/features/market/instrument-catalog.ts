/**
 * Each venue's instruments (symbol, base, quote, tick and lot size), fetched once per venue with
 * `market.instruments` and shared by every panel; a failed fetch can be retried. Tick and lot
 * sizes decide how prices and sizes are shown and where ladder rows sit.
 * Invariants: at most one request in flight per venue; a venue's entry only moves from loading to
 * ready or error, and from error back to loading on retry.
 */
import type { InstrumentInfo } from '../../../src-shared/contract';
import type { VenueId } from '../../../src-shared/domain';
import type { AppError, Result } from '../../../src-shared/result';

export type CatalogEntry =
  | { readonly status: 'loading' }
  | {
      readonly status: 'ready';
      readonly list: readonly InstrumentInfo[];
      readonly bySymbol: ReadonlyMap<string, InstrumentInfo>;
    }
  | { readonly status: 'error'; readonly error: AppError };

export type InstrumentsFetcher = (venue: VenueId) => Promise<Result<InstrumentInfo[]>>;

const LOADING: CatalogEntry = { status: 'loading' };

export class InstrumentCatalog {
  private readonly entries = new Map<string, CatalogEntry>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly fetch: InstrumentsFetcher) {}

  /** The venue's entry; starts the fetch on first use. */
  get(venue: VenueId): CatalogEntry {
    const entry = this.entries.get(venue);
    if (entry) return entry;
    this.load(venue);
    return LOADING;
  }

  retry(venue: VenueId): void {
    if (this.entries.get(venue)?.status === 'error') this.load(venue);
  }

  /** The instrument, when the venue's list is known and has it (case-insensitive fallback). */
  find(venue: VenueId, symbol: string): InstrumentInfo | undefined {
    const entry = this.get(venue);
    if (entry.status !== 'ready') return undefined;
    return entry.bySymbol.get(symbol) ?? entry.bySymbol.get(symbol.toUpperCase());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private load(venue: VenueId): void {
    this.entries.set(venue, LOADING);
    void this.fetch(venue).then((result) => {
      this.entries.set(
        venue,
        result.ok
          ? { status: 'ready', list: result.value, bySymbol: new Map(result.value.map((i) => [i.symbol, i])) }
          : { status: 'error', error: result.error },
      );
      for (const listener of this.listeners) listener();
    });
  }
}

/**
 * Search: exact symbol first, then symbols starting with the query, then base-asset matches,
 * then any symbol containing it; case- and separator-insensitive ("btcusdt" finds "BTC-USDT").
 */
export function searchInstruments(
  list: readonly InstrumentInfo[],
  query: string,
  limit = 50,
): InstrumentInfo[] {
  const norm = (s: string) => s.toUpperCase().replace(/[-_/:.]/g, '');
  const q = norm(query.trim());
  if (!q) return list.slice(0, limit);
  const ranked: Array<[number, InstrumentInfo]> = [];
  for (const i of list) {
    const s = norm(i.symbol);
    const rank = s === q ? 0 : s.startsWith(q) ? 1 : norm(i.base) === q ? 2 : s.includes(q) ? 3 : -1;
    if (rank >= 0) ranked.push([rank, i]);
  }
  ranked.sort(
    (a, b) =>
      a[0] - b[0] || a[1].symbol.length - b[1].symbol.length || a[1].symbol.localeCompare(b[1].symbol),
  );
  return ranked.slice(0, limit).map(([, i]) => i);
}

/**
 * A MarketDataPort for tests: venues and symbols are declared up front, books and trades are
 * pushed by the test (`publishBook`, `publishTrades`), optionally mirrored from a FakeVenue.
 * Applies `depth`; records every request so tests can check parameters passed through.
 */
import { err, ok } from '../../src-shared/result';
import type {
  L2BookRequest,
  L2BookUpdate,
  MarketDataPort,
  MarketTrade,
} from '../../src-main/gateway/market-data-port';

type BookListener = { request: L2BookRequest; onBook: (b: L2BookUpdate) => void };

export class FakeMarketData implements MarketDataPort {
  readonly requests: L2BookRequest[] = [];
  private readonly symbols = new Map<string, Set<string>>();
  private readonly books = new Map<string, L2BookUpdate>();
  private readonly bookListeners = new Map<string, Set<BookListener>>();
  private readonly tradeListeners = new Map<string, Set<(t: readonly MarketTrade[]) => void>>();

  constructor(venues: Record<string, string[]> = { sim: ['BTC-USD', 'ETH-USD'], binance: ['BTCUSDT'] }) {
    for (const [venue, symbols] of Object.entries(venues)) this.symbols.set(venue, new Set(symbols));
  }

  venues(): readonly string[] {
    return [...this.symbols.keys()];
  }

  get listenerCount(): number {
    let n = 0;
    for (const set of this.bookListeners.values()) n += set.size;
    for (const set of this.tradeListeners.values()) n += set.size;
    return n;
  }

  subscribeL2Book(request: L2BookRequest, onBook: (b: L2BookUpdate) => void) {
    const problem = this.check(request.venue, request.symbol);
    if (problem) return problem;
    this.requests.push(request);
    const key = `${request.venue}|${request.symbol}`;
    const listener = { request, onBook };
    const set = this.bookListeners.get(key) ?? new Set();
    set.add(listener);
    this.bookListeners.set(key, set);
    const current = this.books.get(key);
    if (current) onBook(truncate(current, request.depth));
    return ok({ dispose: () => void set.delete(listener) });
  }

  subscribeTrades(request: { venue: string; symbol: string }, onTrades: (t: readonly MarketTrade[]) => void) {
    const problem = this.check(request.venue, request.symbol);
    if (problem) return problem;
    const key = `${request.venue}|${request.symbol}`;
    const set = this.tradeListeners.get(key) ?? new Set();
    set.add(onTrades);
    this.tradeListeners.set(key, set);
    return ok({ dispose: () => void set.delete(onTrades) });
  }

  publishBook(book: L2BookUpdate): void {
    const key = `${book.venue}|${book.symbol}`;
    this.books.set(key, book);
    for (const l of this.bookListeners.get(key) ?? []) l.onBook(truncate(book, l.request.depth));
  }

  publishTrades(venue: string, symbol: string, trades: MarketTrade[]): void {
    for (const l of this.tradeListeners.get(`${venue}|${symbol}`) ?? []) l(trades);
  }

  private check(venue: string, symbol: string) {
    const symbols = this.symbols.get(venue);
    if (!symbols)
      return err({ code: 'UNKNOWN_VENUE' as const, message: `no market data for venue ${venue}` });
    if (!symbols.has(symbol))
      return err({ code: 'UNKNOWN_SYMBOL' as const, message: `${venue} has no ${symbol}` });
    return null;
  }
}

function truncate(book: L2BookUpdate, depth: number): L2BookUpdate {
  return { ...book, levels: [book.levels[0].slice(0, depth), book.levels[1].slice(0, depth)] };
}

/**
 * The two notifications every venue connector sends (`onTrades`, `onBookChange`): its listeners, kept
 * once here instead of a pair of sets and their loops in each connector. Listeners are called in the
 * order they subscribed; `clear` forgets them all (a stopped connector tells no one).
 */
import type { Disposer } from '../../core/ports';
import type { Trade } from './types';

export class ConnectorListeners {
  private readonly trades = new Set<(trades: readonly Trade[]) => void>();
  private readonly books = new Set<(symbol: string) => void>();

  onTrades(listener: (trades: readonly Trade[]) => void): Disposer {
    this.trades.add(listener);
    return () => this.trades.delete(listener);
  }

  onBookChange(listener: (symbol: string) => void): Disposer {
    this.books.add(listener);
    return () => this.books.delete(listener);
  }

  emitTrades(trades: readonly Trade[]): void {
    for (const listener of this.trades) listener(trades);
  }

  emitBookChange(symbol: string): void {
    for (const listener of this.books) listener(symbol);
  }

  clear(): void {
    this.trades.clear();
    this.books.clear();
  }
}

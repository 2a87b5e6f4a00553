/**
 * What a market stream opener needs from the market data service (time, the coalescing interval,
 * reference-counted watches on a venue's symbols), and the watch a stream holds while open.
 */
import type { AppError, Result } from '../../../src-shared/result';
import { ok } from '../../../src-shared/result';
import type { Clock, Timers } from '../../core/ports';
import type { VenueConnector } from '../../venues/kit';

type WatchDeps = Pick<MarketStreamDeps, 'connectorFor' | 'acquire' | 'release'>;

export interface MarketStreamDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  /** At most one message per stream per this many milliseconds. */
  readonly intervalMs: number;
  connectorFor(venue: string): Result<VenueConnector>;
  /** Watches `symbol` (counted); resolves with the venue's own spelling of it. */
  acquire(connector: VenueConnector, symbol: string): Promise<Result<string>>;
  release(connector: VenueConnector, symbol: string): void;
}

/**
 * A stream's watch on its symbol: taken by `start`, given back by `close`, or at once when the
 * stream closed before the venue confirmed it. `symbol` is the requested spelling until then, the
 * venue's after.
 */
export class StreamWatch {
  symbol: string;
  private held = false;
  private isClosed = false;

  private constructor(
    private readonly deps: WatchDeps,
    readonly connector: VenueConnector,
    requested: string,
  ) {
    this.symbol = requested;
  }

  /** The watch for `symbol` on `venue`, not yet taken; an error when the venue is not there. */
  static of(deps: WatchDeps, venue: string, symbol: string): Result<StreamWatch> {
    const connector = deps.connectorFor(venue);
    return connector.ok ? ok(new StreamWatch(deps, connector.value, symbol)) : connector;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Takes the watch; `onWatched` runs once the venue confirmed it (unless closed by then). */
  start(onWatched: (symbol: string) => void, onFailed?: (error: AppError) => void): void {
    void this.deps.acquire(this.connector, this.symbol).then((result) => {
      if (!result.ok) return onFailed?.(result.error);
      if (this.isClosed) return this.deps.release(this.connector, result.value);
      this.held = true;
      this.symbol = result.value;
      onWatched(result.value);
    });
  }

  close(): void {
    this.isClosed = true;
    if (!this.held) return;
    this.held = false;
    this.deps.release(this.connector, this.symbol);
  }
}

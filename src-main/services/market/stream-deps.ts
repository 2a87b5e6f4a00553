/**
 * What a market stream opener needs from the market data service: time, the coalescing interval,
 * and reference-counted watches on a venue's symbols (a stream holds one while it is open).
 */
import type { Result } from '../../../src-shared/result';
import type { Clock, Timers } from '../../core/ports';
import type { VenueConnector } from '../../venues/kit';

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

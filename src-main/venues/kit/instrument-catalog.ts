/**
 * A venue's instruments, loaded once from its metadata. While the venue is unreachable, loads are
 * paced by one jittered, capped backoff that every caller shares (watches from settings and the
 * UI, paper venues): a failed load answers the same failure, without a request, until the next
 * attempt is due, and the catalog makes that attempt by itself so the venue shows when it really
 * happens and comes back without waiting for a caller. Invariants: at most one load in flight;
 * after `stop()` nothing is scheduled.
 */
import { appError, err, ok, type Result } from '../../../src-shared/result';
import type { Clock, Disposer, Timers } from '../../core/ports';
import { Backoff, type BackoffOptions } from './backoff';
import type { Instrument } from './types';

export interface CatalogPorts {
  readonly venue: string;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly random: () => number;
  readonly backoff: BackoffOptions;
  fetch(): Promise<Result<readonly Instrument[]>>;
}

export class InstrumentCatalog {
  private bySymbol: Map<string, Instrument> | null = null;
  private loading: Promise<Result<readonly Instrument[]>> | null = null;
  private error_: string | null = null;
  private retryAt = 0;
  private retryTimer: Disposer | null = null;
  private stopped = false;
  private readonly backoff: Backoff;

  constructor(private readonly ports: CatalogPorts) {
    this.backoff = new Backoff(ports.backoff, ports.random);
  }

  /** Why the last load failed, while no load has succeeded since; else null. */
  get error(): string | null {
    return this.error_;
  }

  /** When the next load is due after a failure (null while one is under way or none failed). */
  get nextAttemptAt(): number | null {
    return this.error_ !== null && !this.loading ? this.retryAt : null;
  }

  get(symbol: string): Instrument | undefined {
    return this.bySymbol?.get(symbol);
  }

  load(): Promise<Result<readonly Instrument[]>> {
    if (this.bySymbol) return Promise.resolve(ok([...this.bySymbol.values()]));
    const wait = this.retryAt - this.ports.clock.now();
    if (!this.loading && this.error_ !== null && wait > 0) {
      const message = `${this.ports.venue} metadata: ${this.error_}; next attempt in ${Math.ceil(wait / 1000)} s`;
      return Promise.resolve(err(appError('UNAVAILABLE', message)));
    }
    this.loading ??= this.ports.fetch().then((result) => {
      this.loading = null;
      if (result.ok) {
        this.bySymbol = new Map(result.value.map((i) => [i.symbol, i]));
        this.error_ = null;
        this.backoff.reset();
      } else this.failed(result.error.message);
      return result;
    });
    return this.loading;
  }

  stop(): void {
    this.stopped = true;
    this.retryTimer?.();
    this.retryTimer = null;
  }

  private failed(message: string): void {
    const delay = this.backoff.next();
    this.error_ = message;
    this.retryAt = this.ports.clock.now() + delay;
    this.retryTimer?.();
    this.retryTimer = this.stopped
      ? null
      : this.ports.timers.after(delay, () => {
          this.retryTimer = null;
          void this.load();
        });
  }
}

/**
 * The venues main knows (`venues.list`), fetched once on first use and shared. Their kind decides
 * the PAPER badge; whether they are enabled decides what the instrument picker offers. A failed
 * fetch is retried on the next read after a pause.
 */
import type { VenueInfo } from '../../../src-shared/contract';
import type { Result } from '../../../src-shared/result';

const RETRY_MS = 3000;

export class VenueDirectory {
  private list: readonly VenueInfo[] | undefined;
  private inFlight = false;
  private failedAt = -Infinity;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly fetch: () => Promise<Result<VenueInfo[]>>) {}

  get = (): readonly VenueInfo[] | undefined => {
    if (!this.list && !this.inFlight && Date.now() - this.failedAt > RETRY_MS) this.load();
    return this.list;
  };

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private load(): void {
    this.inFlight = true;
    void this.fetch().then((result) => {
      this.inFlight = false;
      if (result.ok) this.list = result.value;
      else this.failedAt = Date.now();
      for (const listener of this.listeners) listener();
    });
  }
}

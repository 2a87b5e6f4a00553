/**
 * Rate-limits a full-state publisher: any number of pokes between flushes become one flush, and
 * flushes are at least `minIntervalMs` apart. Nothing is queued: the flush reads the state at
 * that moment, so memory stays constant however fast the venue moves.
 */
import type { Clock, Disposer, Timers } from '../../core/ports';

export class Coalescer {
  private lastFlush = -Infinity;
  private pending: Disposer | null = null;
  private disposed = false;

  constructor(
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly minIntervalMs: number,
    private readonly flush: () => void,
  ) {}

  poke(): void {
    if (this.pending || this.disposed) return;
    const wait = this.lastFlush + this.minIntervalMs - this.clock.monotonic();
    if (wait <= 0) this.run();
    else this.pending = this.timers.after(wait, () => this.run());
  }

  dispose(): void {
    this.disposed = true;
    this.pending?.();
    this.pending = null;
  }

  private run(): void {
    this.pending = null;
    if (this.disposed) return;
    this.lastFlush = this.clock.monotonic();
    this.flush();
  }
}

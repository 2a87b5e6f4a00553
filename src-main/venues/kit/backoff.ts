/**
 * Exponential backoff with jitter and a cap, reset after a stable period. Delay for attempt n is
 * drawn from [d/2, d] with d = min(cap, initial * 2^n) ("equal jitter"): never zero, so a fleet of
 * clients cannot reconnect in lockstep, and never above the cap.
 */
export interface BackoffOptions {
  readonly initialMs: number;
  readonly maxMs: number;
  /** A connection that stayed up this long resets the backoff. */
  readonly stableMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 30_000, stableMs: 60_000 };

export class Backoff {
  private attempt = 0;

  constructor(
    private readonly options: BackoffOptions,
    private readonly random: () => number = Math.random,
  ) {}

  get attempts(): number {
    return this.attempt;
  }

  /** The delay before the next attempt; each call moves one step up. */
  next(): number {
    const ceiling = Math.min(this.options.maxMs, this.options.initialMs * 2 ** Math.min(this.attempt, 30));
    this.attempt += 1;
    const r = Math.min(1, Math.max(0, this.random()));
    return Math.round(ceiling / 2 + (r * ceiling) / 2);
  }

  /** Call when a connection has been up for `upMs`; resets once it counts as stable. */
  noteUptime(upMs: number): void {
    if (upMs >= this.options.stableMs) this.attempt = 0;
  }

  reset(): void {
    this.attempt = 0;
  }
}

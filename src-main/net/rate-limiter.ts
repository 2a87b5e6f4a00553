/**
 * A token bucket per connection: `perSecond` sustained, `burst` at once. `take()` is O(1) and
 * reads a monotonic clock the caller injects, so tests can drive it by hand.
 */
export interface RateLimit {
  readonly perSecond: number;
  readonly burst: number;
}

export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number,
  ) {
    this.tokens = limit.burst;
    this.last = now();
  }

  /** Spend one token; false when the bucket is empty (the caller throttles or disconnects). */
  take(): boolean {
    const now = this.now();
    const refill = ((now - this.last) / 1000) * this.limit.perSecond;
    this.tokens = Math.min(this.limit.burst, this.tokens + refill);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

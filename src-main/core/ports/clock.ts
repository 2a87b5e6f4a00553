/**
 * Time as an injected port: the core never reads the wall clock itself, so tests and replays
 * control time and the same commands always give the same events.
 */
export interface Clock {
  /** Wall-clock time in epoch milliseconds. */
  now(): number;
  /** Monotonic milliseconds for measuring durations; unrelated to the wall clock. */
  monotonic(): number;
}

/** A clock that only moves when told to; for tests and deterministic replays. */
export class ManualClock implements Clock {
  constructor(
    private wall = 0,
    private mono = 0,
  ) {}
  now(): number {
    return this.wall;
  }
  monotonic(): number {
    return this.mono;
  }
  advance(ms: number): void {
    this.wall += ms;
    this.mono += ms;
  }
  set(wallMs: number): void {
    this.wall = wallMs;
  }
}

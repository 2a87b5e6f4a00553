/**
 * The fake venue's own book: the truth a connector must reproduce. Random changes keep it
 * uncrossed; levels are integers in ticks, written as decimal strings with the venue's spelling.
 * Every state the book passes through is recorded (top 20 per side), so a test can check that a
 * book a connector claims valid is one of the venue's states, never an invented one.
 */
export type Levels = Map<number, number>;

/** Levels per side recorded for each state (the conformance suite compares the top 20). */
export const VERSION_DEPTH = 20;

export class TruthBook {
  readonly bids: Levels = new Map();
  readonly asks: Levels = new Map();
  /** Every state so far, oldest first, as `versionKey` strings. */
  readonly versions: string[] = [];
  private seed: number;

  constructor(
    seed = 1,
    readonly mid = 10_000,
  ) {
    this.seed = seed;
    for (let i = 1; i <= 30; i++) {
      this.bids.set(mid - i, 1 + (i % 7));
      this.asks.set(mid + i, 1 + (i % 5));
    }
    this.record();
  }

  /** Records the current state (call after changing `bids`/`asks` directly). */
  record(): void {
    this.versions.push(versionKey(this.top(VERSION_DEPTH)));
  }

  /** Deterministic pseudo-random in [0, 1). */
  random(): number {
    this.seed = (this.seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return this.seed / 2 ** 31;
  }

  /** Applies `n` random changes; returns them as [side, ticks, lots] (lots 0 = delete). */
  change(n: number): Array<['bid' | 'ask', number, number]> {
    const out: Array<['bid' | 'ask', number, number]> = [];
    for (let i = 0; i < n; i++) {
      const side = this.random() < 0.5 ? 'bid' : 'ask';
      const offset = 1 + Math.floor(this.random() * 40);
      const ticks = side === 'bid' ? this.mid - offset : this.mid + offset;
      const lots = this.random() < 0.25 ? 0 : 1 + Math.floor(this.random() * 20);
      const levels = side === 'bid' ? this.bids : this.asks;
      if (lots === 0) levels.delete(ticks);
      else levels.set(ticks, lots);
      out.push([side, ticks, lots]);
    }
    this.record();
    return out;
  }

  top(n: number): { bids: Array<[number, number]>; asks: Array<[number, number]> } {
    return {
      bids: [...this.bids].sort((a, b) => b[0] - a[0]).slice(0, n),
      asks: [...this.asks].sort((a, b) => a[0] - b[0]).slice(0, n),
    };
  }
}

/** The comparable form of a top-of-book: [ticks, lots] per level, best first. */
export function versionKey(top: {
  bids: ReadonlyArray<readonly [number, number]>;
  asks: ReadonlyArray<readonly [number, number]>;
}): string {
  return JSON.stringify([top.bids, top.asks]);
}

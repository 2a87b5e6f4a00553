/**
 * One side of an L2 book: levels kept sorted from worst to best, so the best level is the last
 * element. Venue updates cluster near the top of the book, so inserts and removals there move few
 * elements. Invariants: bids are strictly ascending in ticks and asks strictly descending (best
 * last in both); no stored level has zero lots.
 */
import type { BookLevel, BookSide } from './types';

export class SideLevels {
  private readonly levels: BookLevel[] = [];

  constructor(readonly side: BookSide) {}

  get size(): number {
    return this.levels.length;
  }

  clear(): void {
    this.levels.length = 0;
  }

  /** The best level, or undefined when the side is empty. */
  best(): BookLevel | undefined {
    return this.levels[this.levels.length - 1];
  }

  /** Sets a level (insert or replace), or removes it when `level.lots` is 0. */
  set(level: BookLevel): void {
    const index = this.search(level.ticks);
    const found = index >= 0;
    if (level.lots === 0) {
      if (found) this.levels.splice(index, 1);
      return;
    }
    if (found) this.levels[index] = level;
    else this.levels.splice(-index - 1, 0, level);
  }

  get(ticks: number): BookLevel | undefined {
    const index = this.search(ticks);
    return index >= 0 ? this.levels[index] : undefined;
  }

  /** Up to `n` levels, best first. */
  top(n: number): BookLevel[] {
    const out: BookLevel[] = [];
    for (let i = this.levels.length - 1; i >= 0 && out.length < n; i--) out.push(this.levels[i]!);
    return out;
  }

  /** Iterates levels best first without copying (do not mutate the side while iterating). */
  *bestFirst(): IterableIterator<BookLevel> {
    for (let i = this.levels.length - 1; i >= 0; i--) yield this.levels[i]!;
  }

  /** Every level, best first. */
  all(): BookLevel[] {
    return this.top(this.levels.length);
  }

  /** Drops levels beyond the best `n` (for venues that only maintain a fixed depth). */
  truncate(n: number): void {
    const excess = this.levels.length - n;
    if (excess > 0) this.levels.splice(0, excess);
  }

  /**
   * Binary search in worst-to-best order. Returns the index when found, otherwise
   * -(insertion point) - 1.
   */
  private search(ticks: number): number {
    // Bids ascend towards the best end, asks descend towards it.
    const ascending = this.side === 'bid';
    let lo = 0;
    let hi = this.levels.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = this.levels[mid]!.ticks;
      if (value === ticks) return mid;
      const goRight = ascending ? value < ticks : value > ticks;
      if (goRight) lo = mid + 1;
      else hi = mid - 1;
    }
    return -lo - 1;
  }
}

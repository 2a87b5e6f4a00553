/**
 * One side of an L2 book, built for the venue update path (bench:book). Two structures: a hash map
 * from ticks to the level (TickMap; the level keeps the price and size strings as received) and a
 * Float64Array of sort keys kept sorted from worst to best (ticks for bids, -ticks for asks:
 * ascending on both sides, best last). Most venue updates change the size of a level that exists:
 * one hash write and no search. Only inserts and removals touch the keys; venue updates cluster
 * near the top of the book, so their lookup gallops from the best end (cost grows with the log of
 * the distance from the top, not of the book size) and the shift moves only the keys above them,
 * as a memmove of numbers with no object pointers.
 *
 * Invariants: `keys[0, size)` is strictly ascending and holds exactly `sign * ticks` of the hash
 * map's levels; no stored level has zero lots. Levels are immutable values: a level a reader holds
 * never changes under it (an update stores a new one).
 */
import { TickMap } from './tick-map';
import type { BookLevel, BookSide } from './types';

const INITIAL_CAPACITY = 64;

export class SideLevels {
  private readonly byTicks = new TickMap<BookLevel>();
  private keys = new Float64Array(INITIAL_CAPACITY);
  private count = 0;
  private readonly sign: 1 | -1;

  constructor(readonly side: BookSide) {
    this.sign = side === 'bid' ? 1 : -1;
  }
  /** Number of levels on the side. */
  get size(): number {
    return this.count;
  }
  clear(): void {
    this.byTicks.clear();
    this.count = 0;
  }
  /** The best level, or undefined when the side is empty. */
  best(): BookLevel | undefined {
    return this.count === 0 ? undefined : this.at(this.count - 1);
  }
  /** Ticks of the best level, or NaN when the side is empty (no allocation). */
  bestTicks(): number {
    return this.count === 0 ? NaN : this.sign * this.keys[this.count - 1]!;
  }
  /** Sets a level as given (insert or replace), or removes it when `level.lots` is 0. */
  set(level: BookLevel): void {
    if (level.lots === 0) this.remove(level.ticks);
    else this.putLevel(level);
  }
  /** Inserts or replaces the level at `ticks` (`lots` > 0). */
  put(ticks: number, lots: number, price: string, size: string, count: number | undefined): void {
    this.putLevel({ ticks, lots, price, size, count });
  }
  private putLevel(level: BookLevel): void {
    if (this.byTicks.set(level.ticks, level)) this.insertKey(this.sign * level.ticks);
  }
  /** Removes the level at `ticks`; removing an unknown level is a no-op (normal on every venue). */
  remove(ticks: number): void {
    if (!this.byTicks.delete(ticks)) return;
    const index = this.search(this.sign * ticks);
    this.keys.copyWithin(index, index + 1, this.count);
    this.count -= 1;
  }
  get(ticks: number): BookLevel | undefined {
    return this.byTicks.get(ticks);
  }
  /**
   * Replaces the whole side with `levels` in any order. Where a price repeats, the last one wins;
   * zero-size levels are left out.
   */
  load(levels: readonly BookLevel[]): void {
    const map = this.byTicks;
    map.clear();
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i]!;
      if (level.lots > 0) map.set(level.ticks, level);
      else map.delete(level.ticks);
    }
    this.ensureCapacity(map.size);
    const keys = this.keys.subarray(0, map.size);
    let i = 0;
    for (const ticks of map.keysInTable()) keys[i++] = this.sign * ticks;
    keys.sort();
    this.count = map.size;
  }
  /** Up to `n` levels, best first. */
  top(n: number): BookLevel[] {
    const count = Math.min(n, this.count);
    const out = new Array<BookLevel>(count);
    for (let i = 0; i < count; i++) out[i] = this.at(this.count - 1 - i);
    return out;
  }
  /** Iterates levels best first without copying (do not mutate the side while iterating). */
  *bestFirst(): IterableIterator<BookLevel> {
    for (let i = this.count - 1; i >= 0; i--) yield this.at(i);
  }
  /** Every level, best first. */
  all(): BookLevel[] {
    return this.top(this.count);
  }
  /** Drops levels beyond the best `n` (for venues that only maintain a fixed depth). */
  truncate(n: number): void {
    const excess = this.count - n;
    if (excess <= 0) return;
    for (let i = 0; i < excess; i++) this.byTicks.delete(this.sign * this.keys[i]!);
    this.keys.copyWithin(0, excess, this.count);
    this.count = n;
  }
  private at(index: number): BookLevel {
    return this.byTicks.get(this.sign * this.keys[index]!)!;
  }
  /**
   * Finds `key` (sign * ticks). Returns its index, otherwise -(insertion point) - 1. Gallops
   * down from the best end, then binary-searches the bracket it found.
   */
  private search(key: number): number {
    const keys = this.keys;
    const n = this.count;
    // keys[hi..n) are known to be > key.
    let hi = n;
    let j = n - 1;
    let step = 1;
    while (j >= 0 && keys[j]! > key) {
      hi = j;
      j -= step;
      step += step;
    }
    if (j >= 0 && keys[j] === key) return j;
    // keys[..j] are < key: the answer lies in [j + 1, hi].
    let lo = j < 0 ? 0 : j + 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (keys[mid]! < key) lo = mid + 1;
      else hi = mid;
    }
    return lo < n && keys[lo] === key ? lo : -lo - 1;
  }
  private insertKey(key: number): void {
    const n = this.count;
    this.ensureCapacity(n + 1);
    const index = -this.search(key) - 1;
    const keys = this.keys;
    if (index < n) keys.copyWithin(index + 1, index, n);
    keys[index] = key;
    this.count = n + 1;
  }
  private ensureCapacity(needed: number): void {
    if (needed <= this.keys.length) return;
    let capacity = this.keys.length;
    while (capacity < needed) capacity *= 2;
    const keys = new Float64Array(capacity);
    keys.set(this.keys.subarray(0, this.count));
    this.keys = keys;
  }
}

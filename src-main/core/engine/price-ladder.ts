/**
 * One side of a book: the non-empty price levels, ordered, with O(1) lookup by price and O(1) best.
 *
 * Layout: a tick-indexed array in pages of 1024 ticks. Each page holds its 1024 level slots, a 1024-bit
 * occupancy bitmap (32 words) and a 32-bit summary of which words are non-zero, so the next occupied
 * price within a page is found with two count-leading/trailing-zero steps. Pages exist only while they
 * hold a level and are kept in a small array sorted by page key, so a sparse book (orders far from the
 * market) costs pages, not a huge array. Lookup caches the last page touched, which is nearly always
 * the right one near the top of the book.
 *
 * Invariants: a page is present iff it holds at least one level; bit i of a page is set iff slot i
 * holds a level; `best` is the highest bid / lowest ask, or null when the side is empty.
 */
import type { Level } from './model';

const PAGE_SIZE = 1024;

class Page {
  base: number;
  readonly slots: Array<Level | null> = new Array<Level | null>(PAGE_SIZE).fill(null);
  readonly words = new Int32Array(32);
  summary = 0;
  count = 0;
  constructor(public key: number) {
    this.base = key * PAGE_SIZE;
  }

  /** Reuses an empty page (all slots null, all bits clear) for another key. */
  rekey(key: number): this {
    this.key = key;
    this.base = key * PAGE_SIZE;
    return this;
  }
}

function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}
function highestBit(x: number): number {
  return 31 - Math.clz32(x);
}

/** First occupied slot >= from in the page, or -1. */
function scanUp(page: Page, from: number): number {
  if (from >= PAGE_SIZE) return -1;
  const w = from >>> 5;
  const bits = page.words[w]! & (-1 << (from & 31));
  if (bits !== 0) return (w << 5) + lowestBit(bits);
  const rest = w === 31 ? 0 : page.summary & (-1 << (w + 1));
  if (rest === 0) return -1;
  const next = lowestBit(rest);
  return (next << 5) + lowestBit(page.words[next]!);
}

/** Last occupied slot <= from in the page, or -1. */
function scanDown(page: Page, from: number): number {
  if (from < 0) return -1;
  const w = from >>> 5;
  const b = from & 31;
  const bits = page.words[w]! & (b === 31 ? -1 : (1 << (b + 1)) - 1);
  if (bits !== 0) return (w << 5) + highestBit(bits);
  const rest = w === 0 ? 0 : page.summary & ((1 << w) - 1);
  if (rest === 0) return -1;
  const next = highestBit(rest);
  return (next << 5) + highestBit(page.words[next]!);
}

export class PriceLadder {
  /** Best level: highest price when descending (bids), lowest otherwise (asks). */
  best: Level | null = null;
  /** Number of levels. */
  size = 0;
  private readonly pages: Page[] = [];
  private cached: Page | null = null;
  /**
   * The last page to empty, kept for the next page needed: quotes that straddle a page boundary
   * would otherwise allocate a 1024-slot page each time the boundary is crossed back and forth.
   */
  private spare: Page | null = null;

  constructor(readonly descending: boolean) {}

  get(price: number): Level | null {
    const page = this.page(Math.floor(price / PAGE_SIZE));
    return page === null ? null : page.slots[price - page.base]!;
  }

  /** `a` is strictly better than `b` on this side. */
  better(a: number, b: number): boolean {
    return this.descending ? a > b : a < b;
  }

  insert(level: Level): void {
    const price = level.price;
    const key = Math.floor(price / PAGE_SIZE);
    let page = this.page(key);
    if (page === null) {
      page = this.spare?.rekey(key) ?? new Page(key);
      this.spare = null;
      this.pages.splice(this.lowerBound(key), 0, page);
      this.cached = page;
    }
    const slot = price - page.base;
    page.slots[slot] = level;
    const w = slot >>> 5;
    page.words[w]! |= 1 << (slot & 31);
    page.summary |= 1 << w;
    page.count += 1;
    this.size += 1;
    if (this.best === null || this.better(price, this.best.price)) this.best = level;
  }

  remove(level: Level): void {
    const price = level.price;
    const key = Math.floor(price / PAGE_SIZE);
    const page = this.page(key)!;
    const slot = price - page.base;
    page.slots[slot] = null;
    const w = slot >>> 5;
    const word = page.words[w]! & ~(1 << (slot & 31));
    page.words[w] = word;
    if (word === 0) page.summary &= ~(1 << w);
    page.count -= 1;
    this.size -= 1;
    if (page.count === 0) {
      this.pages.splice(this.lowerBound(key), 1);
      if (this.cached === page) this.cached = null;
      this.spare = page;
    }
    if (this.best === level) this.best = this.after(price);
  }

  /** The next level after `price` in priority order (a worse price), or null. `price` need not exist. */
  after(price: number): Level | null {
    const key = Math.floor(price / PAGE_SIZE);
    const pages = this.pages;
    const index = this.lowerBound(key);
    const here = pages[index];
    if (this.descending) {
      if (here !== undefined && here.key === key) {
        const slot = scanDown(here, price - here.base - 1);
        if (slot >= 0) return here.slots[slot]!;
      }
      const lower = pages[index - 1];
      return lower === undefined ? null : lower.slots[scanDown(lower, PAGE_SIZE - 1)]!;
    }
    let next = here;
    if (here !== undefined && here.key === key) {
      const slot = scanUp(here, price - here.base + 1);
      if (slot >= 0) return here.slots[slot]!;
      next = pages[index + 1];
    }
    return next === undefined ? null : next.slots[scanUp(next, 0)]!;
  }

  private page(key: number): Page | null {
    const cached = this.cached;
    if (cached !== null && cached.key === key) return cached;
    const page = this.pages[this.lowerBound(key)];
    if (page === undefined || page.key !== key) return null;
    this.cached = page;
    return page;
  }

  /** Index of the first page whose key is >= key. */
  private lowerBound(key: number): number {
    const pages = this.pages;
    let lo = 0;
    let hi = pages.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pages[mid]!.key < key) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

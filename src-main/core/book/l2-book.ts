/**
 * A pure L2 book for one instrument: apply a snapshot or a delta and get a typed result.
 * Invariants: levels are on the instrument's grid (integer ticks and lots); a delta is validated
 * in full before any level changes, so a bad level leaves the levels untouched; after any integrity
 * error (bad level, crossed, checksum) the book is poisoned and refuses every delta until a
 * snapshot replaces it, so nothing from after a fault is ever applied to the old state.
 */
import type { Grid } from '../num';
import { SideLevels } from './side';
import {
  BOOK_OK,
  type BookError,
  type BookLevel,
  type BookResult,
  type BookSide,
  type RawLevel,
} from './types';

const ZERO = /^0(?:\.0*)?$/;

export interface TopOfBook {
  readonly bids: BookLevel[];
  readonly asks: BookLevel[];
}

export class L2Book {
  readonly bids = new SideLevels('bid');
  readonly asks = new SideLevels('ask');
  private poisoned = true;

  constructor(readonly grid: Grid) {}

  /** True once a snapshot was applied and no integrity error happened since. */
  get valid(): boolean {
    return !this.poisoned;
  }

  /** Marks the book invalid (a gap or silence found by the caller); only a snapshot revives it. */
  poison(): void {
    this.poisoned = true;
  }

  /** Replaces the whole book. Zero-size levels in a snapshot are ignored. */
  applySnapshot(bids: readonly RawLevel[], asks: readonly RawLevel[]): BookResult {
    const parsedBids = this.parseAll('bid', bids);
    if (!Array.isArray(parsedBids)) return this.fail(parsedBids);
    const parsedAsks = this.parseAll('ask', asks);
    if (!Array.isArray(parsedAsks)) return this.fail(parsedAsks);
    this.bids.clear();
    this.asks.clear();
    for (const level of parsedBids) this.bids.set(level);
    for (const level of parsedAsks) this.asks.set(level);
    this.poisoned = false;
    return this.checkCrossed();
  }

  /** Sets each level's absolute size (0 deletes; deleting an unknown level is normal). */
  applyDelta(bids: readonly RawLevel[], asks: readonly RawLevel[]): BookResult {
    if (this.poisoned) return { ok: false, error: { kind: 'poisoned' } };
    const parsedBids = this.parseAll('bid', bids);
    if (!Array.isArray(parsedBids)) return this.fail(parsedBids);
    const parsedAsks = this.parseAll('ask', asks);
    if (!Array.isArray(parsedAsks)) return this.fail(parsedAsks);
    for (const level of parsedBids) this.bids.set(level);
    for (const level of parsedAsks) this.asks.set(level);
    return this.checkCrossed();
  }

  /** Keeps only the best `n` levels per side (venues whose stream covers a fixed depth). */
  truncate(n: number): void {
    this.bids.truncate(n);
    this.asks.truncate(n);
  }

  top(n: number): TopOfBook {
    return { bids: this.bids.top(n), asks: this.asks.top(n) };
  }

  bestBid(): BookLevel | undefined {
    return this.bids.best();
  }

  bestAsk(): BookLevel | undefined {
    return this.asks.best();
  }

  /** A crossed book (best bid >= best ask) cannot be the venue's book. */
  checkCrossed(): BookResult {
    const bid = this.bids.best();
    const ask = this.asks.best();
    if (bid && ask && bid.ticks >= ask.ticks) {
      return this.fail({ kind: 'crossed', bestBid: bid.price, bestAsk: ask.price });
    }
    return BOOK_OK;
  }

  /**
   * Checks the structural invariants (sorted sides, positive sizes, uncrossed when valid); returns
   * the first violation or null. For tests and debugging: every mutation keeps these by design.
   */
  invariantViolation(): string | null {
    for (const side of [this.bids, this.asks]) {
      let prev: number | null = null;
      for (const level of side.bestFirst()) {
        if (level.lots <= 0) return `${side.side} level ${level.price} has no size`;
        if (prev !== null && (side.side === 'bid' ? level.ticks >= prev : level.ticks <= prev)) {
          return `${side.side} levels out of order at ${level.price}`;
        }
        prev = level.ticks;
      }
    }
    const bid = this.bids.best();
    const ask = this.asks.best();
    if (this.valid && bid && ask && bid.ticks >= ask.ticks) return 'valid book is crossed';
    return null;
  }

  /** Records an error found outside the book (e.g. a checksum) and poisons it. */
  fail(error: BookError): BookResult {
    this.poisoned = true;
    return { ok: false, error };
  }

  private parseAll(side: BookSide, raw: readonly RawLevel[]): BookLevel[] | BookError {
    const out: BookLevel[] = new Array<BookLevel>(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const level = this.parse(side, raw[i]!);
      if ('kind' in level) return level;
      out[i] = level;
    }
    return out;
  }

  private parse(side: BookSide, raw: RawLevel): BookLevel | BookError {
    const ticks = this.grid.priceToTicks(raw.price);
    if (!ticks.ok) return { kind: 'bad-level', side, price: raw.price, size: raw.size, reason: ticks.error };
    let lots = 0;
    if (!ZERO.test(raw.size)) {
      const parsed = this.grid.sizeToLots(raw.size);
      if (!parsed.ok) {
        return { kind: 'bad-level', side, price: raw.price, size: raw.size, reason: parsed.error };
      }
      lots = parsed.value;
    }
    return { ticks: ticks.value, lots, price: raw.price, size: raw.size, count: raw.count };
  }
}

/**
 * A pure L2 book for one instrument: apply a snapshot or a delta and get a typed result.
 * Invariants: levels are on the instrument's grid (integer ticks and lots); a delta is validated
 * in full before any level changes, so a bad level leaves the levels untouched; after any integrity
 * error (bad level, crossed, checksum) the book is poisoned and refuses every delta until a
 * snapshot replaces it, so nothing from after a fault is ever applied to the old state.
 *
 * The delta path is the hot path of every venue (bench:book): wire strings are converted with the
 * grid's allocation-free `quickSteps` (the general parser decides anything unusual), converted
 * values wait in reusable scratch arrays between validation and application, and success returns
 * a shared frozen result.
 */
import type { Grid, GridError } from '../num';
import { SideLevels } from './side';
import {
  BOOK_OK,
  type BookError,
  type BookLevel,
  type BookResult,
  type BookSide,
  type RawLevel,
} from './types';

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const ZERO = /^0(?:\.0*)?$/;
const POISONED: BookResult = Object.freeze({ ok: false, error: Object.freeze({ kind: 'poisoned' }) });

export interface TopOfBook {
  readonly bids: BookLevel[];
  readonly asks: BookLevel[];
}

export class L2Book {
  readonly bids = new SideLevels('bid');
  readonly asks = new SideLevels('ask');
  private poisoned = true;
  /** Converted ticks and lots of the delta being applied (bids first, then asks). */
  private scratchTicks = new Float64Array(64);
  private scratchLots = new Float64Array(64);
  /** Set by `convert` when a level is refused. */
  private convertError: BookError | null = null;

  constructor(readonly grid: Grid) {}

  /** True once a snapshot was applied and no integrity error happened since. */
  get valid(): boolean {
    return !this.poisoned;
  }

  /** Marks the book invalid (a gap or silence found by the caller); only a snapshot revives it. */
  poison(): void {
    this.poisoned = true;
  }

  /** Replaces the whole book. Zero-size levels in a snapshot are ignored; a repeated price's last entry wins. */
  applySnapshot(bids: readonly RawLevel[], asks: readonly RawLevel[]): BookResult {
    const parsedBids = this.parseAll('bid', bids);
    if (!Array.isArray(parsedBids)) return this.fail(parsedBids);
    const parsedAsks = this.parseAll('ask', asks);
    if (!Array.isArray(parsedAsks)) return this.fail(parsedAsks);
    this.bids.load(parsedBids);
    this.asks.load(parsedAsks);
    this.poisoned = false;
    return this.checkCrossed();
  }

  /** Sets each level's absolute size (0 deletes; deleting an unknown level is normal). */
  applyDelta(bids: readonly RawLevel[], asks: readonly RawLevel[]): BookResult {
    if (this.poisoned) return POISONED;
    const nb = bids.length;
    const total = nb + asks.length;
    if (total > this.scratchTicks.length) this.growScratch(total);
    const ticks = this.scratchTicks;
    const lots = this.scratchLots;
    // Validate everything first: a refused level must leave every level untouched.
    for (let i = 0; i < nb; i++) if (!this.convert('bid', bids[i]!, i)) return this.fail(this.convertError!);
    for (let i = nb; i < total; i++) {
      if (!this.convert('ask', asks[i - nb]!, i)) return this.fail(this.convertError!);
    }
    for (let i = 0; i < nb; i++) {
      const raw = bids[i]!;
      if (lots[i] === 0) this.bids.remove(ticks[i]!);
      else this.bids.put(ticks[i]!, lots[i]!, raw.price, raw.size, raw.count);
    }
    for (let i = nb; i < total; i++) {
      const raw = asks[i - nb]!;
      if (lots[i] === 0) this.asks.remove(ticks[i]!);
      else this.asks.put(ticks[i]!, lots[i]!, raw.price, raw.size, raw.count);
    }
    return this.checkCrossed();
  }

  /**
   * Like `applyDelta` for levels already on the grid (integer ticks, lots 0 = delete), e.g. from a
   * parser that converts as it reads or a recorded stream; they are checked, not converted.
   */
  applyDeltaLevels(bids: readonly BookLevel[], asks: readonly BookLevel[]): BookResult {
    if (this.poisoned) return POISONED;
    for (let i = 0; i < bids.length; i++) {
      const error = checkLevel('bid', bids[i]!);
      if (error) return this.fail(error);
    }
    for (let i = 0; i < asks.length; i++) {
      const error = checkLevel('ask', asks[i]!);
      if (error) return this.fail(error);
    }
    for (let i = 0; i < bids.length; i++) this.bids.set(bids[i]!);
    for (let i = 0; i < asks.length; i++) this.asks.set(asks[i]!);
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
    const bid = this.bids.bestTicks();
    const ask = this.asks.bestTicks();
    // NaN (an empty side) compares false.
    if (bid >= ask) {
      return this.fail({
        kind: 'crossed',
        bestBid: this.bids.best()!.price,
        bestAsk: this.asks.best()!.price,
      });
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
    if (raw.length > this.scratchTicks.length) this.growScratch(raw.length);
    for (let i = 0; i < raw.length; i++) {
      const level = raw[i]!;
      if (!this.convert(side, level, i)) return this.convertError!;
      const { price, size, count } = level;
      out[i] = { ticks: this.scratchTicks[i]!, lots: this.scratchLots[i]!, price, size, count };
    }
    return out;
  }

  /** Converts one level into the scratch arrays at `i`; false (with `convertError`) when refused. */
  private convert(side: BookSide, raw: RawLevel, i: number): boolean {
    let ticks = this.grid.price.quickSteps(raw.price);
    if (ticks <= 0) {
      const parsed = this.grid.priceToTicks(raw.price);
      if (!parsed.ok) return this.refuse(side, raw, parsed.error);
      ticks = parsed.value;
    }
    let lots = this.grid.size.quickSteps(raw.size);
    if (lots < 0) {
      if (ZERO.test(raw.size)) lots = 0;
      else {
        const parsed = this.grid.sizeToLots(raw.size);
        if (!parsed.ok) return this.refuse(side, raw, parsed.error);
        lots = parsed.value;
      }
    }
    this.scratchTicks[i] = ticks;
    this.scratchLots[i] = lots;
    return true;
  }

  private refuse(side: BookSide, raw: RawLevel, reason: GridError): false {
    this.convertError = { kind: 'bad-level', side, price: raw.price, size: raw.size, reason };
    return false;
  }

  private growScratch(needed: number): void {
    let capacity = this.scratchTicks.length;
    while (capacity < needed) capacity *= 2;
    this.scratchTicks = new Float64Array(capacity);
    this.scratchLots = new Float64Array(capacity);
  }
}

/** A pre-converted level must be on the grid: positive integer ticks, non-negative integer lots. */
function checkLevel(side: BookSide, level: BookLevel): BookError | null {
  const { ticks, lots } = level;
  // Math.floor(x) === x is false for NaN and the infinities; the bound keeps it exact.
  if (ticks > 0 && lots >= 0 && ticks <= MAX_SAFE && lots <= MAX_SAFE) {
    if (Math.floor(ticks) === ticks && Math.floor(lots) === lots) return null;
  }
  const reason: GridError = !(ticks > 0) || !(lots >= 0) ? 'NOT_POSITIVE' : 'OFF_GRID';
  return { kind: 'bad-level', side, price: level.price, size: level.size, reason };
}

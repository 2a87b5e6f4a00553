/**
 * The paper matching model for ONE live instrument. It is fed, in event order, with the venue's
 * book (after every change: its status and, when live, its levels) and the venue's trade prints,
 * and answers paper orders:
 *
 * - Takers (market, IOC, FOK, the marketable part of a limit) walk the visible contra side best
 *   first, up to their limit: partial fills and slippage come from the venue's real depth. What a
 *   taker took is remembered (consumed.ts) so the same visible size never fills twice before the
 *   venue refreshes that level.
 * - Resting limits get a queue position and fill only from prints (queue.ts).
 * - Nothing fills unless the book is LIVE: a stale, resyncing or invalid book (or none) fills
 *   nothing, prints included, and every open order says why (`noFillReason`). The model never
 *   falls back to another source of prices.
 * - Coming back live after any non-live period is a resync: the consumed memory is dropped and
 *   queue estimates are reset (confidence low).
 *
 * `update` is cheap for the common case: it reads only the levels where paper orders rest or
 * memory is held. The book object passed in is read during the call (and, for takers, at the next
 * `plan`): callers pass the venue's live book, which must not change between an update and the
 * calls that follow it without a new update.
 */
import { ConsumedLiquidity } from './consumed';
import { contraSide } from './levels';
import { QueueBook, type MakerFill, type QueuedOrder } from './queue';
import {
  notLiveReason,
  type BookView,
  type Execution,
  type FeedStatus,
  type NoFillReason,
  type PaperModelConfig,
  type PaperSide,
  type Print,
  type QueueConfidence,
} from './types';

export interface TakerPlan {
  /** Best first; empty when nothing can trade. */
  readonly executions: readonly Execution[];
  readonly lots: number;
  /** Why fewer lots than asked can trade (null when the plan covers them all). */
  readonly shortfall: NoFillReason | null;
}

export interface QueueView {
  readonly ahead: number;
  readonly confidence: QueueConfidence;
}

export class PaperMarket {
  private status: FeedStatus = 'unavailable';
  private book: BookView | null = null;
  private seq = 0;
  private readonly consumed: ConsumedLiquidity;
  private readonly queue: QueueBook;

  constructor(config: PaperModelConfig) {
    this.consumed = new ConsumedLiquidity(config);
    this.queue = new QueueBook(config);
  }

  get feedStatus(): FeedStatus {
    return this.status;
  }

  get live(): boolean {
    return this.status === 'live';
  }

  /** Number of book updates seen (the clock of the consumed-memory expiry). */
  get updates(): number {
    return this.seq;
  }

  get rememberedLevels(): number {
    return this.consumed.levels;
  }

  /** The venue's book changed: `book` is its levels when `status` is live (ignored otherwise). */
  update(at: number, status: FeedStatus, book: BookView | null): void {
    this.seq += 1;
    const wasLive = this.status === 'live';
    const live = status === 'live' && book !== null;
    this.status = live ? 'live' : status === 'live' ? 'unavailable' : status;
    if (!live) {
      this.book = null;
      if (wasLive) this.queue.gap();
      return;
    }
    this.book = book;
    if (!wasLive) {
      this.consumed.clear();
      this.queue.resync(book);
      return;
    }
    this.consumed.observe(book, at, this.seq);
    this.queue.update(book);
  }

  /** A trade print: the maker fills it causes for resting paper orders (none unless live). */
  print(print: Print): MakerFill[] {
    if (!this.live || print.lots <= 0) return [];
    return this.queue.print(print);
  }

  /**
   * What a taker on `side` for `lots` could trade now, up to `limitTicks` (null = market). Pure:
   * nothing is consumed until `commit`.
   */
  plan(side: PaperSide, limitTicks: number | null, lots: number): TakerPlan {
    const reason = notLiveReason(this.status);
    if (reason || !this.book) return { executions: [], lots: 0, shortfall: reason ?? 'book_unavailable' };
    const liquidity = side === 'buy' ? 'asks' : 'bids';
    const executions: Execution[] = [];
    let left = lots;
    let sawConsumed = false;
    for (const level of contraSide(this.book, side).bestFirst()) {
      if (left === 0) break;
      if (limitTicks !== null && (side === 'buy' ? level.ticks > limitTicks : level.ticks < limitTicks))
        break;
      const available = this.consumed.available(liquidity, level.ticks, level.lots);
      if (available === 0) {
        sawConsumed = true;
        continue;
      }
      const take = Math.min(available, left);
      executions.push({ ticks: level.ticks, lots: take });
      left -= take;
    }
    const shortfall = left === 0 ? null : sawConsumed ? 'liquidity_consumed' : 'no_liquidity';
    return { executions, lots: lots - left, shortfall };
  }

  /** True when a limit at `ticks` would cross the venue's visible contra side (post-only check). */
  crosses(side: PaperSide, ticks: number): boolean {
    const best = this.book ? contraSide(this.book, side).best() : undefined;
    return best !== undefined && (side === 'buy' ? best.ticks <= ticks : best.ticks >= ticks);
  }

  /** Records what a taker on `side` actually traded (a prefix of a plan, possibly cut by funds). */
  commit(side: PaperSide, executions: readonly Execution[], at: number): void {
    if (!this.book) throw new Error('commit without a live book');
    const liquidity = side === 'buy' ? 'asks' : 'bids';
    const view = contraSide(this.book, side);
    const wanted = new Map(executions.map((e) => [e.ticks, e.lots]));
    for (const level of view.bestFirst()) {
      const lots = wanted.get(level.ticks);
      if (lots === undefined) continue;
      this.consumed.consume(liquidity, level.ticks, lots, level.lots, at, this.seq);
      wanted.delete(level.ticks);
      if (wanted.size === 0) break;
    }
    if (wanted.size > 0) throw new Error('commit of a level that is not in the book');
  }

  /** Lots remembered as consumed at a contra level (for tests and diagnostics). */
  consumedAt(liquidity: 'bids' | 'asks', ticks: number): number {
    return this.consumed.consumed(liquidity, ticks);
  }

  /** A paper limit rests at `ticks` (joins the back of the venue's queue). */
  rest(id: number, side: PaperSide, ticks: number, lots: number): QueuedOrder {
    return this.queue.join(id, side, ticks, lots, this.live ? this.book : null);
  }

  remove(id: number): boolean {
    return this.queue.remove(id);
  }

  reduce(id: number, remaining: number): void {
    this.queue.reduce(id, remaining);
  }

  resting(id: number): QueuedOrder | undefined {
    return this.queue.get(id);
  }

  restingOrders(): IterableIterator<QueuedOrder> {
    return this.queue.all();
  }

  queueOf(id: number): QueueView | null {
    const order = this.queue.get(id);
    if (!order) return null;
    return { ahead: order.ahead, confidence: this.queue.confidence(order, this.live) };
  }

  /** Why a resting order is not filling right now; null when it is not resting here. */
  noFillReason(id: number): NoFillReason | null {
    const order = this.queue.get(id);
    if (!order) return null;
    const reason = notLiveReason(this.status);
    if (reason) return reason;
    return order.ahead > 0 ? 'queue_ahead' : 'awaiting_prints';
  }
}

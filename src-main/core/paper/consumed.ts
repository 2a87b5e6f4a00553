/**
 * Consumed-liquidity memory: what paper takers took from the venue's visible book, so the same
 * visible size does not fill twice. The venue never sees paper orders, so after a paper buy takes
 * 3 of the 5 lots shown at an ask, the venue's book still shows 5; in the paper world only 2 are
 * left. The model keeps that difference per level and offers `max(0, visible - consumed)`.
 *
 * The memory of a level ends when the venue's book REFRESHES it, defined precisely as:
 * - the level DISAPPEARS (size 0 in a later update): every order that was there is gone;
 * - the book RESYNCS (it was not live and a new snapshot made it live): the new snapshot's levels
 *   are fresh and cannot be related to what was taken;
 * - the memory EXPIRES: `consumedTtlMs` after the last consumption at the level, or
 *   `consumedTtlUpdates` book updates later (either limit may be 0 = off). This stands for the
 *   venue's participants replenishing what was taken, which the model cannot observe.
 * Other size changes do not refresh the level. An INCREASE is new orders joining behind: it is
 * offered (available grows by it) but the taken lots stay taken. A DECREASE (prints, cancels)
 * removes orders in both worlds; once the visible size falls below the consumed amount, the
 * difference between the two worlds is at most the visible size, so consumed = min(consumed,
 * visible) — the pessimistic bound when the departed orders cannot be told apart.
 *
 * Invariant: every entry has consumed lots > 0 and refers to a level that was visible when last seen.
 */
import { sizesAt } from './levels';
import type { BookView, PaperModelConfig, SideView } from './types';

export type LiquiditySide = 'bids' | 'asks';

interface Memory {
  consumed: number;
  lastVisible: number;
  at: number;
  seq: number;
}

export class ConsumedLiquidity {
  private readonly bids = new Map<number, Memory>();
  private readonly asks = new Map<number, Memory>();

  constructor(private readonly config: PaperModelConfig) {}

  /** Lots of a level still offered to paper orders. */
  available(side: LiquiditySide, ticks: number, visible: number): number {
    const memory = this.map(side).get(ticks);
    return memory ? Math.max(0, visible - memory.consumed) : visible;
  }

  /** Lots of a level remembered as consumed (0 when none). */
  consumed(side: LiquiditySide, ticks: number): number {
    return this.map(side).get(ticks)?.consumed ?? 0;
  }

  /** A paper taker took `lots` at a level that showed `visible` lots (update `seq`, time `at`). */
  consume(side: LiquiditySide, ticks: number, lots: number, visible: number, at: number, seq: number): void {
    if (lots <= 0) return;
    const map = this.map(side);
    const memory = map.get(ticks);
    if (memory) {
      memory.consumed += lots;
      memory.lastVisible = visible;
      memory.at = at;
      memory.seq = seq;
    } else map.set(ticks, { consumed: lots, lastVisible: visible, at, seq });
  }

  /** Applies the refresh rules to a live book update (number `seq`, time `at`). */
  observe(book: BookView, at: number, seq: number): void {
    this.observeSide(this.bids, book.bids, 'buy', at, seq);
    this.observeSide(this.asks, book.asks, 'sell', at, seq);
  }

  /** A resync: the new snapshot's levels are fresh. */
  clear(): void {
    this.bids.clear();
    this.asks.clear();
  }

  get levels(): number {
    return this.bids.size + this.asks.size;
  }

  private observeSide(
    map: Map<number, Memory>,
    view: SideView,
    order: 'buy' | 'sell',
    at: number,
    seq: number,
  ): void {
    if (map.size === 0) return;
    const { consumedTtlMs: ttlMs, consumedTtlUpdates: ttlUpdates } = this.config;
    const visible = sizesAt(view, order, map.keys());
    for (const [ticks, memory] of map) {
      const now = visible.get(ticks) ?? 0;
      if (now === 0) {
        map.delete(ticks);
        continue;
      }
      if (now < memory.consumed) memory.consumed = now;
      memory.lastVisible = now;
      const expired =
        (ttlMs > 0 && at - memory.at >= ttlMs) || (ttlUpdates > 0 && seq - memory.seq >= ttlUpdates);
      if (memory.consumed <= 0 || expired) map.delete(ticks);
    }
  }

  private map(side: LiquiditySide): Map<number, Memory> {
    return side === 'bids' ? this.bids : this.asks;
  }
}

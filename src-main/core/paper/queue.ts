/**
 * Queue positions of resting paper orders on one instrument. A paper limit joins the BACK of the
 * venue's queue at its price: the size ahead of it is the visible size there when it joins (0 at
 * a price with no level). From then on (rules applied in event order):
 *
 * - A PRINT at its price by a taker on the other side (a sell hitting bids, for a paper bid) takes
 *   the front of the queue: ahead -= print size. The order fills only once ahead is used up, and
 *   by at most the printed size beyond what was ahead (`print - ahead`).
 * - A print strictly THROUGH its price (below a paper bid, above a paper ask), whoever the taker,
 *   means the venue's whole level at its price was gone: ahead = 0 and the order fills up to the
 *   printed size.
 * - Paper orders share each print: the fills one print causes never add up to more than its size
 *   (better-priced paper orders first, then earlier ones).
 * - A book update that DECREASES the visible size at its price by d: the part explained by prints
 *   seen at that price since the level last changed is not counted again; the unexplained part u
 *   (cancels) reduces ahead by floor(u × share), share = ahead / visible-before ('proportional')
 *   or a fixed fraction. Increases join behind and change nothing.
 * - Orders ahead are a subset of the visible level: ahead = min(ahead, visible) after every update,
 *   so a level that disappears leaves ahead = 0.
 * - A RESYNC (the book comes back live after being stale, resyncing or invalid) resets the
 *   estimate to the upper bound min(ahead, visible now): orders ahead can have left during the
 *   gap but none can have joined ahead; confidence drops to low. An order that joined while the
 *   book was not live gets ahead = visible when the book is first live.
 *
 * Invariants: 0 <= ahead; remaining > 0 for every tracked order; every tracked order's level has a
 * LevelTrack; fills from one print <= its size.
 */
import { sizesAt } from './levels';
import {
  better,
  mulDivFloor,
  opposite,
  type BookView,
  type PaperModelConfig,
  type PaperSide,
  type Print,
  type QueueConfidence,
} from './types';

export interface QueuedOrder {
  readonly id: number;
  readonly side: PaperSide;
  readonly ticks: number;
  remaining: number;
  /** Visible lots estimated ahead of the order. */
  ahead: number;
  /** Priority among paper orders at equal prices. */
  readonly joinSeq: number;
  /** False until ahead was taken from a live book. */
  anchored: boolean;
  /** Joined on a live book and no stale/resync period since. */
  observedFromJoin: boolean;
  /** A print on this instrument was processed while the order rested. */
  printsSeen: boolean;
}

interface LevelTrack {
  lastVisible: number;
  /** Lots printed at this price (hitting this side) not yet seen as a decrease of the level. */
  printCredit: number;
  readonly members: Set<QueuedOrder>;
}

export interface MakerFill {
  readonly orderId: number;
  readonly ticks: number;
  readonly lots: number;
}

export class QueueBook {
  private readonly orders = new Map<number, QueuedOrder>();
  private readonly levels = { buy: new Map<number, LevelTrack>(), sell: new Map<number, LevelTrack>() };
  private joins = 0;

  constructor(private readonly config: PaperModelConfig) {}

  get size(): number {
    return this.orders.size;
  }

  get(id: number): QueuedOrder | undefined {
    return this.orders.get(id);
  }

  all(): IterableIterator<QueuedOrder> {
    return this.orders.values();
  }

  /** Adds an order at the back of the queue; `book` is null while the book is not live. */
  join(id: number, side: PaperSide, ticks: number, lots: number, book: BookView | null): QueuedOrder {
    if (this.orders.has(id)) throw new Error(`order ${id} is already queued`);
    const visible = book ? this.visibleAt(book, side, ticks) : 0;
    const order: QueuedOrder = {
      id,
      side,
      ticks,
      remaining: lots,
      ahead: visible,
      joinSeq: ++this.joins,
      anchored: book !== null,
      observedFromJoin: book !== null,
      printsSeen: false,
    };
    this.orders.set(id, order);
    const level = this.levels[side].get(ticks);
    if (level) level.members.add(order);
    else this.levels[side].set(ticks, { lastVisible: visible, printCredit: 0, members: new Set([order]) });
    return order;
  }

  remove(id: number): boolean {
    const order = this.orders.get(id);
    if (!order) return false;
    this.orders.delete(id);
    const levels = this.levels[order.side];
    const level = levels.get(order.ticks)!;
    level.members.delete(order);
    if (level.members.size === 0) levels.delete(order.ticks);
    return true;
  }

  /** A live book update, following a live one: decreases, cancels ahead, the visibility cap. */
  update(book: BookView): void {
    for (const side of ['buy', 'sell'] as const) {
      const levels = this.levels[side];
      if (levels.size === 0) continue;
      const visible = sizesAt(side === 'buy' ? book.bids : book.asks, side, levels.keys());
      for (const [ticks, level] of levels) {
        const now = visible.get(ticks) ?? 0;
        const before = level.lastVisible;
        if (now < before) {
          const explained = Math.min(before - now, level.printCredit);
          const unexplained = before - now - explained;
          if (unexplained > 0) this.cancelsAhead(level, unexplained, before);
        }
        if (now !== before) level.printCredit = 0;
        level.lastVisible = now;
        for (const order of level.members) if (order.ahead > now) order.ahead = now;
      }
    }
  }

  /** The book is live again after a gap (or for the first time): re-anchor every estimate. */
  resync(book: BookView): void {
    for (const side of ['buy', 'sell'] as const) {
      const levels = this.levels[side];
      if (levels.size === 0) continue;
      const visible = sizesAt(side === 'buy' ? book.bids : book.asks, side, levels.keys());
      for (const [ticks, level] of levels) {
        level.lastVisible = visible.get(ticks) ?? 0;
        level.printCredit = 0;
      }
    }
    for (const order of this.orders.values()) {
      const visible = this.levels[order.side].get(order.ticks)!.lastVisible;
      order.ahead = order.anchored ? Math.min(order.ahead, visible) : visible;
      order.anchored = true;
      order.observedFromJoin = false;
    }
  }

  /** The book stopped being live: every order loses continuous observation. */
  gap(): void {
    for (const order of this.orders.values()) order.observedFromJoin = false;
  }

  /** A print on a live book: queue consumption and the maker fills it causes (orders updated). */
  print(print: Print): MakerFill[] {
    const hitSide = opposite(print.aggressor);
    const credited = this.levels[hitSide].get(print.ticks);
    if (credited) credited.printCredit += print.lots;
    const eligible: QueuedOrder[] = [];
    for (const order of this.orders.values()) {
      order.printsSeen = true;
      const through = better(order.side, order.ticks, print.ticks);
      const atPrice = order.ticks === print.ticks && order.side === hitSide;
      if (through || atPrice) eligible.push(order);
    }
    if (eligible.length === 0) return [];
    eligible.sort((a, b) =>
      a.ticks !== b.ticks ? (better(a.side, a.ticks, b.ticks) ? -1 : 1) : a.joinSeq - b.joinSeq,
    );
    let budget = print.lots;
    const fills: MakerFill[] = [];
    for (const order of eligible) {
      let fillable: number;
      if (order.ticks !== print.ticks) {
        order.ahead = 0;
        fillable = Math.min(order.remaining, budget);
      } else {
        const beyond = Math.max(0, print.lots - order.ahead);
        order.ahead = Math.max(0, order.ahead - print.lots);
        fillable = Math.min(order.remaining, beyond, budget);
      }
      if (fillable <= 0) continue;
      budget -= fillable;
      order.remaining -= fillable;
      fills.push({ orderId: order.id, ticks: order.ticks, lots: fillable });
      if (order.remaining === 0) this.remove(order.id);
    }
    return fills;
  }

  /** Lowers an order's remaining quantity in place (keeps its queue position). */
  reduce(id: number, remaining: number): void {
    const order = this.orders.get(id);
    if (!order) throw new Error(`order ${id} is not queued`);
    if (remaining <= 0 || remaining > order.remaining) throw new Error('reduce must lower remaining');
    order.remaining = remaining;
  }

  confidence(order: QueuedOrder, live: boolean): QueueConfidence {
    if (!live || !order.anchored) return 'low';
    if (order.ahead === 0 && order.printsSeen) return 'high';
    if (!order.observedFromJoin) return 'low';
    return order.printsSeen ? 'high' : 'medium';
  }

  private cancelsAhead(level: LevelTrack, unexplained: number, visibleBefore: number): void {
    const share = this.config.cancelAheadShare;
    for (const order of level.members) {
      if (order.ahead === 0) continue;
      const cut =
        share === 'proportional'
          ? mulDivFloor(unexplained, order.ahead, visibleBefore)
          : Math.floor(unexplained * share);
      order.ahead = Math.max(0, order.ahead - cut);
    }
  }

  private visibleAt(book: BookView, side: PaperSide, ticks: number): number {
    return sizesAt(side === 'buy' ? book.bids : book.asks, side, [ticks]).get(ticks) ?? 0;
  }
}

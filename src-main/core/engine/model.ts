/**
 * The engine's mutable records: orders, price levels and accounts. Internal: never handed out (the
 * engine returns snapshots), because orders and levels are pooled and reused.
 *
 * A Level is a FIFO queue of orders at one price, kept as an intrusive doubly-linked list (order.prev /
 * order.next) so that appending and unlinking any order is O(1) at any queue depth. `total` is Σ
 * leaves and `count` the number of orders in the queue. An account links its resting orders the same
 * way (accPrev / accNext) in acceptance order, so cancel-all and open-order listings need no scan.
 */
import type { LedgerAccount } from '../portfolio';
import type { Instrument } from './instrument';
import type { OrderType, Side, StpMode, TimeInForce } from './types';

export class Order {
  id = 0;
  account: Account | null = null;
  instrument: Instrument | null = null;
  side: Side = 'buy';
  type: OrderType = 'limit';
  tif: TimeInForce = 'GTC';
  /** Ticks; 0 for market orders. */
  price = 0;
  /** Total lots ordered (changed only by amend). */
  qty = 0;
  filled = 0;
  /** Lots still open: qty − filled while live. */
  leaves = 0;
  /** Units locked for this order: quote (fee reserve included) for a buy, base for a sell. */
  locked = 0;
  ts = 0;
  clientOrderId: string | null = null;
  level: Level | null = null;
  prev: Order | null = null;
  next: Order | null = null;
  accPrev: Order | null = null;
  accNext: Order | null = null;

  /** Drops every reference so a pooled order keeps nothing alive. */
  clear(): void {
    this.account = null;
    this.instrument = null;
    this.clientOrderId = null;
    this.level = null;
    this.prev = this.next = this.accPrev = this.accNext = null;
  }
}

export class Level {
  price = 0;
  total = 0;
  count = 0;
  head: Order | null = null;
  tail: Order | null = null;

  append(order: Order): void {
    order.level = this;
    order.next = null;
    order.prev = this.tail;
    if (this.tail === null) this.head = order;
    else this.tail.next = order;
    this.tail = order;
    this.total += order.leaves;
    this.count += 1;
  }

  /** Removes `order` (which must be in this level); `total` drops by its current leaves. */
  unlink(order: Order): void {
    const { prev, next } = order;
    if (prev === null) this.head = next;
    else prev.next = next;
    if (next === null) this.tail = prev;
    else next.prev = prev;
    order.prev = order.next = null;
    order.level = null;
    this.total -= order.leaves;
    this.count -= 1;
  }
}

export class Account {
  head: Order | null = null;
  tail: Order | null = null;
  openOrders = 0;
  /** Live orders by client order id; created on first use. */
  clientIds: Map<string, Order> | null = null;

  constructor(
    readonly id: number,
    readonly label: string,
    readonly stp: StpMode,
    readonly ledger: LedgerAccount,
  ) {}

  link(order: Order): void {
    order.accNext = null;
    order.accPrev = this.tail;
    if (this.tail === null) this.head = order;
    else this.tail.accNext = order;
    this.tail = order;
    this.openOrders += 1;
    if (order.clientOrderId !== null) (this.clientIds ??= new Map()).set(order.clientOrderId, order);
  }

  unlink(order: Order): void {
    const { accPrev, accNext } = order;
    if (accPrev === null) this.head = accNext;
    else accPrev.accNext = accNext;
    if (accNext === null) this.tail = accPrev;
    else accNext.accPrev = accPrev;
    order.accPrev = order.accNext = null;
    this.openOrders -= 1;
    if (order.clientOrderId !== null) this.clientIds!.delete(order.clientOrderId);
  }
}

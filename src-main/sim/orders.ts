/**
 * The venue's memory of orders beyond what the engine keeps: every live order's owner, client id,
 * type and creation time (the engine forgets an order the moment it fills, but its fill still needs
 * the client id), the last fills of every account (for `recentFills`), and the last trade price of
 * every instrument (marks). Built only from engine events, so replaying the journal rebuilds it.
 * An order leaves the registry at the end of the command that closed it.
 */
import type { OrderType, Side, TimeInForce } from '../../src-shared/domain';
import type { FillView, OrderView } from '../gateway/venue-port';

export type LiveStatus = 'open' | 'filled' | 'canceled' | 'expired';

export interface LiveOrder {
  readonly orderId: number;
  readonly account: number;
  readonly symbol: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly tif: TimeInForce;
  /** Ticks; 0 for market orders. */
  price: number;
  /** Lots, filled part included. */
  qty: number;
  filled: number;
  readonly clientOrderId: string | null;
  readonly createdTs: number;
  updatedTs: number;
  status: LiveStatus;
  /** The order's view as last built; cleared whenever the order changes (views are costly). */
  view: OrderView | null;
}

const FILLS_KEPT = 200;

export class OrderRegistry {
  private readonly live = new Map<number, LiveOrder>();
  private readonly fills = new Map<number, FillView[]>();
  private readonly lastTrade = new Map<string, { price: number; time: number }>();

  add(order: LiveOrder): void {
    this.live.set(order.orderId, order);
  }

  get(orderId: number): LiveOrder | undefined {
    return this.live.get(orderId);
  }

  /** Drops orders that are no longer open (call at the end of a command). */
  sweep(touched: Iterable<LiveOrder>): void {
    for (const order of touched) if (order.status !== 'open') this.live.delete(order.orderId);
  }

  openOf(account: number): LiveOrder[] {
    const out: LiveOrder[] = [];
    for (const order of this.live.values()) if (order.account === account) out.push(order);
    return out;
  }

  get openCount(): number {
    return this.live.size;
  }

  addFill(account: number, fill: FillView): void {
    let list = this.fills.get(account);
    if (!list) this.fills.set(account, (list = []));
    list.push(fill);
    if (list.length > FILLS_KEPT * 2) list.splice(0, list.length - FILLS_KEPT);
  }

  /** Most recent last, at most `limit`. */
  recentFills(account: number, limit: number): FillView[] {
    const list = this.fills.get(account) ?? [];
    return list.slice(Math.max(0, list.length - Math.min(limit, FILLS_KEPT)));
  }

  traded(symbol: string, price: number, time: number): void {
    this.lastTrade.set(symbol, { price, time });
  }

  lastPrice(symbol: string): number | null {
    return this.lastTrade.get(symbol)?.price ?? null;
  }
}

/**
 * The fake venue's order book: two arrays kept in priority order (bids by price desc, asks by
 * price asc, then arrival). Naive on purpose, like exchange-core's OrderBookNaiveImpl.
 */
import type { Side } from '../../src-shared/domain';

export interface RestingOrder {
  readonly orderId: string;
  readonly agentId: string;
  readonly side: Side;
  readonly priceTicks: number;
  remainingLots: number;
  readonly seq: number;
}

export class FakeBook {
  private readonly bids: RestingOrder[] = [];
  private readonly asks: RestingOrder[] = [];

  add(order: RestingOrder): void {
    const side = order.side === 'buy' ? this.bids : this.asks;
    const better = (o: RestingOrder) =>
      order.side === 'buy' ? o.priceTicks >= order.priceTicks : o.priceTicks <= order.priceTicks;
    let i = 0;
    while (i < side.length && better(side[i]!)) i++;
    side.splice(i, 0, order);
  }

  remove(order: RestingOrder): void {
    const side = order.side === 'buy' ? this.bids : this.asks;
    const i = side.indexOf(order);
    if (i >= 0) side.splice(i, 1);
  }

  /** Resting orders an incoming order of `side` at `limitTicks` (null = market) would meet, in order. */
  crossing(side: Side, limitTicks: number | null): RestingOrder[] {
    const opposite = side === 'buy' ? this.asks : this.bids;
    return opposite.filter(
      (o) =>
        limitTicks === null || (side === 'buy' ? o.priceTicks <= limitTicks : o.priceTicks >= limitTicks),
    );
  }

  levels(side: Side, depth: number): Array<{ ticks: number; lots: number; n: number }> {
    const out: Array<{ ticks: number; lots: number; n: number }> = [];
    for (const o of side === 'buy' ? this.bids : this.asks) {
      const last = out[out.length - 1];
      if (last && last.ticks === o.priceTicks) {
        last.lots += o.remainingLots;
        last.n += 1;
      } else {
        if (out.length === depth) break;
        out.push({ ticks: o.priceTicks, lots: o.remainingLots, n: 1 });
      }
    }
    return out;
  }

  crossed(): boolean {
    const bid = this.bids[0];
    const ask = this.asks[0];
    return bid !== undefined && ask !== undefined && bid.priceTicks >= ask.priceTicks;
  }

  canonical(): unknown {
    const row = (o: RestingOrder) => [o.orderId, o.agentId, o.priceTicks, o.remainingLots, o.seq];
    return [this.bids.map(row), this.asks.map(row)];
  }
}

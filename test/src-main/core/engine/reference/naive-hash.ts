/**
 * The reference engine's state, written in the canonical order documented in src-main/core/engine/
 * hash.ts and fed to the same StateHasher (a generic word mixer), so equal states give equal hashes.
 */
import { StateHasher } from '../../../../../src-main/core/engine/hash';
import type { NaiveBook, NaiveOrder } from './naive-book';

export function naiveStateHash(e: NaiveBook): string {
  const h = new StateHasher();
  const defaultStp = e.accounts[0]!.stp;
  h.str('depthline.engine.v1').str(defaultStp).bool(e.trackPositions);
  h.num(e.nextOrderId).num(e.nextTradeId);
  h.num(e.assets.length);
  for (const a of e.assets) h.str(a.id).num(a.decimals).num(Number(a.supply));
  h.num(e.instruments.length);
  for (const i of e.instruments) {
    h.str(i.id).num(i.base).num(i.quote).str(i.tickSize).str(i.lotSize);
    h.num(i.minQty).num(Number(i.minNotional)).str(i.makerText).str(i.takerText);
  }
  h.num(e.accounts.length);
  for (const a of e.accounts) {
    h.num(a.id).str(a.label).str(a.stp);
    for (let i = 0; i < e.assets.length; i++) h.num(Number(a.free[i])).num(Number(a.locked[i]));
    for (const index of [...a.positions.keys()].sort((x, y) => x - y)) {
      const p = a.positions.get(index)!;
      h.num(index).num(Number(p.qty)).big(p.basis).big(p.realized).num(Number(p.fees)).big(p.volume);
    }
    h.num(-1);
  }
  e.instruments.forEach((_, index) => {
    for (const side of ['buy', 'sell'] as const) {
      const orders = e.makersInOrder(index, side);
      const prices = [...new Set(orders.map((o) => o.price))];
      h.num(prices.length);
      for (const price of prices) {
        const queue = orders.filter((o) => o.price === price);
        h.num(price)
          .num(queue.reduce((s, o) => s + o.leaves, 0))
          .num(queue.length);
        for (const o of queue) hashOrder(h, o);
      }
    }
  });
  return h.digest();
}

function hashOrder(h: StateHasher, o: NaiveOrder): void {
  h.num(o.id).num(o.account).str(o.side).str(o.type).str(o.tif);
  h.num(o.price).num(o.qty).num(o.filled).num(o.leaves).num(Number(o.locked)).num(o.ts);
  h.bool(o.clientOrderId !== null).str(o.clientOrderId ?? '');
}

/**
 * Amending a resting paper order. A smaller quantity at the same price keeps its queue position
 * (and frees what backed the difference); a new price or a larger quantity re-joins at the back
 * of the queue, locks what the new order needs, and may take liquidity at the new price first.
 * Every check happens before anything changes.
 */
import type { AmendPaperOrder, PaperExchange } from './exchange';
import { accepted, rejected, snapshotOf, type PaperOrderSnapshot, type PaperResult } from './orders';
import { notLive } from './place-checks';

export function amendOrder(ex: PaperExchange, cmd: AmendPaperOrder): PaperResult<PaperOrderSnapshot> {
  const order = ex.openOrder(cmd.orderId);
  if (!order) return rejected('UNKNOWN_ORDER', `no open paper order ${cmd.orderId}`);
  if (order.account !== cmd.account) return rejected('NOT_YOUR_ORDER', `order ${cmd.orderId} is not yours`);
  const { instrument, market } = ex.instrument(order.instrument.id)!;
  const price = cmd.price ?? order.price!;
  const qty = cmd.qty ?? order.qty;
  if (!Number.isSafeInteger(price) || price <= 0) return rejected('INVALID_PRICE', 'price must be positive');
  if (!Number.isSafeInteger(qty) || qty <= order.filled)
    return rejected('INVALID_QUANTITY', 'the new quantity must exceed what is already filled');
  const leaves = qty - order.filled;
  const account = ex.accounts.account(order.account)!;
  const asset = order.side === 'buy' ? instrument.quote : instrument.base;
  const newLock =
    order.side === 'buy'
      ? ex.accounts.buyLock(instrument, price, leaves)
      : leaves * instrument.baseUnitsPerLot;
  if (price === order.price && qty <= order.qty) {
    // Same price, smaller: the queue position is kept.
    market.reduce(order.id, leaves);
    ex.accounts.unlock(account, asset, order.locked - newLock);
    order.locked = newLock;
    order.qty = qty;
    order.updatedAt = cmd.at;
    ex.emit({ kind: 'amended', order: snapshotOf(order), at: cmd.at });
    return accepted(snapshotOf(order));
  }
  if (!market.live) return notLive(instrument.id, market);
  if (newLock > ex.accounts.free(account, asset) + order.locked)
    return order.side === 'buy'
      ? rejected('INSUFFICIENT_FUNDS', 'not enough free quote for the amended order')
      : rejected('INSUFFICIENT_BALANCE', 'not enough free base for the amended order');
  const crosses = market.crosses(order.side, price);
  if (order.tif === 'POST_ONLY' && crosses)
    return rejected('POST_ONLY_WOULD_TAKE', 'the amended post-only order would take liquidity');
  market.remove(order.id);
  ex.accounts.unlock(account, asset, order.locked);
  ex.accounts.lock(account, asset, newLock);
  order.locked = newLock;
  order.price = price;
  order.qty = qty;
  order.updatedAt = cmd.at;
  ex.emit({ kind: 'amended', order: snapshotOf(order), at: cmd.at });
  if (crosses) ex.execute(order, market.plan(order.side, price, leaves).executions, cmd.at);
  if (order.filled === order.qty) ex.finish(order, 'filled', cmd.at);
  else market.rest(order.id, order.side, price, order.qty - order.filled);
  return accepted(snapshotOf(order));
}

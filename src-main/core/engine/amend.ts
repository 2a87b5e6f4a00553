/**
 * amendOrder: change a resting order's price and/or total quantity.
 *
 * Checks, first failure rejects (nothing changes): UNKNOWN_ACCOUNT, UNKNOWN_ORDER (not resting: never
 * existed, filled, canceled), NOT_YOUR_ORDER, INVALID_ORDER (neither price nor qty given),
 * INVALID_PRICE / OFF_TICK, INVALID_QUANTITY / OFF_LOT (also when the new total is not above what is
 * already filled), BELOW_MIN_SIZE / BELOW_MIN_NOTIONAL (on the new total), WOULD_CROSS (post-only),
 * INSUFFICIENT_FUNDS (when the new lock exceeds the old one by more than free balance).
 *
 * Priority: same price and a quantity that does not grow keeps the order where it is in its queue
 * (the level total shrinks in place). A new price or a larger quantity takes it out of its level and
 * re-enters it as if new (it keeps its id, client id and place among its account's orders): it may
 * trade immediately as a taker, and any remainder joins the tail of its new level.
 */
import { ok } from '../../../src-shared/result';
import { crosses, isOrderId, minimumProblem, priceProblem, qtyProblem, reject } from './checks';
import { match } from './matching';
import type { EngineState } from './state';
import type { AmendOrder, EngineResult, OrderAck } from './types';

export function amendOrder(st: EngineState, cmd: AmendOrder): EngineResult<OrderAck> {
  const ts = cmd.ts;
  const id = isOrderId(cmd.orderId) ? cmd.orderId : 0;
  const account = st.account(cmd.account);
  if (account === null) return reject(st, ts, 'amend', cmd.account, 'UNKNOWN_ACCOUNT', id);
  const order = id === 0 ? null : st.index.get(id);
  if (order === null) return reject(st, ts, 'amend', account.id, 'UNKNOWN_ORDER', id);
  if (order.account !== account) return reject(st, ts, 'amend', account.id, 'NOT_YOUR_ORDER', id);
  if (cmd.price === undefined && cmd.qty === undefined) {
    return reject(st, ts, 'amend', account.id, 'INVALID_ORDER', id);
  }
  const price = cmd.price ?? order.price;
  const qty = cmd.qty ?? order.qty;
  const instrument = order.instrument!;
  const issue =
    priceProblem(price) ??
    qtyProblem(qty) ??
    (qty <= order.filled ? 'INVALID_QUANTITY' : null) ??
    minimumProblem(instrument, price, qty);
  if (issue !== null) return reject(st, ts, 'amend', account.id, issue, id);
  const buy = order.side === 'buy';
  if (order.tif === 'POST_ONLY' && crosses(instrument, buy, price)) {
    return reject(st, ts, 'amend', account.id, 'WOULD_CROSS', id);
  }
  const leaves = qty - order.filled;
  const lock = buy ? instrument.buyLock(price, leaves) : leaves * instrument.baseUnitsPerLot;
  const asset = buy ? instrument.quote.index : instrument.base.index;
  const ledger = account.ledger;
  const extra = lock - order.locked;
  if (extra > ledger.free[asset]!) return reject(st, ts, 'amend', account.id, 'INSUFFICIENT_FUNDS', id);

  if (extra > 0) st.ledger.lock(ledger, asset, extra);
  else if (extra < 0) st.ledger.unlock(ledger, asset, -extra);
  order.locked = lock;
  const level = order.level!;
  if (price === order.price && leaves <= order.leaves) {
    const reduced = order.leaves - leaves;
    order.leaves = leaves;
    order.qty = qty;
    level.total -= reduced;
    st.sink.amended(ts, id, account.id, instrument.id, price, qty, leaves, true);
    if (reduced > 0) st.levelChanged(instrument, buy, level, ts);
    return ok({ orderId: id, status: 'resting', filledQty: order.filled, leavesQty: leaves });
  }

  level.unlink(order);
  order.price = price;
  order.qty = qty;
  order.leaves = leaves;
  order.ts = ts;
  st.sink.amended(ts, id, account.id, instrument.id, price, qty, leaves, false);
  st.levelChanged(instrument, buy, level, ts);
  const stop = match(st, order, ts);
  if (order.leaves > 0 && stop === null) {
    const next = st.levelFor(instrument, buy, price);
    next.append(order);
    st.levelChanged(instrument, buy, next, ts);
    return ok({ orderId: id, status: 'resting', filledQty: order.filled, leavesQty: order.leaves });
  }
  st.index.delete(id);
  account.unlink(order);
  const filled = order.filled;
  const canceled = order.leaves;
  if (canceled > 0) st.sink.canceled(ts, id, account.id, instrument.id, stop!, canceled, filled);
  st.unlockRemainder(order);
  st.releaseOrder(order);
  return ok({ orderId: id, status: canceled > 0 ? 'canceled' : 'filled', filledQty: filled, leavesQty: 0 });
}

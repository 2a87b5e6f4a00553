/**
 * placeOrder: admission, then matching, then the remainder's fate.
 *
 * Admission checks run in this order and the first failure rejects (nothing changes):
 *   UNKNOWN_ACCOUNT, UNKNOWN_INSTRUMENT, INVALID_ORDER (side/type/tif, or a market order with GTC or
 *   POST_ONLY), INVALID_PRICE / OFF_TICK (a limit needs a price, a market order must not have one),
 *   INVALID_QUANTITY / OFF_LOT, BELOW_MIN_SIZE, BELOW_MIN_NOTIONAL (limit orders only),
 *   INVALID_ORDER (malformed client order id), DUPLICATE_CLIENT_ORDER_ID (among the account's resting
 *   orders), WOULD_CROSS (post-only whose price would trade now), INSUFFICIENT_FUNDS.
 *
 * Funds at admission:
 *   limit buy (any tif): locks buyLock(price, qty); sell (limit or market): locks qty of base; a
 *   market buy locks nothing, and is rejected if free quote cannot pay one lot (plus taker fee) at the
 *   current best ask. A market FOK buy is rejected if the fills it would make cost more than free quote.
 *
 * After acceptance (`accepted` event, new order id):
 *   FOK: if the book cannot fill all of it now (own orders excluded as STP would treat them), it is
 *   `expired` without trading. Otherwise it matches (see matching.ts). The remainder of a market or IOC
 *   order is canceled (reason ioc, or funds / stp when those stopped it); a GTC or post-only remainder
 *   rests at the tail of its price level, unless STP canceled the incoming order.
 */
import { ok } from '../../../src-shared/result';
import { crosses, isClientOrderId, minimumProblem, priceProblem, qtyProblem, reject } from './checks';
import { match, probe, takerBuyCost } from './matching';
import type { Order } from './model';
import type { EngineState } from './state';
import type { CancelReason, EngineResult, OrderAck, OrderStatus, PlaceOrder, TimeInForce } from './types';

const LIMIT_TIFS: ReadonlySet<unknown> = new Set(['GTC', 'IOC', 'FOK', 'POST_ONLY']);

export function placeOrder(st: EngineState, cmd: PlaceOrder): EngineResult<OrderAck> {
  const ts = cmd.ts;
  const clientOrderId = cmd.clientOrderId ?? null;
  const account = st.account(cmd.account);
  if (account === null) return reject(st, ts, 'place', cmd.account, 'UNKNOWN_ACCOUNT', 0, clientOrderId);
  const instrument = st.instrumentsById.get(cmd.instrument);
  if (instrument === undefined) {
    return reject(st, ts, 'place', account.id, 'UNKNOWN_INSTRUMENT', 0, clientOrderId);
  }
  const market = cmd.type === 'market';
  const tif: TimeInForce = cmd.tif ?? (market ? 'IOC' : 'GTC');
  const buy = cmd.side === 'buy';
  if (
    (!buy && cmd.side !== 'sell') ||
    (!market && cmd.type !== 'limit') ||
    (market ? tif !== 'IOC' && tif !== 'FOK' : !LIMIT_TIFS.has(tif))
  ) {
    return reject(st, ts, 'place', account.id, 'INVALID_ORDER', 0, clientOrderId);
  }
  const priceIssue = market ? (cmd.price === undefined ? null : 'INVALID_PRICE') : priceProblem(cmd.price);
  if (priceIssue !== null) return reject(st, ts, 'place', account.id, priceIssue, 0, clientOrderId);
  const price = market ? 0 : cmd.price!;
  const qty = cmd.qty;
  const issue = qtyProblem(qty) ?? minimumProblem(instrument, price, qty);
  if (issue !== null) return reject(st, ts, 'place', account.id, issue, 0, clientOrderId);
  if (clientOrderId !== null) {
    if (!isClientOrderId(clientOrderId)) {
      return reject(st, ts, 'place', account.id, 'INVALID_ORDER', 0, clientOrderId);
    }
    if (account.clientIds?.has(clientOrderId)) {
      return reject(st, ts, 'place', account.id, 'DUPLICATE_CLIENT_ORDER_ID', 0, clientOrderId);
    }
  }
  if (tif === 'POST_ONLY' && crosses(instrument, buy, price)) {
    return reject(st, ts, 'place', account.id, 'WOULD_CROSS', 0, clientOrderId);
  }

  const ledger = account.ledger;
  let lock = 0;
  if (!buy) lock = qty * instrument.baseUnitsPerLot;
  else if (!market) lock = instrument.buyLock(price, qty);
  else {
    const best = instrument.asks.best;
    if (best !== null && takerBuyCost(instrument, best.price, 1) > ledger.free[instrument.quote.index]!) {
      return reject(st, ts, 'place', account.id, 'INSUFFICIENT_FUNDS', 0, clientOrderId);
    }
  }
  const asset = buy ? instrument.quote.index : instrument.base.index;
  if (lock > ledger.free[asset]!) {
    return reject(st, ts, 'place', account.id, 'INSUFFICIENT_FUNDS', 0, clientOrderId);
  }

  const order = st.newOrder();
  order.account = account;
  order.instrument = instrument;
  order.side = cmd.side;
  order.type = cmd.type;
  order.tif = tif;
  order.price = price;
  order.qty = qty;
  order.filled = 0;
  order.leaves = qty;
  order.locked = lock;
  order.ts = ts;
  order.clientOrderId = clientOrderId;

  let fok: { lots: number; cost: number } | null = null;
  if (tif === 'FOK') {
    fok = probe(st, order);
    if (market && buy && fok.lots === qty && fok.cost > ledger.free[asset]!) {
      st.releaseOrder(order);
      return reject(st, ts, 'place', account.id, 'INSUFFICIENT_FUNDS', 0, clientOrderId);
    }
  }

  order.id = st.nextOrderId++;
  if (lock > 0) st.ledger.lock(ledger, asset, lock);
  st.sink.accepted(
    ts,
    order.id,
    account.id,
    instrument.id,
    cmd.side,
    cmd.type,
    tif,
    price,
    qty,
    clientOrderId,
  );
  if (fok !== null && fok.lots < qty) {
    st.sink.expired(ts, order.id, account.id, instrument.id, qty);
    return finish(st, order, 'expired');
  }
  const stop = match(st, order, ts);
  if (order.leaves === 0) return finish(st, order, 'filled');
  if (stop !== null || market || tif === 'IOC' || tif === 'FOK') {
    return cancelRemainder(st, order, stop ?? 'ioc', ts);
  }
  st.rest(order, ts);
  return ok({ orderId: order.id, status: 'resting', filledQty: order.filled, leavesQty: order.leaves });
}

/** Cancels the unfilled remainder of an order that is not in the book. */
export function cancelRemainder(
  st: EngineState,
  order: Order,
  reason: CancelReason,
  ts: number,
): EngineResult<OrderAck> {
  st.unlockRemainder(order);
  st.sink.canceled(ts, order.id, order.account!.id, order.instrument!.id, reason, order.leaves, order.filled);
  return finish(st, order, 'canceled');
}

/** Acknowledges and recycles an order that ended within its command. */
export function finish(st: EngineState, order: Order, status: OrderStatus): EngineResult<OrderAck> {
  const ack = ok({ orderId: order.id, status, filledQty: order.filled, leavesQty: 0 });
  st.unlockRemainder(order);
  st.releaseOrder(order);
  return ack;
}

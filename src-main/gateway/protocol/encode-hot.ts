/**
 * The per-order messages as JSON text, written directly: `order_response`, `order_placed`,
 * `order_filled`, `order_canceled`, `cancel_response` and `trade` go out several times per order,
 * and building an object with spreads and then stringifying it was the gateway's largest own cost
 * per order (~1.3 us per message against ~0.3 us here; npm run bench:gateway).
 *
 * Invariant: each function returns exactly `JSON.stringify(<builder in outbound.ts>(...))`, same
 * fields, same order, same escaping (test/src-main/gateway/encode-hot.test.ts checks it on
 * generated views). Only values that cannot need escaping are written raw: decimal strings
 * (digits, '.', '-'), closed enums (side, order type, time in force, status, liquidity, reason)
 * and integers; every other string goes through JSON.stringify.
 */
import type { CanceledOrder, CancelReason, FillView, OrderView, TradeView } from '../venue-port';
import type { ReqId } from './client-messages';

const str = JSON.stringify;

function reqIdField(reqId: ReqId | undefined): string {
  return reqId === undefined ? '' : `,"req_id":${str(reqId)}`;
}

function orderText(type: 'order_response' | 'order_placed', o: OrderView, reqId: ReqId | undefined): string {
  let text = `{"type":"${type}","order_id":${str(o.orderId)},"agent_id":${str(o.agentId)}`;
  if (o.clientOrderId !== undefined) text += `,"client_order_id":${str(o.clientOrderId)}`;
  if (o.price !== undefined) text += `,"price":"${o.price}"`;
  return (
    `${text},"symbol_id":${str(o.symbol)},"side":"${o.side}","order_type":"${o.orderType}"` +
    `,"time_in_force":"${o.timeInForce}","quantity":"${o.quantity}"` +
    `,"filled_quantity":"${o.filledQuantity}","remaining_quantity":"${o.remainingQuantity}"` +
    `,"status":"${o.status}","time":${o.time}${reqIdField(reqId)}}`
  );
}

export function orderResponseText(order: OrderView, reqId: ReqId | undefined): string {
  return orderText('order_response', order, reqId);
}

export function orderPlacedText(order: OrderView): string {
  return orderText('order_placed', order, undefined);
}

export function orderFilledText(f: FillView): string {
  const coid = f.clientOrderId === undefined ? '' : `,"client_order_id":${str(f.clientOrderId)}`;
  return (
    `{"type":"order_filled","order_id":${str(f.orderId)}${coid},"trade_id":${str(f.tradeId)}` +
    `,"symbol_id":${str(f.symbol)},"side":"${f.side}","price":"${f.price}","quantity":"${f.quantity}"` +
    `,"remaining_quantity":"${f.remainingQuantity}","liquidity":"${f.liquidity}","fee":"${f.fee}"` +
    `,"fee_asset":${str(f.feeAsset)},"time":${f.time}}`
  );
}

export function cancelResponseText(c: CanceledOrder, reqId: ReqId | undefined): string {
  return (
    `{"type":"cancel_response","order_id":${str(c.orderId)},"symbol_id":${str(c.symbol)}` +
    `,"canceled_quantity":"${c.canceledQuantity}","time":${c.time}${reqIdField(reqId)}}`
  );
}

export function orderCanceledText(c: CanceledOrder, reason: CancelReason): string {
  return (
    `{"type":"order_canceled","order_id":${str(c.orderId)},"symbol_id":${str(c.symbol)}` +
    `,"canceled_quantity":"${c.canceledQuantity}","reason":"${reason}","time":${c.time}}`
  );
}

export function tradeText(venue: string, t: TradeView): string {
  return (
    `{"type":"trade","venue":${str(venue)},"trade_id":${str(t.tradeId)},"symbol_id":${str(t.symbol)}` +
    `,"price":"${t.price}","quantity":"${t.quantity}","aggressor_side":"${t.aggressorSide}","time":${t.time}}`
  );
}

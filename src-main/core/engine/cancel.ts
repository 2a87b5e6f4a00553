/**
 * cancelOrder and cancelAll. Only resting orders can be canceled; a second cancel of the same order
 * (or a cancel of a filled one) is rejected with UNKNOWN_ORDER, one `rejected` event, and changes
 * nothing. Checks: UNKNOWN_ACCOUNT, INVALID_ORDER (neither id nor client id), UNKNOWN_ORDER,
 * NOT_YOUR_ORDER. cancelAll cancels the account's resting orders (optionally on one instrument) in
 * acceptance order, each with its `canceled` and `level` events; it rejects only UNKNOWN_ACCOUNT and
 * UNKNOWN_INSTRUMENT, and succeeds with 0 when there is nothing to cancel.
 */
import { ok } from '../../../src-shared/result';
import { isOrderId, reject } from './checks';
import type { Order } from './model';
import type { EngineState } from './state';
import type { CancelAck, CancelAll, CancelOrder, EngineResult } from './types';

export function cancelOrder(st: EngineState, cmd: CancelOrder): EngineResult<CancelAck> {
  const ts = cmd.ts;
  const id = isOrderId(cmd.orderId) ? cmd.orderId : 0;
  const clientOrderId = typeof cmd.clientOrderId === 'string' ? cmd.clientOrderId : null;
  const account = st.account(cmd.account);
  if (account === null) return reject(st, ts, 'cancel', cmd.account, 'UNKNOWN_ACCOUNT', id, clientOrderId);
  let order: Order | null;
  if (cmd.orderId !== undefined) order = id === 0 ? null : st.index.get(id);
  else if (clientOrderId !== null) order = account.clientIds?.get(clientOrderId) ?? null;
  else return reject(st, ts, 'cancel', account.id, 'INVALID_ORDER', id, clientOrderId);
  if (order === null) return reject(st, ts, 'cancel', account.id, 'UNKNOWN_ORDER', id, clientOrderId);
  if (order.account !== account) {
    return reject(st, ts, 'cancel', account.id, 'NOT_YOUR_ORDER', id, clientOrderId);
  }
  const orderId = order.id;
  const canceledQty = st.cancelResting(order, 'user', ts, true);
  return ok({ orderId, canceledQty });
}

export function cancelAll(st: EngineState, cmd: CancelAll): EngineResult<number> {
  const ts = cmd.ts;
  const account = st.account(cmd.account);
  if (account === null) return reject(st, ts, 'cancel_all', cmd.account, 'UNKNOWN_ACCOUNT');
  const instrument = cmd.instrument === undefined ? null : st.instrumentsById.get(cmd.instrument);
  if (instrument === undefined) return reject(st, ts, 'cancel_all', account.id, 'UNKNOWN_INSTRUMENT');
  let count = 0;
  for (let order = account.head; order !== null;) {
    const next = order.accNext;
    if (instrument === null || order.instrument === instrument) {
      st.cancelResting(order, 'user', ts, true);
      count += 1;
    }
    order = next;
  }
  return ok(count);
}

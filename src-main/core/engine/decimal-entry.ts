/**
 * Order entry in decimal strings, for edges that receive prices and sizes as text (the bots' gateway,
 * the UI's ticket). Converts exactly on the instrument's grid (core/num Grid) and rejects, through the
 * engine's own rejection path (one `rejected` event, no state change), what is not on it:
 * INVALID_PRICE / OFF_TICK, INVALID_QUANTITY / OFF_LOT. Then it is an ordinary tick/lot command.
 */
import type { DecimalString } from '../../../src-shared/domain';
import type { GridResult } from '../num';
import { amendOrder } from './amend';
import { reject } from './checks';
import { placeOrder } from './place';
import type { EngineState } from './state';
import type { AmendOrder, EngineResult, OrderAck, PlaceOrder, RejectReason } from './types';

export type PlaceOrderDecimal = Omit<PlaceOrder, 'price' | 'qty'> & {
  readonly price?: DecimalString;
  /** Base quantity, e.g. "0.015". */
  readonly size: DecimalString;
};
export type AmendOrderDecimal = Omit<AmendOrder, 'price' | 'qty'> & {
  readonly price?: DecimalString;
  readonly size?: DecimalString;
};

function problem(result: GridResult, invalid: RejectReason, offGrid: RejectReason): RejectReason | null {
  if (result.ok) return null;
  return result.error === 'OFF_GRID' ? offGrid : invalid;
}

export function placeOrderDecimal(st: EngineState, cmd: PlaceOrderDecimal): EngineResult<OrderAck> {
  const clientOrderId = cmd.clientOrderId ?? null;
  const account = st.account(cmd.account);
  if (account === null) return reject(st, cmd.ts, 'place', cmd.account, 'UNKNOWN_ACCOUNT', 0, clientOrderId);
  const instrument = st.instrumentsById.get(cmd.instrument);
  if (instrument === undefined) {
    return reject(st, cmd.ts, 'place', account.id, 'UNKNOWN_INSTRUMENT', 0, clientOrderId);
  }
  const { price, size, ...rest } = cmd;
  let ticks: number | undefined;
  if (price !== undefined) {
    const converted = instrument.grid.priceToTicks(String(price));
    const issue = problem(converted, 'INVALID_PRICE', 'OFF_TICK');
    if (issue !== null || !converted.ok)
      return reject(st, cmd.ts, 'place', account.id, issue!, 0, clientOrderId);
    ticks = converted.value;
  }
  const lots = instrument.grid.sizeToLots(String(size));
  const issue = problem(lots, 'INVALID_QUANTITY', 'OFF_LOT');
  if (issue !== null || !lots.ok) return reject(st, cmd.ts, 'place', account.id, issue!, 0, clientOrderId);
  return placeOrder(
    st,
    ticks === undefined ? { ...rest, qty: lots.value } : { ...rest, price: ticks, qty: lots.value },
  );
}

export function amendOrderDecimal(st: EngineState, cmd: AmendOrderDecimal): EngineResult<OrderAck> {
  const order = typeof cmd.orderId === 'number' ? st.index.get(cmd.orderId) : null;
  // Unknown orders and foreign accounts are reported by amendOrder itself, in its usual order.
  if (order === null || st.account(cmd.account) !== order.account) {
    return amendOrder(st, { account: cmd.account, orderId: cmd.orderId, price: 1, ts: cmd.ts });
  }
  const grid = order.instrument!.grid;
  const { price, size, ...rest } = cmd;
  let amend: AmendOrder = rest;
  if (price !== undefined) {
    const converted = grid.priceToTicks(String(price));
    if (!converted.ok) {
      return reject(
        st,
        cmd.ts,
        'amend',
        cmd.account,
        problem(converted, 'INVALID_PRICE', 'OFF_TICK')!,
        order.id,
      );
    }
    amend = { ...amend, price: converted.value };
  }
  if (size !== undefined) {
    const converted = grid.sizeToLots(String(size));
    if (!converted.ok) {
      return reject(
        st,
        cmd.ts,
        'amend',
        cmd.account,
        problem(converted, 'INVALID_QUANTITY', 'OFF_LOT')!,
        order.id,
      );
    }
    amend = { ...amend, qty: converted.value };
  }
  return amendOrder(st, amend);
}

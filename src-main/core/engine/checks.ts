/**
 * Shared input checks and the rejection path. A rejection emits exactly one `rejected` event and
 * returns a preallocated, frozen Err value; it never changes state (no counter moves), so the state
 * hash before and after a rejected command is the same.
 */
import { err, type Err } from '../../../src-shared/result';
import type { Instrument } from './instrument';
import type { Level } from './model';
import type { EngineState } from './state';
import { REJECT_REASONS, type AccountId, type CommandKind, type RejectReason } from './types';

const REJECTIONS = Object.fromEntries(REJECT_REASONS.map((r) => [r, Object.freeze(err(r))])) as Record<
  RejectReason,
  Err<RejectReason>
>;

export function reject(
  st: EngineState,
  ts: number,
  command: CommandKind,
  account: AccountId,
  reason: RejectReason,
  orderId = 0,
  clientOrderId: string | null = null,
): Err<RejectReason> {
  st.sink.rejected(ts, command, account, reason, orderId, clientOrderId);
  return REJECTIONS[reason];
}

/** null when `price` is a whole, positive, safe number of ticks. */
export function priceProblem(price: unknown): RejectReason | null {
  if (typeof price !== 'number' || !(price > 0) || price > Number.MAX_SAFE_INTEGER) return 'INVALID_PRICE';
  return Number.isInteger(price) ? null : 'OFF_TICK';
}

/** null when `qty` is a whole, positive, safe number of lots. */
export function qtyProblem(qty: unknown): RejectReason | null {
  if (typeof qty !== 'number' || !(qty > 0) || qty > Number.MAX_SAFE_INTEGER) return 'INVALID_QUANTITY';
  return Number.isInteger(qty) ? null : 'OFF_LOT';
}

/** Minimum size, and minimum notional for a priced order. */
export function minimumProblem(instrument: Instrument, price: number, qty: number): RejectReason | null {
  if (qty < instrument.minQty) return 'BELOW_MIN_SIZE';
  if (price > 0 && price * qty * instrument.unitsPerTickLot < instrument.minNotional)
    return 'BELOW_MIN_NOTIONAL';
  return null;
}

/** Would a limit order at `price` on this side trade immediately against the book? */
export function crosses(instrument: Instrument, buy: boolean, price: number): boolean {
  const best: Level | null = buy ? instrument.asks.best : instrument.bids.best;
  return best !== null && (buy ? best.price <= price : best.price >= price);
}

const CLIENT_ID = /^[\x21-\x7e]{1,64}$/;

export function isClientOrderId(value: unknown): value is string {
  return typeof value === 'string' && CLIENT_ID.test(value);
}

export function isOrderId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

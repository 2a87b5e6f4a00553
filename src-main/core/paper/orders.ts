/**
 * Paper orders and the paper exchange's results and events. Orders are plain mutable records owned
 * by the exchange; everything handed out (results, events) is a frozen snapshot.
 *
 * Per open order: filled + leaves == qty; `locked` is what still backs the leaves (quote for a
 * limit buy: at least price × leaves plus the fee reserve; base for a sell: exactly leaves × lot;
 * 0 for a market buy, which pays from free balance as it fills).
 */
import type { PaperInstrument } from './accounts';
import type { NoFillReason, PaperSide } from './types';

export type PaperOrderType = 'limit' | 'market';
export type PaperTif = 'GTC' | 'IOC' | 'FOK' | 'POST_ONLY';
export type PaperOrderStatus = 'open' | 'filled' | 'canceled';
/** user: canceled on request; ioc: an IOC/market remainder; funds: a market buy ran out of quote. */
export type PaperCancelReason = 'user' | 'ioc' | 'funds';

export interface PaperOrder {
  readonly id: number;
  readonly account: number;
  readonly instrument: PaperInstrument;
  readonly side: PaperSide;
  readonly type: PaperOrderType;
  readonly tif: PaperTif;
  /** Limit price in ticks; null for market orders. */
  price: number | null;
  /** Total quantity in lots, filled part included. */
  qty: number;
  filled: number;
  locked: number;
  readonly clientOrderId: string | null;
  readonly createdAt: number;
  updatedAt: number;
  status: PaperOrderStatus;
}

export interface PaperOrderSnapshot {
  readonly id: number;
  readonly account: number;
  readonly symbol: string;
  readonly side: PaperSide;
  readonly type: PaperOrderType;
  readonly tif: PaperTif;
  readonly price: number | null;
  readonly qty: number;
  readonly filled: number;
  /** Lots still open (0 unless status is open). */
  readonly leaves: number;
  readonly clientOrderId: string | null;
  readonly createdAt: number;
  readonly updatedAt: number;
  readonly status: PaperOrderStatus;
}

export function snapshotOf(order: PaperOrder): PaperOrderSnapshot {
  return Object.freeze({
    id: order.id,
    account: order.account,
    symbol: order.instrument.id,
    side: order.side,
    type: order.type,
    tif: order.tif,
    price: order.price,
    qty: order.qty,
    filled: order.filled,
    leaves: order.status === 'open' ? order.qty - order.filled : 0,
    clientOrderId: order.clientOrderId,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    status: order.status,
  });
}

export const PAPER_REJECT_CODES = [
  'UNKNOWN_ACCOUNT',
  'UNKNOWN_SYMBOL',
  'INVALID_PRICE',
  'INVALID_QUANTITY',
  'BELOW_MIN_SIZE',
  'INSUFFICIENT_FUNDS',
  'INSUFFICIENT_BALANCE',
  'POST_ONLY_WOULD_TAKE',
  'FOK_NOT_FILLABLE',
  'NO_LIQUIDITY',
  'DUPLICATE_CLIENT_ORDER_ID',
  'UNKNOWN_ORDER',
  'NOT_YOUR_ORDER',
  /** The instrument's book is not live: no paper order is accepted (see `reason`). */
  'BOOK_NOT_LIVE',
] as const;
export type PaperRejectCode = (typeof PAPER_REJECT_CODES)[number];

export interface PaperReject {
  readonly code: PaperRejectCode;
  readonly message: string;
  /** For BOOK_NOT_LIVE, NO_LIQUIDITY and FOK_NOT_FILLABLE: the typed reason. */
  readonly reason?: NoFillReason;
}

export type PaperResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PaperReject };

export function rejected<T>(code: PaperRejectCode, message: string, reason?: NoFillReason): PaperResult<T> {
  return { ok: false, error: reason === undefined ? { code, message } : { code, message, reason } };
}

export function accepted<T>(value: T): PaperResult<T> {
  return { ok: true, value };
}

export type PaperEvent =
  | { readonly kind: 'accepted'; readonly order: PaperOrderSnapshot; readonly at: number }
  | {
      readonly kind: 'fill';
      readonly tradeId: number;
      readonly order: PaperOrderSnapshot;
      readonly ticks: number;
      readonly lots: number;
      readonly liquidity: 'maker' | 'taker';
      /** In the instrument's quote asset's smallest units. */
      readonly fee: number;
      readonly at: number;
    }
  | {
      readonly kind: 'canceled';
      readonly order: PaperOrderSnapshot;
      readonly canceledLots: number;
      readonly reason: PaperCancelReason;
      readonly at: number;
    }
  | { readonly kind: 'amended'; readonly order: PaperOrderSnapshot; readonly at: number };

export type PaperSink = (event: PaperEvent) => void;

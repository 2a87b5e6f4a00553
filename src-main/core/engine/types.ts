/**
 * The engine's public vocabulary: ids, specs, commands, results, reasons and snapshots.
 *
 * Units: prices are integer ticks and quantities integer lots on the instrument's grid; balances,
 * notionals and fees are integer smallest units of an asset (10^-decimals). All are JS safe integers.
 * Decimal strings appear only in specs and deposits; `decimal-entry.ts` converts order input.
 *
 * Commands are plain, JSON-serialisable objects, so a command log can be stored and replayed through
 * `Engine.execute` to rebuild the same state (same `stateHash`). Times (`ts`) are carried, never read
 * from a clock; ids (accounts, orders, trades) come from engine counters.
 */
import type { DecimalString, Side, TimeInForce, OrderType } from '../../../src-shared/domain';
import type { Result } from '../../../src-shared/result';

export type { Side, TimeInForce, OrderType };
export type AccountId = number;
export type OrderId = number;
export type TradeId = number;

/**
 * Self-trade prevention when an incoming order would match a resting order of the same account:
 * - cancel_resting (default): cancel the resting order and keep matching;
 * - cancel_incoming: stop matching and cancel the incoming order's remainder;
 * - cancel_both: cancel the resting order and the incoming remainder.
 */
export type StpMode = 'cancel_resting' | 'cancel_incoming' | 'cancel_both';
export const STP_MODES: readonly StpMode[] = ['cancel_resting', 'cancel_incoming', 'cancel_both'];

export interface AssetSpec {
  readonly id: string;
  /** Smallest unit is 10^-decimals; must cover every instrument grid that uses the asset. */
  readonly decimals: number;
}

export interface InstrumentSpec {
  readonly id: string;
  readonly base: string;
  readonly quote: string;
  readonly tickSize: DecimalString;
  readonly lotSize: DecimalString;
  /** Minimum order quantity (base); default one lot. */
  readonly minSize?: DecimalString;
  /** Minimum price × quantity (quote) of a limit order; default 0. */
  readonly minNotional?: DecimalString;
  /** Fee rates in [0, 1), e.g. "0.001"; default "0". Charged in the quote asset. */
  readonly makerFee?: DecimalString;
  readonly takerFee?: DecimalString;
}

export interface EngineConfig {
  readonly assets?: readonly AssetSpec[];
  readonly instruments?: readonly InstrumentSpec[];
  /** Default self-trade prevention for accounts that do not set their own. */
  readonly stp?: StpMode;
  /** Keep per-account positions and PnL (default true). */
  readonly trackPositions?: boolean;
}

export interface RegisterAccount {
  /** Unique, 1..64 characters. */
  readonly label: string;
  readonly stp?: StpMode;
  readonly ts: number;
}
export interface Funds {
  readonly account: AccountId;
  readonly asset: string;
  /** Positive decimal string with at most the asset's decimals. */
  readonly amount: DecimalString;
  readonly ts: number;
}
export interface PlaceOrder {
  readonly account: AccountId;
  readonly instrument: string;
  readonly side: Side;
  readonly type: OrderType;
  /** Default GTC for limit orders, IOC for market orders. Market orders accept only IOC and FOK. */
  readonly tif?: TimeInForce;
  /** Limit price in ticks; required for limit orders, absent for market orders. */
  readonly price?: number;
  /** Quantity in lots. */
  readonly qty: number;
  /** Unique per account among its live (resting) orders. */
  readonly clientOrderId?: string;
  readonly ts: number;
}
export interface AmendOrder {
  readonly account: AccountId;
  readonly orderId: OrderId;
  /** New price in ticks (loses time priority). */
  readonly price?: number;
  /** New total quantity in lots, filled part included; must exceed what is filled. */
  readonly qty?: number;
  readonly ts: number;
}
export interface CancelOrder {
  readonly account: AccountId;
  /** One of orderId or clientOrderId; orderId wins if both are given. */
  readonly orderId?: OrderId;
  readonly clientOrderId?: string;
  readonly ts: number;
}
export interface CancelAll {
  readonly account: AccountId;
  readonly instrument?: string;
  readonly ts: number;
}

export type EngineCommand =
  | ({ readonly kind: 'register_account' } & RegisterAccount)
  | ({ readonly kind: 'deposit' } & Funds)
  | ({ readonly kind: 'withdraw' } & Funds)
  | ({ readonly kind: 'place' } & PlaceOrder)
  | ({ readonly kind: 'amend' } & AmendOrder)
  | ({ readonly kind: 'cancel' } & CancelOrder)
  | ({ readonly kind: 'cancel_all' } & CancelAll);
export type CommandKind = EngineCommand['kind'];

/** The closed set of reasons a command is rejected. A rejected command changes no state. */
export const REJECT_REASONS = [
  'UNKNOWN_ACCOUNT',
  'DUPLICATE_ACCOUNT',
  'INVALID_ACCOUNT',
  'UNKNOWN_ASSET',
  'INVALID_AMOUNT',
  'AMOUNT_TOO_LARGE',
  'UNKNOWN_INSTRUMENT',
  'INVALID_ORDER',
  'INVALID_PRICE',
  'OFF_TICK',
  'INVALID_QUANTITY',
  'OFF_LOT',
  'BELOW_MIN_SIZE',
  'BELOW_MIN_NOTIONAL',
  'DUPLICATE_CLIENT_ORDER_ID',
  'WOULD_CROSS',
  'INSUFFICIENT_FUNDS',
  'UNKNOWN_ORDER',
  'NOT_YOUR_ORDER',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/**
 * Why an order left the book without filling completely:
 * user (cancel / cancelAll), ioc (IOC or market remainder after matching), stp (self-trade
 * prevention), funds (a market buy ran out of free quote).
 */
export type CancelReason = 'user' | 'ioc' | 'stp' | 'funds';

/** Where an accepted order stands when its command returns. */
export type OrderStatus = 'resting' | 'filled' | 'canceled' | 'expired';

export interface OrderAck {
  readonly orderId: OrderId;
  readonly status: OrderStatus;
  /** Lots filled so far (all commands included). */
  readonly filledQty: number;
  /** Lots still open (0 unless resting). */
  readonly leavesQty: number;
}
export interface CancelAck {
  readonly orderId: OrderId;
  readonly canceledQty: number;
}

export type EngineResult<T> = Result<T, RejectReason>;

/** A copy of a live order; never the engine's own object. */
export interface OrderSnapshot {
  readonly orderId: OrderId;
  readonly account: AccountId;
  readonly instrument: string;
  readonly side: Side;
  readonly type: OrderType;
  readonly tif: TimeInForce;
  readonly price: number;
  readonly qty: number;
  readonly filledQty: number;
  readonly leavesQty: number;
  /** Asset units locked for this order (quote for buys, fee reserve included; base for sells). */
  readonly locked: number;
  readonly clientOrderId: string | null;
  /** ts of acceptance, or of the last amend that lost priority. */
  readonly ts: number;
}

export interface L2Level {
  readonly price: number;
  readonly qty: number;
  readonly orders: number;
}

export interface BalanceUnits {
  readonly asset: string;
  readonly free: number;
  readonly locked: number;
}

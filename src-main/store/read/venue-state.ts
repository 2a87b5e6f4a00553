/**
 * Everything the ledger holds about one venue, in write order, for rebuilding it after a restart
 * (the paper venues use it): instruments, accounts, balance changes, fills, the orders in the
 * given statuses with their latest event of a given kind, and the highest ids used. Read-only;
 * rows stay decimal strings (the caller converts them on its grid).
 */
import type { ReadonlyDb, WritableDb } from '../db';

export interface StoredInstrument {
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly tickSize: string;
  readonly lotSize: string;
}

export interface StoredAccount {
  readonly key: string;
  readonly name: string;
  readonly kind: string;
  readonly createdTs: number;
}

export interface StoredBalanceChange {
  readonly account: string;
  readonly asset: string;
  readonly delta: string;
  readonly reason: string;
  readonly ts: number;
}

export interface StoredFill {
  readonly tradeId: number;
  readonly ts: number;
  readonly instrument: string;
  readonly price: string;
  readonly quantity: string;
  readonly takerSide: 'buy' | 'sell';
  readonly maker: string;
  readonly taker: string;
  readonly makerOrderId: number;
  readonly takerOrderId: number;
  readonly makerFee: string;
  readonly takerFee: string;
}

export interface StoredOrder {
  readonly orderId: number;
  readonly account: string;
  readonly instrument: string;
  readonly side: 'buy' | 'sell';
  readonly orderType: string;
  readonly tif: string;
  readonly price: string | null;
  readonly quantity: string;
  readonly filled: string;
  readonly status: string;
  readonly clientOrderId: string | null;
  readonly createdTs: number;
  readonly updatedTs: number;
  /** The `reason` of the order's latest event of the requested kind, if any. */
  readonly lastEvent: string | null;
}

/** Size and client id of an order some fill refers to (to describe past fills). */
export interface StoredOrderSize {
  readonly orderId: number;
  readonly quantity: string;
  readonly clientOrderId: string | null;
}

export interface StoredVenueState {
  readonly instruments: readonly StoredInstrument[];
  readonly accounts: readonly StoredAccount[];
  readonly balanceChanges: readonly StoredBalanceChange[];
  readonly fills: readonly StoredFill[];
  readonly orders: readonly StoredOrder[];
  readonly filledOrders: readonly StoredOrderSize[];
  readonly maxOrderId: number;
  readonly maxTradeId: number;
}

export const EMPTY_VENUE_STATE: StoredVenueState = {
  instruments: [],
  accounts: [],
  balanceChanges: [],
  fills: [],
  orders: [],
  filledOrders: [],
  maxOrderId: 0,
  maxTradeId: 0,
};

export function readVenueState(
  db: ReadonlyDb | WritableDb,
  venue: string,
  orderStatuses: readonly string[],
  eventKind: string,
): StoredVenueState {
  const instruments = db
    .prepare(
      `SELECT symbol, base_asset AS base, quote_asset AS quote, tick_size AS tickSize, lot_size AS lotSize
       FROM instruments WHERE venue = ? ORDER BY id`,
    )
    .all(venue) as StoredInstrument[];
  const accounts = db
    .prepare(
      'SELECT account_key AS key, name, kind, created_ts AS createdTs FROM accounts WHERE venue = ? ORDER BY id',
    )
    .all(venue) as StoredAccount[];
  const balanceChanges = db
    .prepare(
      `SELECT a.account_key AS account, b.asset, b.delta, b.reason, b.ts FROM balance_changes b
       JOIN accounts a ON a.id = b.account_id WHERE a.venue = ? ORDER BY b.id`,
    )
    .all(venue) as StoredBalanceChange[];
  const fills = db
    .prepare(
      `SELECT f.trade_id AS tradeId, f.ts, i.symbol AS instrument, f.price, f.quantity, f.taker_side AS takerSide,
              m.account_key AS maker, t.account_key AS taker, f.maker_order_id AS makerOrderId,
              f.taker_order_id AS takerOrderId, f.maker_fee AS makerFee, f.taker_fee AS takerFee
       FROM fills f
       JOIN instruments i ON i.id = f.instrument_id
       JOIN accounts m ON m.id = f.maker_account_id
       JOIN accounts t ON t.id = f.taker_account_id
       WHERE i.venue = ? ORDER BY f.id`,
    )
    .all(venue) as StoredFill[];
  if (eventKind === 'amended' || eventKind === 'fill')
    throw new Error(`order events of kind ${eventKind} are not indexed by order`);
  const orders = db
    .prepare(ordersWithLatestEventSql(orderStatuses.length))
    .all(eventKind, venue, ...orderStatuses) as StoredOrder[];
  const filledOrders = db
    .prepare(
      `SELECT o.order_id AS orderId, o.quantity, o.client_order_id AS clientOrderId FROM orders o
       WHERE o.venue = ? AND o.order_id IN (
         SELECT f.maker_order_id FROM fills f JOIN instruments i ON i.id = f.instrument_id WHERE i.venue = ?
         UNION SELECT f.taker_order_id FROM fills f JOIN instruments i ON i.id = f.instrument_id WHERE i.venue = ?)`,
    )
    .all(venue, venue, venue) as StoredOrderSize[];
  const maxOrderId =
    (db.prepare('SELECT MAX(order_id) AS m FROM orders WHERE venue = ?').get(venue) as { m: number | null })
      .m ?? 0;
  const maxTradeId =
    (
      db
        .prepare(
          'SELECT MAX(f.trade_id) AS m FROM fills f JOIN instruments i ON i.id = f.instrument_id WHERE i.venue = ?',
        )
        .get(venue) as { m: number | null }
    ).m ?? 0;
  return { instruments, accounts, balanceChanges, fills, orders, filledOrders, maxOrderId, maxTradeId };
}

/**
 * Orders of a venue in the given statuses (one `?` each, after the event kind and the venue), each
 * with the `reason` of its latest event of a kind. Exported for the query-plan test: the lookup
 * must go through order_events_state, not scan every event.
 */
export function ordersWithLatestEventSql(statuses: number): string {
  const placeholders = Array.from({ length: statuses }, () => '?').join(', ') || "''";
  return `SELECT o.order_id AS orderId, a.account_key AS account, i.symbol AS instrument, o.side, o.order_type AS orderType,
              o.tif, o.price, o.quantity, o.filled, o.status, o.client_order_id AS clientOrderId,
              o.created_ts AS createdTs, o.updated_ts AS updatedTs,
              (SELECT e.reason FROM order_events e WHERE e.venue = o.venue AND e.order_id = o.order_id AND e.kind = ?
                 AND e.kind NOT IN ('amended', 'fill') -- lets SQLite use order_events_state (ledger migration 3)
               ORDER BY e.id DESC LIMIT 1) AS lastEvent
       FROM orders o
       JOIN accounts a ON a.id = o.account_id
       JOIN instruments i ON i.id = o.instrument_id
       WHERE o.venue = ? AND o.status IN (${placeholders}) ORDER BY o.order_id`;
}

/**
 * Your fills from the ledger, across venues: fills where one side is your account (kind "user",
 * the simulated venue's "you"; on paper venues the account named "you"). Found through the
 * per-account fill indexes (your accounts are few), filtered in SQL by venue, symbol, your side and
 * time range, newest first. Rows stay decimal strings; the fee is yours (maker or taker).
 */
import type { ReadonlyDb, WritableDb } from '../db';

export interface FillQuery {
  readonly venue?: string | undefined;
  readonly symbol?: string | undefined;
  readonly side?: 'buy' | 'sell' | undefined;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly limit: number;
  /** Oldest first instead of newest first (exports). */
  readonly ascending?: boolean;
}

export interface StoredUserFill {
  readonly venue: string;
  readonly symbol: string;
  readonly tradeId: number;
  readonly orderId: number;
  readonly time: number;
  readonly side: 'buy' | 'sell';
  readonly price: string;
  readonly quantity: string;
  readonly fee: string;
  readonly feeAsset: string;
  readonly liquidity: 'maker' | 'taker';
}

const USER_ACCOUNTS = `SELECT id FROM accounts WHERE kind = 'user' OR name = 'you'`;

/** One arm per role: `role` is the column your account is in, `other` the counterparty's. */
function arm(role: 'maker' | 'taker'): string {
  const side = role === 'taker' ? 'f.taker_side' : "CASE f.taker_side WHEN 'buy' THEN 'sell' ELSE 'buy' END";
  return `SELECT i.venue AS venue, i.symbol AS symbol, f.trade_id AS tradeId, f.${role}_order_id AS orderId,
            f.ts AS time, ${side} AS side, f.price AS price, f.quantity AS quantity, f.${role}_fee AS fee,
            i.quote_asset AS feeAsset, '${role}' AS liquidity, f.id AS rowId
          FROM fills f JOIN instruments i ON i.id = f.instrument_id
          WHERE f.${role}_account_id IN (${USER_ACCOUNTS})
            AND (@venue IS NULL OR i.venue = @venue) AND (@symbol IS NULL OR i.symbol = @symbol)
            AND f.ts >= @from AND f.ts <= @to`;
}

export function readUserFills(db: ReadonlyDb | WritableDb, q: FillQuery): StoredUserFill[] {
  const order = q.ascending ? 'ASC' : 'DESC';
  const rows = db
    .prepare(
      `SELECT * FROM (${arm('taker')} UNION ALL ${arm('maker')})
       WHERE (@side IS NULL OR side = @side)
       ORDER BY time ${order}, rowId ${order} LIMIT @limit`,
    )
    .all({
      venue: q.venue ?? null,
      symbol: q.symbol ?? null,
      side: q.side ?? null,
      from: q.from ?? 0,
      to: q.to ?? Number.MAX_SAFE_INTEGER,
      limit: q.limit,
    }) as Array<StoredUserFill & { rowId?: number }>;
  return rows.map(({ rowId: _rowId, ...fill }) => fill);
}

/** Venues where you have at least one fill. */
export function userFillVenues(db: ReadonlyDb | WritableDb): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT i.venue AS venue FROM fills f JOIN instruments i ON i.id = f.instrument_id
       WHERE f.taker_account_id IN (${USER_ACCOUNTS}) OR f.maker_account_id IN (${USER_ACCOUNTS})
       ORDER BY i.venue`,
    )
    .all() as Array<{ venue: string }>;
  return rows.map((r) => r.venue);
}

/**
 * Market history reads: stored candles of a symbol, the candles a restarted recorder continues, the
 * time of the last stored print (prints up to it are not stored twice), and book snapshots. Rows
 * stay decimal strings.
 */
import type { ReadonlyDb, WritableDb } from '../db';

type Db = ReadonlyDb | WritableDb;

export interface StoredCandle {
  readonly openTime: number;
  readonly open: string;
  readonly high: string;
  readonly low: string;
  readonly close: string;
  readonly volume: string;
  readonly trades: number;
}

export interface CandleQuery {
  readonly venue: string;
  readonly symbol: string;
  readonly intervalSec: number;
  readonly from?: number | undefined;
  readonly to?: number | undefined;
  readonly limit: number;
}

const CANDLE_COLUMNS = 'open_ts AS openTime, open, high, low, close, volume, trades';

/** Candles in time order: the newest `limit` within [from, to]. */
export function readCandles(db: Db, q: CandleQuery): StoredCandle[] {
  const rows = db
    .prepare(
      `SELECT ${CANDLE_COLUMNS} FROM candles
       WHERE venue = ? AND instrument = ? AND interval_s = ? AND open_ts >= ? AND open_ts <= ?
       ORDER BY open_ts DESC LIMIT ?`,
    )
    .all(
      q.venue,
      q.symbol,
      q.intervalSec,
      q.from ?? 0,
      q.to ?? Number.MAX_SAFE_INTEGER,
      q.limit,
    ) as StoredCandle[];
  return rows.reverse();
}

/** The stored candle starting at `openTime`, if any. */
export function readCandleAt(
  db: Db,
  venue: string,
  symbol: string,
  intervalSec: number,
  openTime: number,
): StoredCandle | null {
  const row = db
    .prepare(
      `SELECT ${CANDLE_COLUMNS} FROM candles WHERE venue = ? AND instrument = ? AND interval_s = ? AND open_ts = ?`,
    )
    .get(venue, symbol, intervalSec, openTime);
  return (row as StoredCandle | undefined) ?? null;
}

export function lastPrintTime(db: Db, venue: string, symbol: string): number | null {
  const row = db
    .prepare('SELECT MAX(ts) AS t FROM prints WHERE venue = ? AND instrument = ?')
    .get(venue, symbol) as { t: number | null };
  return row.t;
}

export function tradeIdsAt(db: Db, venue: string, symbol: string, ts: number): Set<string> {
  const rows = db
    .prepare('SELECT trade_id AS id FROM prints WHERE venue = ? AND instrument = ? AND ts = ?')
    .all(venue, symbol, ts) as Array<{ id: string }>;
  return new Set(rows.map((r) => r.id));
}

export interface StoredBookSnapshot {
  readonly ts: number;
  readonly source: string;
  readonly bids: string;
  readonly asks: string;
}

export function readBookSnapshots(
  db: Db,
  venue: string,
  symbol: string,
  limit: number,
): StoredBookSnapshot[] {
  return db
    .prepare(
      `SELECT ts, source, bids, asks FROM book_snapshots WHERE venue = ? AND instrument = ?
       ORDER BY ts DESC LIMIT ?`,
    )
    .all(venue, symbol, limit) as StoredBookSnapshot[];
}

/** (venue, symbol) pairs with stored candles. */
export function candleMarkets(db: Db): Array<{ venue: string; symbol: string }> {
  return db
    .prepare(
      'SELECT DISTINCT venue, instrument AS symbol FROM candles WHERE interval_s = 60 ORDER BY venue, instrument',
    )
    .all() as Array<{ venue: string; symbol: string }>;
}

/**
 * CSV (RFC 4180) of history rows: a header line, then one line per row, CRLF line ends; a field
 * with a comma, quote or line break is quoted (quotes doubled). Numbers stay the decimal strings
 * they are stored as; times get an ISO 8601 UTC column next to the epoch milliseconds.
 */
import type { CandleView, HistoryFill } from '../../../src-shared/contract';

export function toCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [header.map(field).join(',')];
  for (const row of rows) lines.push(row.map(field).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export const FILL_CSV_HEADER = [
  'time_utc',
  'time_ms',
  'venue',
  'symbol',
  'side',
  'price',
  'quantity',
  'fee',
  'fee_asset',
  'liquidity',
  'order_id',
  'trade_id',
] as const;

export function fillRow(f: HistoryFill): string[] {
  return [
    new Date(f.time).toISOString(),
    String(f.time),
    f.venue,
    f.symbol,
    f.side,
    f.price,
    f.quantity,
    f.fee,
    f.feeAsset,
    f.liquidity,
    f.orderId,
    f.tradeId,
  ];
}

export const CANDLE_CSV_HEADER = [
  'open_time_utc',
  'open_time_ms',
  'open',
  'high',
  'low',
  'close',
  'volume',
  'trades',
] as const;

export function candleRow(c: CandleView): string[] {
  return [
    new Date(c.openTime).toISOString(),
    String(c.openTime),
    c.open,
    c.high,
    c.low,
    c.close,
    c.volume,
    String(c.trades),
  ];
}

/** A file name safe on every platform: letters, digits, dot, dash and underscore only. */
export function csvFilename(parts: readonly string[]): string {
  return `${parts.map((p) => p.replace(/[^A-Za-z0-9._-]+/g, '_')).join('-')}.csv`;
}

/**
 * Equity curves from the ledger's portfolio snapshots: per account of a venue (you, agents, bots),
 * in time order, thinned to at most `maxPoints` per account (evenly by index, always keeping the
 * last point). Equity stays a decimal string.
 */
import type { ReadonlyDb, WritableDb } from '../db';

export interface StoredEquitySeries {
  readonly agentId: string;
  readonly name: string;
  readonly kind: 'user' | 'agent' | 'bot';
  readonly points: Array<{ time: number; equity: string }>;
}

export function readEquity(
  db: ReadonlyDb | WritableDb,
  venue: string,
  range: { from?: number | undefined; to?: number | undefined },
  maxPoints: number,
): StoredEquitySeries[] {
  const rows = db
    .prepare(
      `SELECT a.account_key AS agentId, a.name, a.kind, p.ts AS time, p.equity
       FROM portfolio_snapshots p JOIN accounts a ON a.id = p.account_id
       WHERE a.venue = ? AND a.kind != 'venue' AND p.ts >= ? AND p.ts <= ?
       ORDER BY a.id, p.ts`,
    )
    .iterate(venue, range.from ?? 0, range.to ?? Number.MAX_SAFE_INTEGER) as IterableIterator<{
    agentId: string;
    name: string;
    kind: StoredEquitySeries['kind'];
    time: number;
    equity: string;
  }>;
  const series = new Map<string, StoredEquitySeries>();
  for (const row of rows) {
    let s = series.get(row.agentId);
    if (!s)
      series.set(row.agentId, (s = { agentId: row.agentId, name: row.name, kind: row.kind, points: [] }));
    s.points.push({ time: row.time, equity: row.equity });
  }
  return [...series.values()].map((s) => ({ ...s, points: thin(s.points, maxPoints) }));
}

/** At most `max` points, evenly spaced by index, the first and the last kept. */
export function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const out: T[] = [];
  const step = (points.length - 1) / (max - 1);
  for (let i = 0; i < max; i++) out.push(points[Math.round(i * step)]!);
  return out;
}

export function equityVenues(db: ReadonlyDb | WritableDb): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT a.venue AS venue FROM accounts a
       WHERE EXISTS (SELECT 1 FROM portfolio_snapshots p WHERE p.account_id = a.id) ORDER BY a.venue`,
    )
    .all() as Array<{ venue: string }>;
  return rows.map((r) => r.venue);
}

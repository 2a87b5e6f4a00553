/**
 * Retention of the market database: raw frames (and recordings that ended) and book snapshots older
 * than their configured age are deleted, at start-up and then every `pruneEveryMin`. Prints and
 * candles are kept (they are small and are the history the UI shows).
 */
import type { HistorySettings } from '../config/history-settings';
import type { MarketOp } from '../store/writer/ops';

const DAY_MS = 86_400_000;

export function retentionOps(retention: HistorySettings['retention'], now: number): MarketOp[] {
  return [
    { op: 'pruneFrames', before: Math.floor(now - retention.rawFramesDays * DAY_MS) },
    { op: 'pruneBookSnapshots', before: Math.floor(now - retention.bookSnapshotsDays * DAY_MS) },
  ];
}

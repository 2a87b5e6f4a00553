/** Prepared statements for market-history ops. */
import type Database from 'better-sqlite3';
import type { MarketOp } from './ops';

export function marketWriter(db: Database.Database): (op: MarketOp) => void {
  const print = db.prepare(
    'INSERT OR IGNORE INTO prints (venue, instrument, trade_id, ts, price, size, side) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const candle = db.prepare(
    `INSERT OR REPLACE INTO candles (venue, instrument, interval_s, open_ts, open, high, low, close, volume, trades)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const snapshot = db.prepare(
    'INSERT INTO book_snapshots (venue, instrument, ts, source, bids, asks) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const recording = db.prepare(
    `INSERT INTO recordings (id, label, started_ts, ended_ts, meta) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET label = excluded.label, ended_ts = excluded.ended_ts, meta = excluded.meta`,
  );
  const pruneRecordings = db.prepare('DELETE FROM recordings WHERE ended_ts IS NOT NULL AND ended_ts < ?');
  const prune = db.prepare('DELETE FROM raw_frames WHERE ts_recv < ?');
  const pruneSnapshots = db.prepare('DELETE FROM book_snapshots WHERE ts < ?');
  const closeOpen = db.prepare(
    `UPDATE recordings SET ended_ts = MAX(
       COALESCE((SELECT MAX(f.ts_recv) FROM raw_frames f WHERE f.recording_id = recordings.id), started_ts),
       COALESCE(json_extract(meta, '$.checkpointTs'), 0))
     WHERE ended_ts IS NULL`,
  );
  const frame = db.prepare(
    'INSERT INTO raw_frames (recording_id, venue, ts_recv, stream, payload) VALUES (?, ?, ?, ?, ?)',
  );
  return (op) => {
    switch (op.op) {
      case 'print':
        print.run(op.venue, op.instrument, op.tradeId, op.ts, op.price, op.size, op.side);
        return;
      case 'candle':
        candle.run(
          op.venue,
          op.instrument,
          op.intervalS,
          op.openTs,
          op.open,
          op.high,
          op.low,
          op.close,
          op.volume,
          op.trades,
        );
        return;
      case 'bookSnapshot':
        snapshot.run(op.venue, op.instrument, op.ts, op.source, op.bids, op.asks);
        return;
      case 'recording':
        recording.run(op.id, op.label, op.startedTs, op.endedTs, op.meta);
        return;
      case 'rawFrame':
        frame.run(op.recordingId, op.venue, op.tsRecv, op.stream, op.payload);
        return;
      case 'pruneFrames':
        // Recordings first: their frames go with them (ON DELETE CASCADE).
        pruneRecordings.run(op.before);
        prune.run(op.before);
        return;
      case 'pruneBookSnapshots':
        pruneSnapshots.run(op.before);
        return;
      case 'closeOpenRecordings':
        closeOpen.run();
        return;
    }
  };
}

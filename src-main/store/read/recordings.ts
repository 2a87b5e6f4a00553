/**
 * Recorded sessions in the market database: the list, one recording, its raw frames in receipt
 * order, read a page at a time so a replay never keeps a read transaction open for long (a reader
 * that holds one stops the WAL from being checkpointed), and the instruments it watched.
 */
import type { ReadonlyDb, WritableDb } from '../db';

export interface StoredRecording {
  readonly id: number;
  readonly label: string;
  readonly startedTs: number;
  readonly endedTs: number | null;
  /** JSON written by the recorder (see src-main/history/recording-meta.ts). */
  readonly meta: string;
  readonly frames: number;
}

export interface StoredFrame {
  readonly id: number;
  readonly venue: string;
  readonly tsRecv: number;
  readonly stream: string;
  readonly payload: string;
}

type Db = ReadonlyDb | WritableDb;

const RECORDING_COLUMNS = `r.id, r.label, r.started_ts AS startedTs, r.ended_ts AS endedTs, r.meta,
  (SELECT count(*) FROM raw_frames f WHERE f.recording_id = r.id) AS frames`;

export function listRecordings(db: Db, limit = 200): StoredRecording[] {
  return db
    .prepare(`SELECT ${RECORDING_COLUMNS} FROM recordings r ORDER BY r.id DESC LIMIT ?`)
    .all(limit) as StoredRecording[];
}

export function readRecording(db: Db, id: number): StoredRecording | null {
  const row = db.prepare(`SELECT ${RECORDING_COLUMNS} FROM recordings r WHERE r.id = ?`).get(id);
  return (row as StoredRecording | undefined) ?? null;
}

export function maxRecordingId(db: Db): number {
  return (db.prepare('SELECT MAX(id) AS m FROM recordings').get() as { m: number | null }).m ?? 0;
}

/** Frames of a recording after frame id `afterId`, in receipt order, at most `limit`. */
export function readFramePage(db: Db, recordingId: number, afterId: number, limit: number): StoredFrame[] {
  return db
    .prepare(
      `SELECT id, venue, ts_recv AS tsRecv, stream, payload FROM raw_frames
       WHERE recording_id = ? AND id > ? ORDER BY id LIMIT ?`,
    )
    .all(recordingId, afterId, limit) as StoredFrame[];
}

/** The `watch` frames of a recording (each payload is one recorded instrument). */
export function readWatchFrames(db: Db, recordingId: number): Array<{ venue: string; payload: string }> {
  return db
    .prepare(`SELECT venue, payload FROM raw_frames WHERE recording_id = ? AND stream = 'watch' ORDER BY id`)
    .all(recordingId) as Array<{ venue: string; payload: string }>;
}

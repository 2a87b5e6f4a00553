/**
 * Reads a venue's journal back in sequence order, streaming (a long session's journal never has to
 * fit in memory at once), through a read-only connection that is closed when iteration ends.
 */
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { openReadonly, type ReadonlyDb, type WritableDb } from '../db';
import { LEDGER_FILE } from '../open-store';

export interface JournalRow {
  readonly seq: number;
  readonly ts: number;
  readonly kind: string;
  readonly body: string;
}

export function* readJournal(
  dataDir: string,
  venue: string,
  nativeBinding?: string,
  uptoSeq = Number.MAX_SAFE_INTEGER,
): Generator<JournalRow> {
  const file = join(dataDir, LEDGER_FILE);
  if (!existsSync(file)) return;
  const db = openReadonly({ file, role: 'ledger', nativeBinding });
  try {
    const rows = db
      .prepare('SELECT seq, ts, kind, body FROM journal WHERE venue = ? AND seq <= ? ORDER BY seq')
      .iterate(venue, uptoSeq) as IterableIterator<JournalRow>;
    for (const row of rows) yield row;
  } finally {
    db.close();
  }
}

/**
 * Journal rows of a venue with `afterSeq < seq <= uptoSeq`, in order, at most `limit` (paged reads;
 * the writer thread pages its own connection through it to catch a projector up).
 */
export function readJournalPage(
  db: ReadonlyDb | WritableDb,
  venue: string,
  afterSeq: number,
  uptoSeq: number,
  limit: number,
): JournalRow[] {
  return db
    .prepare(
      'SELECT seq, ts, kind, body FROM journal WHERE venue = ? AND seq > ? AND seq <= ? ORDER BY seq LIMIT ?',
    )
    .all(venue, afterSeq, uptoSeq, limit) as JournalRow[];
}

/**
 * The writer thread: owns the writable connections and applies batches off the main thread, so
 * fsyncs never stall the engine or the UI. Batches that queue up while a commit is in progress are
 * drained and committed together (group commit). Journal entries of venues with a projector are
 * expanded into the rows they imply here (see projection.ts), in the same transaction. Reports each
 * commit, or the failure that rolled a batch back; after a failure it refuses further batches (the
 * main thread must rebuild state).
 *
 * `runWriterThread` is called by the thread's entry (src-main/app/store-writer-thread.ts), which
 * registers the projectors: the store knows no venue.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { WritableDb } from '../db';
import { readJournalPage } from '../read/journal';
import { LEDGER_FILE, MARKET_FILE, openStoreFiles } from '../open-store';
import { createApplier } from './apply';
import { ProjectionDeriver } from './derive';
import type { JournalEntry, Projectors } from './projection';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';
import { RowSink } from './row-sink';

const HISTORY_PAGE = 5_000;

/** A venue's journal before `beforeSeq`, paged so a long journal never sits in memory at once. */
function journalBefore(db: WritableDb) {
  return function* (venue: string, beforeSeq: number): Generator<JournalEntry> {
    let after = 0;
    for (;;) {
      const rows = readJournalPage(db, venue, after, beforeSeq - 1, HISTORY_PAGE);
      yield* rows;
      if (rows.length < HISTORY_PAGE) return;
      after = rows[rows.length - 1]!.seq;
    }
  };
}

export function runWriterThread(projectors: Projectors = {}): void {
  if (!parentPort) throw new Error('store writer must run in a worker thread');
  const port: MessagePort = parentPort;
  const config = workerData as WorkerConfig;
  const files = openStoreFiles(config.dataDir, config.nativeBinding);
  const applier = createApplier(files.ledger, files.market);
  const deriver = new ProjectionDeriver(projectors, journalBefore(files.ledger));
  let failed = false;
  const post = (message: FromWorker) => port.postMessage(message);
  const walLimit = config.walCheckpointBytes ?? 32 * 1024 * 1024;
  let lastWalCheck = 0;

  /**
   * SQLite's automatic checkpoints are PASSIVE: they cannot reset the WAL while readers hold
   * snapshots in it, so under a busy UI reader the -wal file grows without bound. Every half second,
   * a -wal file over the limit gets RESTART checkpoints. One RESTART backfills only up to the oldest
   * reader's snapshot and then waits for readers to leave the WAL, which a reader that keeps
   * re-opening transactions never does (measured: it times out every time). Retrying with a short
   * busy timeout works: the first attempt backfills what it can, readers move on, the next one
   * finishes.
   */
  function boundWal(): void {
    const now = Date.now();
    if (now - lastWalCheck < 500) return;
    lastWalCheck = now;
    for (const [db, file] of [
      [files.ledger, LEDGER_FILE],
      [files.market, MARKET_FILE],
    ] as const) {
      const wal = join(config.dataDir, `${file}-wal`);
      if (!existsSync(wal) || statSync(wal).size <= walLimit) continue;
      db.pragma('busy_timeout = 100');
      for (let attempt = 0; attempt < 5; attempt++) {
        const [result] = db.pragma('wal_checkpoint(RESTART)') as Array<{ busy: number }>;
        if (!result?.busy) break;
      }
      db.pragma('busy_timeout = 5000');
    }
  }

  function commit(first: Extract<ToWorker, { t: 'batch' }>): boolean {
    let ticket = first.ticket;
    let closing = false;
    let checkpointAfter = false;
    const start = process.hrtime.bigint();
    try {
      const written = applier.stream((write) => {
        const rows = new RowSink(write);
        for (const op of first.ops) deriver.add(op, rows);
        // Drain whatever else is already queued so it shares this commit.
        for (let next = receiveMessageOnPort(port); next; next = receiveMessageOnPort(port)) {
          const message = next.message as ToWorker;
          if (message.t === 'batch') {
            for (const op of message.ops) deriver.add(op, rows);
            ticket = message.ticket;
          } else if (message.t === 'checkpoint') {
            checkpointAfter = true;
          } else if (message.t === 'close') {
            closing = true;
            break;
          }
        }
        rows.end();
      });
      deriver.committed();
      post({
        t: 'committed',
        ticket,
        ops: written,
        micros: Number((process.hrtime.bigint() - start) / 1000n),
      });
      boundWal();
    } catch (cause) {
      failed = true;
      const code = (cause as { code?: unknown }).code;
      post({
        t: 'failed',
        ticket,
        message: String(cause),
        sqliteCode: typeof code === 'string' ? code : null,
      });
    }
    if (checkpointAfter) checkpoint();
    return closing;
  }

  function checkpoint(): void {
    const [row] = files.ledger.pragma('wal_checkpoint(TRUNCATE)') as Array<{ log: number }>;
    files.market.pragma('wal_checkpoint(TRUNCATE)');
    post({ t: 'checkpointed', walPages: row?.log ?? 0 });
  }

  function handle(message: ToWorker): void {
    if (message.t === 'close') return close();
    if (message.t === 'checkpoint') return checkpoint();
    if (failed) {
      post({
        t: 'failed',
        ticket: message.ticket,
        message: 'writer stopped after an earlier failure',
        sqliteCode: null,
      });
      return;
    }
    if (commit(message)) close();
  }

  function close(): void {
    files.close();
    post({ t: 'closed' });
    port.close();
  }

  port.on('message', (message: ToWorker) => handle(message));
  post({ t: 'ready', projects: deriver.venues });
}

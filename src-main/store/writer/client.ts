/**
 * Main-thread side of the store writer. Callers hand it row operations and get a ticket; ops written
 * in the same turn of the event loop travel as one batch (flushed on setImmediate), so a burst becomes
 * one transaction without adding a timer's latency. `whenCommitted(ticket)` resolves once everything
 * up to that ticket is durable; that is when an order may be acknowledged.
 *
 * Backpressure: `accepting` turns false when more than `maxPendingOps` are written but not committed;
 * callers must refuse new work (a retryable error) rather than queue without bound.
 *
 * Consecutive journal entries travel packed in columns (batch.ts); order rows are coalesced by the
 * writer thread (row-sink.ts).
 *
 * Venues listed in `derives` have a projector in the writer thread (projection.ts): they send only
 * their journal entries and the thread derives their rows.
 */
import { Worker } from 'node:worker_threads';
import { appError, err, ok, type AppError, type Result } from '../../../src-shared/result';
import type { EngineCommand } from '../../core/engine';
import { BatchBuilder } from './batch';
import type { FromWorker, ToWorker, WorkerConfig } from './protocol';
import type { WriteOp } from './ops';

export interface WorkerScript {
  /** Absolute path of the worker entry (the built JS; tests use a bootstrap that loads the TS). */
  readonly file: string;
  /** Arguments for the worker's process.argv (a test bootstrap takes the TS entry here). */
  readonly argv?: readonly string[];
}

export interface WriterOptions extends WorkerConfig {
  readonly script: WorkerScript;
  readonly maxPendingOps?: number;
  readonly maxBatchOps?: number;
}

export interface WriterStats {
  readonly committedOps: number;
  readonly commits: number;
  readonly pendingOps: number;
  readonly lastCommitMicros: number;
}

export class StoreWriter {
  private readonly buffer = new BatchBuilder();
  private ticket = 0;
  private sentTicket = 0;
  private committed = 0;
  private readonly pendingOpsByTicket = new Map<number, number>();
  private pendingOps = 0;
  private committedOps = 0;
  private commits = 0;
  private lastCommitMicros = 0;
  private flushScheduled = false;
  private failure: AppError | null = null;
  private readonly waiters: Array<{ ticket: number; resolve: (r: Result<void>) => void }> = [];
  private readonly failureListeners = new Set<(error: AppError) => void>();
  private closed: Promise<void> | null = null;
  private readonly maxPendingOps: number;
  private readonly maxBatchOps: number;

  private constructor(
    private readonly worker: Worker,
    options: WriterOptions,
    private readonly projected: ReadonlySet<string>,
  ) {
    this.maxPendingOps = options.maxPendingOps ?? 200_000;
    this.maxBatchOps = options.maxBatchOps ?? 20_000;
    worker.on('message', (message: FromWorker) => this.onMessage(message));
    worker.on('error', (error) => this.fail(appError('INTERNAL', `store writer crashed: ${error.message}`)));
  }

  static start(options: WriterOptions): Promise<StoreWriter> {
    const config: WorkerConfig = {
      dataDir: options.dataDir,
      nativeBinding: options.nativeBinding,
      walCheckpointBytes: options.walCheckpointBytes,
    };
    const worker = new Worker(options.script.file, {
      workerData: config,
      argv: [...(options.script.argv ?? [])],
    });
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      worker.once('error', onError);
      worker.once('message', (message: FromWorker) => {
        worker.off('error', onError);
        if (message.t === 'ready') resolve(new StoreWriter(worker, options, new Set(message.projects)));
        else reject(new Error(`store writer sent ${message.t} before ready`));
      });
    });
  }

  /** True when the writer thread derives this venue's rows from its journal entries. */
  derives(venue: string): boolean {
    return this.projected.has(venue);
  }

  /** False while too much is waiting to be committed, or after a failure. */
  get accepting(): boolean {
    return this.failure === null && this.pendingOps + this.buffer.length < this.maxPendingOps;
  }

  get failed(): AppError | null {
    return this.failure;
  }

  get committedTicket(): number {
    return this.committed;
  }

  stats(): WriterStats {
    return {
      committedOps: this.committedOps,
      commits: this.commits,
      pendingOps: this.pendingOps + this.buffer.length,
      lastCommitMicros: this.lastCommitMicros,
    };
  }

  /** Queues ops; returns the ticket that covers them. */
  write(ops: WriteOp | readonly WriteOp[]): number {
    if (Array.isArray(ops)) for (const op of ops as readonly WriteOp[]) this.buffer.push(op);
    else this.buffer.push(ops as WriteOp);
    return this.queued();
  }

  /** A new ticket for what was just buffered; sends at once when the batch is full. */
  private queued(): number {
    this.ticket += 1;
    if (this.buffer.length >= this.maxBatchOps) this.send();
    else this.scheduleFlush();
    return this.ticket;
  }

  /**
   * Queues one journal entry holding an engine command (as `write` of a journal op whose body is
   * the command's JSON, without building either: see BatchBuilder.pushCommand).
   */
  writeCommand(venue: string, seq: number, cmd: EngineCommand): number {
    this.buffer.pushCommand(venue, seq, cmd);
    return this.queued();
  }

  whenCommitted(ticket: number = this.ticket): Promise<Result<void>> {
    if (this.failure) return Promise.resolve(err(this.failure));
    if (ticket <= this.committed) return Promise.resolve(ok(undefined));
    return new Promise((resolve) => this.waiters.push({ ticket, resolve }));
  }

  /** Sends what is buffered and waits until it is committed. */
  flush(): Promise<Result<void>> {
    this.send();
    return this.whenCommitted(this.ticket);
  }

  onFailure(listener: (error: AppError) => void): () => void {
    this.failureListeners.add(listener);
    return () => this.failureListeners.delete(listener);
  }

  /** Asks the worker to checkpoint and truncate the WAL files; resolves with the ledger's frames. */
  checkpoint(): Promise<number> {
    return new Promise((resolve) => {
      const onMessage = (message: FromWorker) => {
        if (message.t !== 'checkpointed') return;
        this.worker.off('message', onMessage);
        resolve(message.walPages);
      };
      this.worker.on('message', onMessage);
      this.post({ t: 'checkpoint' });
    });
  }

  /** Flushes everything, closes the databases and stops the thread. Safe to call twice. */
  close(): Promise<void> {
    if (this.closed) return this.closed;
    this.send();
    this.closed = new Promise<void>((resolve) => {
      this.worker.once('exit', () => resolve());
      this.post({ t: 'close' });
    });
    return this.closed;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      this.send();
    });
  }

  private send(): void {
    if (this.buffer.length === 0 || this.sentTicket === this.ticket) return;
    const count = this.buffer.length;
    const ops = this.buffer.take();
    this.sentTicket = this.ticket;
    this.pendingOps += count;
    this.pendingOpsByTicket.set(this.ticket, count);
    this.post({ t: 'batch', ticket: this.ticket, ops });
  }

  private post(message: ToWorker): void {
    this.worker.postMessage(message);
  }

  private onMessage(message: FromWorker): void {
    if (message.t === 'committed') {
      for (const [ticket, count] of this.pendingOpsByTicket) {
        if (ticket > message.ticket) break;
        this.pendingOps -= count;
        this.pendingOpsByTicket.delete(ticket);
      }
      this.committed = message.ticket;
      this.committedOps += message.ops;
      this.commits += 1;
      this.lastCommitMicros = message.micros;
      this.releaseWaiters();
    } else if (message.t === 'failed') {
      const code = message.sqliteCode ? ` (${message.sqliteCode})` : '';
      this.fail(appError('UNAVAILABLE', `storage write failed${code}: ${message.message}`));
    }
  }

  private releaseWaiters(): void {
    let kept = 0;
    for (const waiter of this.waiters) {
      if (waiter.ticket <= this.committed) waiter.resolve(ok(undefined));
      else this.waiters[kept++] = waiter;
    }
    this.waiters.length = kept;
  }

  private fail(error: AppError): void {
    if (this.failure) return;
    this.failure = error;
    for (const waiter of this.waiters.splice(0)) waiter.resolve(err(error));
    for (const listener of this.failureListeners) listener(error);
  }
}

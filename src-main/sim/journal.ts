/**
 * Where the simulated venue's command pipeline writes: a journal of every state-changing command
 * plus its ledger projections, each `write` one group that commits atomically (the store writer
 * batches groups written in the same turn into one transaction). A ticket identifies a write;
 * `whenCommitted(ticket)` resolves once it and everything before it is durable.
 *
 * Two implementations: `StoreJournal` over the SQLite store writer (the app), and `MemoryJournal`
 * (settings `sim.persistence: "memory"`, tests, benchmarks), which commits instantly and can keep
 * what it was given so tests can replay it.
 */
import type { Result } from '../../src-shared/result';
import { commandJson, type EngineCommand } from '../core/engine';
import { ok } from '../../src-shared/result';
import type { StoreWriter } from '../store/writer/client';
import type { LedgerOp } from '../store/writer/ops';
import { SIM_VENUE } from './rows';

export interface Journal {
  /** False for a journal that keeps nothing: the pipeline then builds no entries or projections. */
  readonly records: boolean;
  /**
   * True when the journal derives the ledger rows from the entries itself (the store writer's
   * projector, see store/writer/projection.ts): the pipeline then writes only the entries.
   */
  readonly derivesRows: boolean;
  /** True when writes are acknowledged immediately (no Promise needed). */
  readonly synchronous: boolean;
  /** False under backpressure or after a failure: refuse new commands (retryable). */
  readonly accepting: boolean;
  /** Why writes stopped for good, or null. */
  readonly failure: string | null;
  /** Queues one atomic group; returns its ticket. */
  write(ops: LedgerOp[]): number;
  /**
   * Queues the journal entry of an engine command alone (a group of one: the entry whose body is
   * `commandJson(cmd)`); returns its ticket.
   */
  command(seq: number, cmd: EngineCommand): number;
  /** The ticket of the last write (0 before any). */
  readonly lastTicket: number;
  /** Every write up to this ticket is durable. */
  readonly committedTicket: number;
  whenCommitted(ticket: number): Promise<Result<void>>;
  onFailure(listener: (message: string) => void): () => void;
  /** Waits for everything written so far. */
  flush(): Promise<Result<void>>;
}

export class MemoryJournal implements Journal {
  readonly records: boolean = true;
  readonly derivesRows = false;
  readonly synchronous = true;
  readonly accepting = true;
  readonly failure = null;
  private ticket = 0;
  /** Every op written, when constructed with `keep` (tests replay these). */
  readonly kept: LedgerOp[] | null;

  constructor(options: { keep?: boolean } = {}) {
    this.kept = options.keep ? [] : null;
  }

  get lastTicket(): number {
    return this.ticket;
  }

  get committedTicket(): number {
    return this.ticket;
  }

  write(ops: LedgerOp[]): number {
    if (this.kept) for (const op of ops) this.kept.push(op);
    return ++this.ticket;
  }

  command(seq: number, cmd: EngineCommand): number {
    return this.write([
      { op: 'journal', venue: SIM_VENUE, seq, ts: cmd.ts, kind: cmd.kind, body: commandJson(cmd) },
    ]);
  }

  whenCommitted(): Promise<Result<void>> {
    return Promise.resolve(ok(undefined));
  }

  onFailure(): () => void {
    return () => {};
  }

  flush(): Promise<Result<void>> {
    return Promise.resolve(ok(undefined));
  }
}

/** Keeps nothing (settings `sim.persistence: "memory"` without replay needs, benchmarks' baseline). */
export class NullJournal extends MemoryJournal {
  override readonly records: boolean = false;
}

export class StoreJournal implements Journal {
  readonly records = true;
  readonly synchronous = false;
  readonly derivesRows: boolean;
  private ticket = 0;

  constructor(private readonly writer: StoreWriter) {
    this.derivesRows = writer.derives(SIM_VENUE);
  }

  get accepting(): boolean {
    return this.writer.accepting;
  }

  get failure(): string | null {
    return this.writer.failed?.message ?? null;
  }

  get lastTicket(): number {
    return this.ticket;
  }

  get committedTicket(): number {
    return this.writer.committedTicket;
  }

  write(ops: LedgerOp[]): number {
    this.ticket = this.writer.write(ops);
    return this.ticket;
  }

  command(seq: number, cmd: EngineCommand): number {
    this.ticket = this.writer.writeCommand(SIM_VENUE, seq, cmd);
    return this.ticket;
  }

  whenCommitted(ticket: number): Promise<Result<void>> {
    return this.writer.whenCommitted(ticket);
  }

  onFailure(listener: (message: string) => void): () => void {
    return this.writer.onFailure((error) => listener(error.message));
  }

  flush(): Promise<Result<void>> {
    return this.writer.flush();
  }
}

/**
 * The pipeline's journal before storage is open: refuses writes loudly (nothing may be journaled
 * before the venue has replayed), then delegates to the real journal once `attach` is called.
 */
export class JournalSlot implements Journal {
  private inner: Journal | null = null;

  attach(journal: Journal): void {
    this.inner = journal;
  }

  get attached(): boolean {
    return this.inner !== null;
  }

  private get j(): Journal {
    if (!this.inner) throw new Error('the journal is not open yet');
    return this.inner;
  }

  get records(): boolean {
    return this.inner?.records ?? true;
  }
  get synchronous(): boolean {
    return this.inner?.synchronous ?? false;
  }
  get derivesRows(): boolean {
    return this.inner?.derivesRows ?? false;
  }
  get accepting(): boolean {
    return this.inner?.accepting ?? false;
  }
  get failure(): string | null {
    return this.inner?.failure ?? null;
  }
  get lastTicket(): number {
    return this.inner?.lastTicket ?? 0;
  }
  get committedTicket(): number {
    return this.inner?.committedTicket ?? 0;
  }
  write(ops: LedgerOp[]): number {
    return this.j.write(ops);
  }
  command(seq: number, cmd: EngineCommand): number {
    return this.j.command(seq, cmd);
  }
  whenCommitted(ticket: number): Promise<Result<void>> {
    return this.inner ? this.inner.whenCommitted(ticket) : Promise.resolve(ok(undefined));
  }
  onFailure(listener: (message: string) => void): () => void {
    return this.j.onFailure(listener);
  }
  flush(): Promise<Result<void>> {
    return this.inner ? this.inner.flush() : Promise.resolve(ok(undefined));
  }
}

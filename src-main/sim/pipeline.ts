/**
 * THE command pipeline of the simulated venue: every engine command that changes state passes
 * here, from bots, the user, the built-in agents and the venue's own set-up alike. For an accepted
 * command it assigns the next journal sequence number (gapless, from 1), and writes the command's
 * plain JSON (`EngineCommand`, the same object `Engine.execute` takes) plus its ledger projections
 * as one atomic group; a rejected command changes nothing and is not journaled. When the journal
 * derives the projections itself (the SQLite store's writer thread runs a replica, projector.ts),
 * only the entry is written (`Journal.command`: the writer client packs amends as numbers and the
 * writer thread writes their text): this thread builds no rows. Sim entries (genesis,
 * news, model checkpoints) share the same sequence, so one ordered log rebuilds the whole venue.
 *
 * While replaying, commands run through the same engine and bookkeeping but nothing is written and
 * no event is published; each replayed command must be accepted again (the engine is deterministic),
 * otherwise the journal does not belong to this engine and replay stops loudly.
 */
import {
  commandJson,
  EventRecorder,
  type Engine,
  type EngineCommand,
  type EngineResult,
} from '../core/engine';
import type { LedgerOp } from '../store/writer/ops';
import type { Journal } from './journal';
import type { LiveOrder } from './orders';
import { SIM_VENUE, type EventProcessor, type Outputs } from './processor';

export interface Executed<T> {
  readonly result: EngineResult<T>;
  /** The journal ticket covering this command (the last one before it when rejected). */
  readonly ticket: number;
  /** Orders the command touched, in their state after it (empty when rejected). */
  readonly orders: readonly LiveOrder[];
}

export type OutputListener = (outputs: Outputs, ticket: number) => void;

export class CommandPipeline {
  private seq = 0;
  private readonly recorder = new EventRecorder();
  private readonly listeners = new Set<OutputListener>();
  private readonly replayListeners = new Set<(outputs: Outputs) => void>();
  private replaying = false;
  commands = 0;

  constructor(
    readonly engine: Engine,
    readonly journal: Journal,
    private readonly processor: EventProcessor,
  ) {
    engine.setSink(this.recorder);
  }

  get lastSeq(): number {
    return this.seq;
  }

  /** Outputs of replayed commands (trades for candles and tapes; no events, no ops). */
  onReplay(listener: (outputs: Outputs) => void): () => void {
    this.replayListeners.add(listener);
    return () => this.replayListeners.delete(listener);
  }

  onOutput(listener: OutputListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  execute<T = unknown>(cmd: EngineCommand): Executed<T> {
    const result = this.engine.execute(cmd) as EngineResult<T>;
    const events = this.recorder.take();
    if (!result.ok) return { result, ticket: this.journal.lastTicket, orders: [] };
    this.commands += 1;
    this.seq += 1;
    if (this.replaying) {
      const replayed = this.processor.process(events, { ops: false, events: false });
      for (const listener of this.replayListeners) listener(replayed);
      return { result, ticket: 0, orders: replayed.orders };
    }
    const journal = this.journal;
    const rows = journal.records && !journal.derivesRows;
    const outputs = this.processor.process(events, { ops: rows, events: this.listeners.size > 0 });
    let ticket = journal.lastTicket;
    if (rows) {
      const entry: LedgerOp = {
        op: 'journal',
        venue: SIM_VENUE,
        seq: this.seq,
        ts: cmd.ts,
        kind: cmd.kind,
        body: commandJson(cmd),
      };
      outputs.ops!.unshift(entry);
      ticket = journal.write(outputs.ops!);
    } else if (journal.records) ticket = journal.command(this.seq, cmd);
    for (const listener of this.listeners) listener(outputs, ticket);
    return { result, ticket, orders: outputs.orders };
  }

  /** Journals a venue entry that is not an engine command (kind "sim.*"), with extra projections. */
  append(kind: `sim.${string}`, ts: number, body: unknown, extra: LedgerOp[] = []): number {
    if (this.replaying) throw new Error('cannot append while replaying');
    this.seq += 1;
    if (!this.journal.records) return this.journal.lastTicket;
    const op: LedgerOp = {
      op: 'journal',
      venue: SIM_VENUE,
      seq: this.seq,
      ts,
      kind,
      body: JSON.stringify(body),
    };
    return this.journal.write([op, ...extra]);
  }

  /** Writes projections that are not journal entries (e.g. portfolio snapshots). */
  project(ops: LedgerOp[]): number {
    if (!this.journal.records) return this.journal.lastTicket;
    return this.journal.write(ops);
  }

  /** Runs `fn` with journaling and events off; entries must arrive in sequence order from 1. */
  replay(fn: (apply: (seq: number, kind: string, body: string) => unknown) => void): void {
    this.replaying = true;
    try {
      fn((seq, kind, body) => {
        if (seq !== this.seq + 1) throw new Error(`journal gap: expected seq ${this.seq + 1}, found ${seq}`);
        if (kind.startsWith('sim.')) {
          this.seq = seq;
          return JSON.parse(body) as unknown;
        }
        const cmd = JSON.parse(body) as EngineCommand;
        if (cmd.kind !== kind) throw new Error(`journal entry ${seq}: kind ${kind} but body is ${cmd.kind}`);
        const { result } = this.execute(cmd);
        if (!result.ok)
          throw new Error(`journal entry ${seq} (${kind}) was rejected on replay: ${result.error}`);
        return cmd;
      });
    } finally {
      this.replaying = false;
    }
  }
}

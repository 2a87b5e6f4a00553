/**
 * The simulated venue's ledger rows, derived in the store writer thread from its journal (see
 * src-main/store/writer/projection.ts): a replica of the venue's engine and bookkeeping (the same
 * Engine, EventProcessor, AccountBook and OrderRegistry the venue runs, built from the genesis
 * entry) executes each journaled command and produces exactly the rows the venue used to build on
 * its own thread. The engine is deterministic and the journal gapless, so the replica is always in
 * the state the venue was in when it journaled the entry.
 *
 * `sim.genesis` builds the replica; other `sim.*` entries change no engine state (their rows, news
 * and instruments, travel with them explicitly). A gap, a command before genesis or a command the
 * replica rejects means the journal and the venue disagree: it throws (the writer stops).
 */
import { Engine, EventRecorder, type EngineCommand } from '../core/engine';
import type { LedgerOp } from '../store/writer/ops';
import type { JournalEntry, Projector } from '../store/writer/projection';
import { AccountBook } from './accounts';
import { valuationOf, type Genesis } from './config';
import { decimalSource } from './decimal-source';
import { OrderRegistry } from './orders';
import { EventProcessor } from './processor';

interface Replica {
  readonly engine: Engine;
  readonly recorder: EventRecorder;
  readonly processor: EventProcessor;
}

export class SimProjector implements Projector {
  private replica: Replica | null = null;
  private seq = 0;

  /** A projector caught up with `history` (the venue's journal so far), producing no rows for it. */
  static from(history: Iterable<JournalEntry>): SimProjector {
    const projector = new SimProjector();
    for (const entry of history) projector.apply(entry, false);
    return projector;
  }

  project(entry: JournalEntry): readonly LedgerOp[] {
    return this.apply(entry, true);
  }

  private apply(entry: JournalEntry, produce: boolean): readonly LedgerOp[] {
    if (entry.seq !== this.seq + 1)
      throw new Error(`sim projector: journal entry ${entry.seq} does not follow ${this.seq}`);
    this.seq = entry.seq;
    if (entry.kind === 'sim.genesis') {
      if (this.replica) throw new Error(`sim projector: a second genesis at entry ${entry.seq}`);
      this.replica = replicaOf(JSON.parse(entry.body) as Genesis);
      return [];
    }
    if (entry.kind.startsWith('sim.')) return [];
    const replica = this.replica;
    if (!replica) throw new Error(`sim projector: command ${entry.seq} (${entry.kind}) before genesis`);
    const result = replica.engine.execute(entry.command ?? (JSON.parse(entry.body) as EngineCommand));
    const events = replica.recorder.take();
    if (!result.ok)
      throw new Error(`sim projector: entry ${entry.seq} (${entry.kind}) was rejected: ${result.error}`);
    return replica.processor.process(events, { ops: produce, events: false }).ops ?? [];
  }
}

function replicaOf(genesis: Genesis): Replica {
  const engine = new Engine({ assets: genesis.assets, instruments: genesis.instruments });
  const recorder = new EventRecorder();
  engine.setSink(recorder);
  const processor = new EventProcessor(
    decimalSource(engine),
    new AccountBook(valuationOf(genesis)),
    new OrderRegistry(),
  );
  return { engine, recorder, processor };
}

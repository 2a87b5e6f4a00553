/**
 * Projections derived in the writer thread. A venue whose journal fully determines its ledger rows
 * (the simulated venue: a deterministic engine behind a gapless journal) registers a projector with
 * the writer thread; the venue's thread then sends only its journal entries, and the writer turns
 * each entry into the rows it implies (orders, order events, fills, accounts, balance changes) and
 * commits them in the same transaction as the entry. The engine's thread no longer builds, clones
 * and posts a handful of rows per command; an entry and its rows still commit together or not at
 * all, so what an acknowledgement promises is unchanged.
 *
 * A projector is built from the venue's journal already on disk (replayed without producing rows),
 * then fed every new entry in sequence. It throws on an entry that does not follow (a gap, a
 * command its replica rejects): that is a broken invariant, the batch rolls back and the writer
 * stops, like any failed write.
 */
import type { EngineCommand } from '../../core/engine';
import type { LedgerOp } from './ops';

export interface JournalEntry {
  readonly seq: number;
  readonly ts: number;
  readonly kind: string;
  readonly body: string;
  /** `body` parsed, when the writer has it already (a packed amend, see batch.ts). */
  readonly command?: EngineCommand;
}

export interface Projector {
  /** Rows implied by the next journal entry, in write order (the entry's own row excluded). */
  project(entry: JournalEntry): readonly LedgerOp[];
}

/** Builds a venue's projector from its journal so far (sequence order, from 1). */
export type ProjectorFactory = (history: Iterable<JournalEntry>) => Projector;

/** Projector factories by venue, given to the writer thread at start. */
export type Projectors = Readonly<Record<string, ProjectorFactory>>;

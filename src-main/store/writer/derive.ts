/**
 * The writer thread's side of derived projections (see projection.ts): expands each journal entry
 * of a projected venue into the entry plus the rows its projector derives, in batch order. A
 * venue's projector is built lazily at its first new entry, from the journal already on disk (every
 * earlier entry is committed by then: entries arrive in sequence order and a batch that failed
 * stops the writer). `resetVenue` drops the venue's projector; until that batch commits the old
 * rows are still on disk, so the next projector of that venue starts from an empty history.
 */
import { unpackRun } from './batch';
import type { JournalEntry, Projector, Projectors } from './projection';
import type { OpSink } from './row-sink';
import type { WriteOp } from './ops';

/** A venue's journal entries with seq below `beforeSeq`, in order. */
export type HistorySource = (venue: string, beforeSeq: number) => Iterable<JournalEntry>;

export class ProjectionDeriver {
  private readonly live = new Map<string, Projector>();
  /** Venues reset in the batch being assembled: their history on disk is about to be deleted. */
  private readonly reset = new Set<string>();

  constructor(
    private readonly projectors: Projectors,
    private readonly history: HistorySource,
  ) {}

  /** Venues whose journal entries this writer turns into rows. */
  get venues(): string[] {
    return Object.keys(this.projectors);
  }

  /** Adds `op` to the batch, followed by the rows it implies. Throws when an entry does not follow. */
  add(op: WriteOp, batch: OpSink): void {
    if (op.op === 'journalRun' && this.projectors[op.venue]) {
      // One entry at a time: a run holds thousands, which must not all be alive at once.
      unpackRun(op, (entry) => this.addEntry(entry, batch));
      return;
    }
    if (op.op === 'journal') return this.addEntry(op, batch);
    batch.push(op);
    if (op.op === 'resetVenue') {
      this.live.delete(op.venue);
      this.reset.add(op.venue);
    }
  }

  private addEntry(entry: JournalEntry & WriteOp & { op: 'journal' }, batch: OpSink): void {
    const venue = entry.venue;
    batch.push(entry);
    const factory = this.projectors[venue];
    if (!factory) return;
    let projector = this.live.get(venue);
    if (!projector) {
      projector = factory(this.reset.has(venue) ? [] : this.history(venue, entry.seq));
      this.live.set(venue, projector);
    }
    for (const row of projector.project(entry)) batch.push(row);
  }

  /** The batch committed: what was reset is gone from disk too. */
  committed(): void {
    this.reset.clear();
  }
}

/**
 * The ops of one batch, in write order, shaped to be cheap to post to the writer thread:
 * consecutive journal entries of one venue are packed into one `journalRun` (columns), far cheaper
 * to clone than one object per entry. Order between entries and other ops is kept. (Order rows are
 * coalesced in the writer thread, across everything one commit groups: row-sink.ts.)
 */
import type { WriteOp } from './ops';

type JournalRun = Extract<WriteOp, { op: 'journalRun' }>;

export class BatchBuilder {
  private ops: WriteOp[] = [];
  private count = 0;

  /** Ops in the batch, each journal entry counted (backpressure counts entries, not runs). */
  get length(): number {
    return this.count;
  }

  push(op: WriteOp): void {
    if (op.op === 'journal') return this.pushEntry(op);
    this.ops.push(op);
    this.count += op.op === 'journalRun' ? op.seq.length : 1;
  }

  /** The ops so far; the builder starts empty again. */
  take(): WriteOp[] {
    const ops = this.ops;
    this.ops = [];
    this.count = 0;
    return ops;
  }

  private pushEntry(entry: Extract<WriteOp, { op: 'journal' }>): void {
    const last = this.ops[this.ops.length - 1];
    let run: JournalRun;
    if (last?.op === 'journalRun' && last.venue === entry.venue) run = last;
    else {
      run = { op: 'journalRun', venue: entry.venue, seq: [], ts: [], kind: [], body: [] };
      this.ops.push(run);
    }
    run.seq.push(entry.seq);
    run.ts.push(entry.ts);
    run.kind.push(entry.kind);
    run.body.push(entry.body);
    this.count += 1;
  }
}

/**
 * The ops of one batch, in write order, shaped to be cheap to post to the writer thread and to
 * write:
 * - order rows are upserts (the latest state wins), so an `order` op for an order that already has
 *   a row in the batch replaces that row in place instead of adding one: a quote amended many times
 *   before a commit costs one row. Everything in a batch commits together, so the outcome is the
 *   same as writing every row;
 * - consecutive journal entries of one venue are packed into one `journalRun` (columns), far
 *   cheaper to clone than one object per entry. Order between entries and other ops is kept.
 */
import type { WriteOp } from './ops';

type JournalRun = Extract<WriteOp, { op: 'journalRun' }>;

export class BatchBuilder {
  private ops: WriteOp[] = [];
  /** venue -> order id -> index in `ops` of that order's row. */
  private slots = new Map<string, Map<number, number>>();
  private count = 0;

  /** Ops in the batch, each journal entry counted (backpressure counts entries, not runs). */
  get length(): number {
    return this.count;
  }

  push(op: WriteOp): void {
    if (op.op === 'journal') return this.pushEntry(op);
    if (op.op === 'order') {
      let venue = this.slots.get(op.venue);
      if (!venue) this.slots.set(op.venue, (venue = new Map()));
      const at = venue.get(op.row.orderId);
      if (at !== undefined) {
        this.ops[at] = op;
        return;
      }
      venue.set(op.row.orderId, this.ops.length);
    }
    this.ops.push(op);
    this.count += op.op === 'journalRun' ? op.seq.length : 1;
  }

  /** The ops so far; the builder starts empty again. */
  take(): WriteOp[] {
    const ops = this.ops;
    this.ops = [];
    this.slots = new Map();
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

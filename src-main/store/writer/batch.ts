/**
 * The ops of one batch, in write order. Order rows are upserts (the latest state wins), so an
 * `order` op for an order that already has a row in the batch replaces that row in place instead of
 * adding one: a quote amended many times before a commit costs one row. Everything in a batch
 * commits together, so the outcome is the same as writing every row.
 */
import type { WriteOp } from './ops';

export class BatchBuilder {
  private ops: WriteOp[] = [];
  /** venue -> order id -> index in `ops` of that order's row. */
  private slots = new Map<string, Map<number, number>>();

  get length(): number {
    return this.ops.length;
  }

  push(op: WriteOp): void {
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
  }

  /** The ops so far; the builder starts empty again. */
  take(): WriteOp[] {
    const ops = this.ops;
    this.ops = [];
    this.slots = new Map();
    return ops;
  }
}

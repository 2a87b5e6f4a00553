/**
 * Where the writer thread hands the rows of a batch: straight to the transaction, except order rows.
 * Those are upserts (the latest state wins) and a batch touches the same orders over and over (a
 * market maker re-quoting), so each order's last row is kept and written once, at the end of the
 * batch, or before a `resetVenue` of its venue (which must not be undone by rows from before it).
 * Orders reference only accounts and instruments, which exist by then; nothing references orders.
 */
import type { WriteOp } from './ops';

type OrderOp = Extract<WriteOp, { op: 'order' }>;

export interface OpSink {
  push(op: WriteOp): void;
}

export class RowSink implements OpSink {
  private readonly orders = new Map<string, Map<number, OrderOp>>();

  constructor(private readonly write: (op: WriteOp) => void) {}

  push(op: WriteOp): void {
    if (op.op === 'order') {
      let venue = this.orders.get(op.venue);
      if (!venue) this.orders.set(op.venue, (venue = new Map()));
      venue.set(op.row.orderId, op);
      return;
    }
    if (op.op === 'resetVenue') this.flushVenue(op.venue);
    this.write(op);
  }

  /** Writes the order rows still held (end of the batch). */
  end(): void {
    for (const venue of [...this.orders.keys()]) this.flushVenue(venue);
  }

  private flushVenue(venue: string): void {
    const rows = this.orders.get(venue);
    if (!rows) return;
    this.orders.delete(venue);
    for (const op of rows.values()) this.write(op);
  }
}

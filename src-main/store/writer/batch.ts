/**
 * The ops of one batch, in write order, shaped to be cheap to build and post on the engine's
 * thread: consecutive journal entries of one venue are packed into one `journalRun` (see ops.ts),
 * amends as numbers. Order between entries and other ops is kept. (Order rows are coalesced in the
 * writer thread, across everything one commit groups: row-sink.ts.)
 */
import { commandJson, type AmendOrder, type EngineCommand } from '../../core/engine';
import type { WriteOp } from './ops';

type JournalRun = Extract<WriteOp, { op: 'journalRun' }>;
type JournalOp = Extract<WriteOp, { op: 'journal' }>;
type Amend = AmendOrder & { readonly kind: 'amend' };

/** Numbers per packed amend in `amends`: account, order id, price, quantity. */
const AMEND_WIDTH = 4;

export class BatchBuilder {
  private ops: WriteOp[] = [];
  private count = 0;
  /** The run being collected (its entries go after `ops`), or none when `runVenue` is null. */
  private runVenue: string | null = null;
  private seq: number[] = [];
  private ts: number[] = [];
  private kinds: string[] = [];
  private bodies: string[] = [];
  private packed: number[] = [];
  private amends: number[] = [];

  /** Ops in the batch, each journal entry counted (backpressure counts entries, not runs). */
  get length(): number {
    return this.count;
  }

  push(op: WriteOp): void {
    if (op.op === 'journal') return this.pushEntry(op.venue, op.seq, op.ts, op.kind, op.body);
    this.closeRun();
    this.ops.push(op);
    this.count += op.op === 'journalRun' ? op.seq.length : 1;
  }

  /** A journal entry, without building its op object. */
  pushEntry(venue: string, seq: number, ts: number, kind: string, body: string): void {
    this.open(venue, seq, ts, kind);
    this.bodies.push(body);
    this.packed.push(0);
  }

  /**
   * An engine command's journal entry: an amend whose fields are all safe integers as numbers,
   * anything else as its JSON text (`commandJson`, what the writer thread writes for both).
   */
  pushCommand(venue: string, seq: number, cmd: EngineCommand): void {
    if (cmd.kind !== 'amend' || !packable(cmd)) {
      return this.pushEntry(venue, seq, cmd.ts, cmd.kind, commandJson(cmd));
    }
    this.open(venue, seq, cmd.ts, cmd.kind);
    this.bodies.push('');
    this.packed.push(1);
    this.amends.push(cmd.account, cmd.orderId, cmd.price ?? NaN, cmd.qty ?? NaN);
  }

  /** The ops so far; the builder starts empty again. */
  take(): WriteOp[] {
    this.closeRun();
    const ops = this.ops;
    this.ops = [];
    this.count = 0;
    return ops;
  }

  private open(venue: string, seq: number, ts: number, kind: string): void {
    if (this.runVenue !== venue) {
      this.closeRun();
      this.runVenue = venue;
    }
    this.seq.push(seq);
    this.ts.push(ts);
    this.kinds.push(kind);
    this.count += 1;
  }

  private closeRun(): void {
    const venue = this.runVenue;
    if (venue === null) return;
    const n = this.seq.length;
    const kindEnd = new Float64Array(n);
    const bodyEnd = new Float64Array(n);
    let k = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      k += this.kinds[i]!.length;
      kindEnd[i] = k;
      b += this.bodies[i]!.length;
      bodyEnd[i] = b;
    }
    this.ops.push({
      op: 'journalRun',
      venue,
      seq: new Float64Array(this.seq),
      ts: new Float64Array(this.ts),
      kinds: this.kinds.join(''),
      kindEnd,
      bodies: this.bodies.join(''),
      bodyEnd,
      packed: new Uint8Array(this.packed),
      amends: new Float64Array(this.amends),
    });
    this.runVenue = null;
    this.seq = [];
    this.ts = [];
    this.kinds = [];
    this.bodies = [];
    this.packed = [];
    this.amends = [];
  }
}

function packable(cmd: Amend): boolean {
  return (
    Number.isSafeInteger(cmd.account) &&
    Number.isSafeInteger(cmd.orderId) &&
    (cmd.price === undefined || Number.isSafeInteger(cmd.price)) &&
    (cmd.qty === undefined || Number.isSafeInteger(cmd.qty))
  );
}

/**
 * The entries of a run, as the journal ops they were written as; a packed amend comes back with its
 * text (`commandJson`) and its command object.
 */
export function unpackRun(run: JournalRun): JournalOp[] {
  const entries: JournalOp[] = new Array<JournalOp>(run.seq.length);
  let k = 0;
  let b = 0;
  let a = 0;
  for (let i = 0; i < run.seq.length; i++) {
    const kindEnd = run.kindEnd[i]!;
    const bodyEnd = run.bodyEnd[i]!;
    const seq = run.seq[i]!;
    const ts = run.ts[i]!;
    const kind = run.kinds.slice(k, kindEnd);
    if (run.packed[i] === 1) {
      const command = amendOf(run.amends, a, ts);
      a += AMEND_WIDTH;
      entries[i] = { op: 'journal', venue: run.venue, seq, ts, kind, body: commandJson(command), command };
    } else {
      entries[i] = { op: 'journal', venue: run.venue, seq, ts, kind, body: run.bodies.slice(b, bodyEnd) };
    }
    k = kindEnd;
    b = bodyEnd;
  }
  return entries;
}

/** The amend at `at` in `amends` (absent price or quantity: NaN there, no key here). */
function amendOf(amends: Float64Array, at: number, ts: number): Amend {
  const amend: { -readonly [K in keyof Amend]: Amend[K] } = {
    kind: 'amend',
    account: amends[at]!,
    orderId: amends[at + 1]!,
    ts,
  };
  const price = amends[at + 2]!;
  const qty = amends[at + 3]!;
  if (!Number.isNaN(price)) amend.price = price;
  if (!Number.isNaN(qty)) amend.qty = qty;
  return amend;
}

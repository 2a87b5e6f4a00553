/**
 * The ops of one batch, in write order, shaped to be cheap to build and post on the engine's
 * thread: consecutive journal entries of one venue are packed into one `journalRun` (see ops.ts):
 * amends, placements and cancels as numbers, their few strings and every other entry's kind and
 * body as text. Order between entries and other ops is kept. (Order rows are coalesced in the
 * writer thread, across everything one commit groups: row-sink.ts.)
 *
 * A run's numbers (`runNumbers`) hold, per entry, its seq, ts and form, then the form's fields:
 * - TEXT   kind length, body length (kind then body in `text`);
 * - AMEND  account, order id, price, quantity;
 * - PLACE  account, side, type, time in force, price, quantity, instrument length, client id length
 *          (instrument then client id in `text`);
 * - CANCEL account, order id, client id length (client id in `text`).
 * NaN marks an absent number, -1 an absent code or string. A command that does not fit (an unsafe
 * integer, a value outside the vocabulary) is written as TEXT, its `commandJson`.
 */
import { commandJson, type EngineCommand } from '../../core/engine';
import { OrderTypeSchema, SideSchema, TimeInForceSchema } from '../../../src-shared/domain';
import type { WriteOp } from './ops';

type JournalRun = Extract<WriteOp, { op: 'journalRun' }>;
type JournalOp = Extract<WriteOp, { op: 'journal' }>;
type Cmd<K extends EngineCommand['kind']> = Extract<EngineCommand, { kind: K }>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const TEXT = 0;
const AMEND = 1;
const PLACE = 2;
const CANCEL = 3;
/** The most numbers one entry takes (a placement). */
const WIDEST = 11;

const SIDES: readonly string[] = SideSchema.options;
const TYPES: readonly string[] = OrderTypeSchema.options;
const TIFS: readonly string[] = TimeInForceSchema.options;

export class BatchBuilder {
  private ops: WriteOp[] = [];
  private count = 0;
  /** The run being collected (its entries go after `ops`), or none when `runVenue` is null. */
  private runVenue: string | null = null;
  private nums = new Float64Array(1024);
  private n = 0;
  private text = '';

  /** Ops in the batch, each journal entry counted (backpressure counts entries, not runs). */
  get length(): number {
    return this.count;
  }

  push(op: WriteOp): void {
    if (op.op === 'journal') return this.pushEntry(op.venue, op.seq, op.ts, op.kind, op.body);
    // A run built elsewhere joins entry by entry (nothing does so today; the type allows it).
    if (op.op === 'journalRun') {
      unpackRun(op, (e) => this.pushEntry(e.venue, e.seq, e.ts, e.kind, e.body));
      return;
    }
    this.closeRun();
    this.ops.push(op);
    this.count += 1;
  }

  /** A journal entry, without building its op object. */
  pushEntry(venue: string, seq: number, ts: number, kind: string, body: string): void {
    const at = this.open(venue, seq, ts, TEXT);
    this.nums[at] = kind.length;
    this.nums[at + 1] = body.length;
    this.n = at + 2;
    this.text += kind + body;
  }

  /** An engine command's journal entry (the entry whose body is `commandJson(cmd)`). */
  pushCommand(venue: string, seq: number, cmd: EngineCommand): void {
    const packed =
      cmd.kind === 'amend'
        ? this.amend(venue, seq, cmd)
        : cmd.kind === 'place'
          ? this.place(venue, seq, cmd)
          : cmd.kind === 'cancel' && this.cancel(venue, seq, cmd);
    if (!packed) this.pushEntry(venue, seq, cmd.ts, cmd.kind, commandJson(cmd));
  }

  /** The ops so far; the builder starts empty again. */
  take(): WriteOp[] {
    this.closeRun();
    const ops = this.ops;
    this.ops = [];
    this.count = 0;
    return ops;
  }

  private amend(venue: string, seq: number, cmd: Cmd<'amend'>): boolean {
    if (!ids(cmd.account, cmd.orderId) || !optionalInts(cmd.price, cmd.qty)) return false;
    const at = this.open(venue, seq, cmd.ts, AMEND);
    const nums = this.nums;
    nums[at] = cmd.account;
    nums[at + 1] = cmd.orderId;
    nums[at + 2] = cmd.price ?? NaN;
    nums[at + 3] = cmd.qty ?? NaN;
    this.n = at + 4;
    return true;
  }

  private place(venue: string, seq: number, cmd: Cmd<'place'>): boolean {
    const side = SIDES.indexOf(cmd.side);
    const type = TYPES.indexOf(cmd.type);
    const tif = cmd.tif === undefined ? -1 : TIFS.indexOf(cmd.tif);
    if (side < 0 || type < 0 || (tif < 0 && cmd.tif !== undefined)) return false;
    if (!ids(cmd.account, cmd.qty) || !optionalInts(cmd.price, undefined)) return false;
    const at = this.open(venue, seq, cmd.ts, PLACE);
    const nums = this.nums;
    nums[at] = cmd.account;
    nums[at + 1] = side;
    nums[at + 2] = type;
    nums[at + 3] = tif;
    nums[at + 4] = cmd.price ?? NaN;
    nums[at + 5] = cmd.qty;
    nums[at + 6] = cmd.instrument.length;
    nums[at + 7] = cmd.clientOrderId?.length ?? -1;
    this.n = at + 8;
    this.text += cmd.clientOrderId === undefined ? cmd.instrument : cmd.instrument + cmd.clientOrderId;
    return true;
  }

  private cancel(venue: string, seq: number, cmd: Cmd<'cancel'>): boolean {
    if (!ids(cmd.account, 0) || !optionalInts(cmd.orderId, undefined)) return false;
    const at = this.open(venue, seq, cmd.ts, CANCEL);
    const nums = this.nums;
    nums[at] = cmd.account;
    nums[at + 1] = cmd.orderId ?? NaN;
    nums[at + 2] = cmd.clientOrderId?.length ?? -1;
    this.n = at + 3;
    if (cmd.clientOrderId !== undefined) this.text += cmd.clientOrderId;
    return true;
  }

  /** Starts an entry (a new run when the venue changes); returns where its fields go. */
  private open(venue: string, seq: number, ts: number, form: number): number {
    if (this.runVenue !== venue) {
      this.closeRun();
      this.runVenue = venue;
    }
    if (this.n + WIDEST > this.nums.length) {
      const grown = new Float64Array(this.nums.length * 2);
      grown.set(this.nums.subarray(0, this.n));
      this.nums = grown;
    }
    const at = this.n;
    this.nums[at] = seq;
    this.nums[at + 1] = ts;
    this.nums[at + 2] = form;
    this.count += 1;
    return at + 3;
  }

  private closeRun(): void {
    const venue = this.runVenue;
    if (venue === null) return;
    // The numbers travel as the bytes of their doubles in a one-byte string: a worker message copies a
    // string for a fraction of what it spends on a typed array (measured: ~1 µs against ~4 per array).
    const numbers = Buffer.from(this.nums.buffer, 0, this.n * 8).toString('latin1');
    this.ops.push({ op: 'journalRun', venue, numbers, text: this.text });
    this.runVenue = null;
    this.n = 0;
    this.text = '';
  }
}

function ids(a: number, b: number): boolean {
  return Number.isSafeInteger(a) && Number.isSafeInteger(b);
}

function optionalInts(a: number | undefined, b: number | undefined): boolean {
  return (a === undefined || Number.isSafeInteger(a)) && (b === undefined || Number.isSafeInteger(b));
}

/**
 * The entries of a run, as the journal ops they were written as, each handed to `each` when given;
 * a packed command comes back with its text (`commandJson`) and its command object.
 */
export function unpackRun(run: JournalRun, each?: (entry: JournalOp) => void): JournalOp[] {
  const entries: JournalOp[] = [];
  const { text, venue } = run;
  const nums = runNumbers(run);
  let i = 0;
  let t = 0;
  const cut = (length: number): string => text.slice(t, (t += length));
  while (i < nums.length) {
    const seq = nums[i]!;
    const ts = nums[i + 1]!;
    const form = nums[i + 2]!;
    const at = i + 3;
    let entry: JournalOp;
    if (form === TEXT) {
      const kind = cut(nums[at]!);
      entry = { op: 'journal', venue, seq, ts, kind, body: cut(nums[at + 1]!) };
      i = at + 2;
    } else {
      let command: EngineCommand;
      if (form === AMEND) {
        command = amendAt(nums, at, ts);
        i = at + 4;
      } else if (form === PLACE) {
        command = placeAt(nums, at, ts, cut);
        i = at + 8;
      } else if (form === CANCEL) {
        command = cancelAt(nums, at, ts, cut);
        i = at + 3;
      } else throw new Error(`journal run entry ${seq} has an unknown form ${form}`);
      entry = { op: 'journal', venue, seq, ts, kind: command.kind, body: commandJson(command), command };
    }
    if (each) each(entry);
    else entries.push(entry);
  }
  return entries;
}

/** The numbers of a run (see the layout above). */
export function runNumbers(run: JournalRun): Float64Array {
  const bytes = Buffer.from(run.numbers, 'latin1');
  const nums = new Float64Array(bytes.length / 8);
  new Uint8Array(nums.buffer).set(bytes);
  return nums;
}

function amendAt(nums: Float64Array, at: number, ts: number): Cmd<'amend'> {
  const amend: Mutable<Cmd<'amend'>> = { kind: 'amend', account: nums[at]!, orderId: nums[at + 1]!, ts };
  const price = nums[at + 2]!;
  const qty = nums[at + 3]!;
  if (!Number.isNaN(price)) amend.price = price;
  if (!Number.isNaN(qty)) amend.qty = qty;
  return amend;
}

function placeAt(nums: Float64Array, at: number, ts: number, cut: (n: number) => string): Cmd<'place'> {
  const place: Mutable<Cmd<'place'>> = {
    kind: 'place',
    account: nums[at]!,
    instrument: cut(nums[at + 6]!),
    side: SIDES[nums[at + 1]!] as Cmd<'place'>['side'],
    type: TYPES[nums[at + 2]!] as Cmd<'place'>['type'],
    qty: nums[at + 5]!,
    ts,
  };
  const tif = nums[at + 3]!;
  const price = nums[at + 4]!;
  const clientIdLength = nums[at + 7]!;
  if (tif >= 0) place.tif = TIFS[tif] as NonNullable<Cmd<'place'>['tif']>;
  if (!Number.isNaN(price)) place.price = price;
  if (clientIdLength >= 0) place.clientOrderId = cut(clientIdLength);
  return place;
}

function cancelAt(nums: Float64Array, at: number, ts: number, cut: (n: number) => string): Cmd<'cancel'> {
  const cancel: Mutable<Cmd<'cancel'>> = { kind: 'cancel', account: nums[at]!, ts };
  const orderId = nums[at + 1]!;
  const clientIdLength = nums[at + 2]!;
  if (!Number.isNaN(orderId)) cancel.orderId = orderId;
  if (clientIdLength >= 0) cancel.clientOrderId = cut(clientIdLength);
  return cancel;
}

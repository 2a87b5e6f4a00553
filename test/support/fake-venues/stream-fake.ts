/**
 * A fake venue whose book snapshots come over the stream (OKX, Bybit, Lighter, Hyperliquid):
 * on a book subscription it sends a snapshot, then updates, each formatted by the venue's
 * protocol. Tracks what was sent so tests can drop, duplicate or corrupt frames.
 */
import type { FakeConnection, FakeServer } from './server';
import { TruthBook } from './truth-book';
import type { FakeVenueControl } from './driver';

export type Change = ['bid' | 'ask', number, number];

export interface SubRequest {
  readonly op: 'sub' | 'unsub';
  readonly channel: 'book' | 'trades' | 'other';
  readonly symbol: string;
}

export interface StreamProtocol {
  /** Reads one client message: subscriptions it asks for and direct replies (acks, pongs). */
  read(text: string): { subs: SubRequest[]; replies: string[] };
  snapshot(symbol: string, truth: TruthBook, seq: SeqState): string;
  /** An update carrying `changes`, or (snapshot-only venues) the full book after them. */
  update(symbol: string, changes: readonly Change[], truth: TruthBook, seq: SeqState): string;
  trade(symbol: string, id: number): string;
  /** Advances the sequence for the next message. */
  advance(seq: SeqState): void;
  /** Writes a per-connection message counter into a frame (Coinbase `sequence_num`). */
  stamp?(frame: string, connectionSeq: number): string;
}

export interface SeqState {
  prev: number;
  last: number;
  time: number;
}

export class StreamFake {
  readonly truth: TruthBook;
  readonly seq: SeqState = { prev: -1, last: 1000, time: Date.now() };
  snapshots = 0;
  subscribes = 0;
  /** A book subscription is answered (snapshot, then updates) this long after it arrives. */
  subscribeDelayMs = 0;
  private lastFrame: string | null = null;
  private tradeId = 1;
  private readonly bookSubs = new Set<FakeConnection>();
  private readonly connSeq = new WeakMap<FakeConnection, number>();
  private readonly sent = new WeakMap<FakeConnection, string[]>();
  private readonly tradeSubs = new Set<FakeConnection>();

  constructor(
    readonly server: FakeServer,
    readonly protocol: StreamProtocol,
    readonly symbol: string,
    /** How the venue names the market in subscriptions (Lighter: market id). */
    readonly ref: string = symbol,
  ) {
    this.truth = new TruthBook(11);
    server.onMessage((conn, text) => {
      // A half-open peer answers nothing, not even app-level pings.
      if (server.silent) return;
      const { subs, replies } = protocol.read(text);
      for (const reply of replies) this.deliver(conn, reply);
      for (const sub of subs) {
        if (sub.symbol !== ref) continue;
        const set = sub.channel === 'book' ? this.bookSubs : sub.channel === 'trades' ? this.tradeSubs : null;
        if (!set) continue;
        if (sub.op === 'unsub') {
          set.delete(conn);
          continue;
        }
        this.subscribes += 1;
        if (sub.channel !== 'book') set.add(conn);
        else if (this.subscribeDelayMs === 0) this.startBook(conn);
        else setTimeout(() => this.startBook(conn), this.subscribeDelayMs);
      }
    });
  }

  /** The snapshot of the book as it is now, then every update after it. */
  private startBook(conn: FakeConnection): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    this.bookSubs.add(conn);
    this.snapshots += 1;
    this.advance();
    this.deliver(conn, this.protocol.snapshot(this.ref, this.truth, this.seq));
  }

  private advance(): void {
    this.seq.time += 1;
    this.protocol.advance(this.seq);
  }

  /** Sends one frame, stamping the connection's counter when the venue has one. */
  private deliver(conn: FakeConnection, frame: string, skip = false): void {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    let text = frame;
    if (this.protocol.stamp) {
      const next = (this.connSeq.get(conn) ?? 0) + 1;
      this.connSeq.set(conn, next);
      text = this.protocol.stamp(frame, next);
    }
    if (skip) return;
    const history = this.sent.get(conn) ?? [];
    history.push(text);
    if (history.length > 10) history.shift();
    this.sent.set(conn, history);
    conn.ws.send(text);
  }

  /** Sends again, as it was sent, the frame `back` frames before the last one on each book socket. */
  private resend(back: number): void {
    if (this.server.silent) return;
    for (const conn of this.bookSubs) {
      const history = this.sent.get(conn) ?? [];
      const frame = history[history.length - back];
      if (frame && conn.ws.readyState === conn.ws.OPEN) conn.ws.send(frame);
    }
  }

  private sendBook(frame: string, skip = false): void {
    if (this.server.silent) return;
    for (const conn of this.bookSubs) this.deliver(conn, frame, skip);
  }

  /** Makes a book change at the venue and returns its frame (sent unless `drop`). */
  change(changes: readonly Change[] | null, drop = false): string {
    const applied = changes ?? this.truth.change(3);
    if (changes) {
      for (const [side, ticks, lots] of changes) {
        const levels = side === 'bid' ? this.truth.bids : this.truth.asks;
        if (lots === 0) levels.delete(ticks);
        else levels.set(ticks, lots);
      }
      this.truth.record();
    }
    this.advance();
    const frame = this.protocol.update(this.ref, applied, this.truth, this.seq);
    if (!drop) this.lastFrame = frame;
    // A dropped frame still uses up the connection counter, as a lost message would.
    this.sendBook(frame, drop);
    return frame;
  }

  control(): FakeVenueControl & { fake: StreamFake } {
    return {
      fake: this,
      server: this.server,
      symbol: this.symbol,
      emit: (n = 1) => {
        for (let i = 0; i < n; i++) this.change(null);
      },
      dropOne: () => void this.change(null, true),
      duplicateLast: () => {
        if (!this.lastFrame) return;
        if (!this.protocol.stamp) return this.sendBook(this.lastFrame);
        // Connection-sequenced venues: the very same frame, counter included, arrives twice.
        this.resend(1);
      },
      replayStale: () => this.resend(3),
      emitCrossed: () => {
        const bestAsk = Math.min(...this.truth.asks.keys());
        this.change([['bid', bestAsk + 2, 5]]);
        this.change([['bid', bestAsk + 2, 0]]);
      },
      emitTrade: () => {
        const frame = this.protocol.trade(this.ref, this.tradeId++);
        for (const conn of this.tradeSubs) this.deliver(conn, frame);
      },
      truthTop: (n) => this.truth.top(n),
      truthVersions: () => this.truth.versions,
      snapshotsServed: () => this.snapshots,
      subscribeRequests: () => this.subscribes,
    };
  }
}

/** Tick 0.1, lot 0.001, written the way most venues do: no trailing zeros. */
export const px = (ticks: number) => `${Math.floor(ticks / 10)}${ticks % 10 ? `.${ticks % 10}` : ''}`;
export const qty = (lots: number) => (lots === 0 ? '0' : String(lots / 1000));

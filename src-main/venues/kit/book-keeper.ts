/**
 * Keeps one watched book in sync: feeds its BookSync, turns outcomes into recovery actions (REST
 * re-snapshot or WS resubscribe) and keeps its health. Recovery is bounded: the first three
 * attempts in a row are quick, later ones wait on exponential backoff with jitter and a cap; the
 * streak resets only after the book has stayed live for a stable period. A result that arrives
 * after the book was invalidated again (generation changed) is discarded.
 */
import type { Result } from '../../../src-shared/result';
import { L2Book } from '../../core/book';
import type { Clock, Disposer, Logger, Timers } from '../../core/ports';
import { Backoff, type BackoffOptions } from './backoff';
import { BookSync, type SyncOptions, type SyncOutcome } from './book-sync';
import type { BookReader, BookState } from './connector';
import { BookHealthTracker } from './health';
import type { BookStatus, DepthMessage, Instrument, ResyncCause } from './types';

export interface RecoveryOptions {
  /** Delay step of the quick attempts (attempt n waits (n-1) x quickMs). */
  readonly quickMs: number;
  readonly quickAttempts: number;
  readonly backoff: BackoffOptions;
  /** A book with no stream delta this long after subscribing gets its REST snapshot anyway. */
  readonly quietSnapshotMs: number;
}

export const DEFAULT_RECOVERY: RecoveryOptions = {
  quickMs: 250,
  quickAttempts: 3,
  backoff: { initialMs: 1000, maxMs: 30_000, stableMs: 30_000 },
  quietSnapshotMs: 1000,
};

export interface KeeperPorts {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  readonly random: () => number;
  fetchSnapshot(instrument: Instrument): Promise<Result<{ message: DepthMessage; latencyMs: number }>>;
  /** Retry-After still in force on the venue's REST API, ms. */
  restBlockedForMs(): number;
  resubscribe(instrument: Instrument): void;
  notify(symbol: string): void;
  /** True once the current connection has delivered any frame (an ack at least). */
  streamAlive(): boolean;
}

export class BookKeeper {
  readonly sync: BookSync;
  readonly health: BookHealthTracker;
  private generation = 0;
  private inFlight = false;
  private pending: Disposer | null = null;
  private troubles = 0;
  private liveSince: number | null = null;
  private showStale = false;
  private readonly backoff: Backoff;
  private disposed = false;
  private readonly mode: SyncOptions['mode'];

  constructor(
    readonly instrument: Instrument,
    syncOptions: SyncOptions,
    private readonly recovery: RecoveryOptions,
    private readonly ports: KeeperPorts,
  ) {
    this.mode = syncOptions.mode;
    this.sync = new BookSync(instrument.grid, syncOptions);
    this.health = new BookHealthTracker(instrument.symbol);
    this.backoff = new Backoff(recovery.backoff, ports.random);
  }

  get status(): BookStatus {
    return this.health.status;
  }

  private get restMode(): boolean {
    return this.mode === 'rest-snapshot';
  }

  /** A stream depth message for this book. */
  onStream(message: DepthMessage, receivedAt: number): void {
    this.handle(this.sync.onStream(message), receivedAt, message.venueTime);
  }

  /**
   * The subscription was (re)sent on an open socket. A quiet book may never send a delta, so it
   * gets its snapshot after a short wait anyway, but only once the connection has shown life: a
   * REST snapshot must not make a book look live over a socket that says nothing.
   */
  subscribed(): void {
    if (!this.restMode) return;
    this.cancelPending();
    const arm = () => {
      this.pending = this.ports.timers.after(this.recovery.quietSnapshotMs, () => {
        this.pending = null;
        if (this.sync.phase !== 'awaiting-snapshot') return;
        if (this.ports.streamAlive()) void this.fetchSnapshot();
        else arm();
      });
    };
    arm();
  }

  /** The socket went away or went silent: the book can no longer be trusted as live. */
  connectionLost(cause: 'stale' | 'reconnect'): void {
    const wasValid = this.sync.valid;
    this.generation += 1;
    this.cancelPending();
    this.sync.invalidate();
    this.liveSince = null;
    if (wasValid) this.health.noteResync(cause, this.ports.clock.now(), `connection ${cause}`);
    // The last valid levels stay visible, greyed, until a new snapshot replaces them.
    this.showStale = wasValid || this.showStale;
    this.setStatus(this.showStale ? 'stale' : 'resyncing');
  }

  /**
   * REST audit (reliability D10): compares the live book's top `levels` with a fresh REST
   * snapshot and counts the match. Timing alone can make them differ, so a mismatch is a health
   * figure and a log line, never a resync by itself.
   */
  async audit(levels: number): Promise<void> {
    if (this.status !== 'live' || this.inFlight || this.ports.restBlockedForMs() > 0) return;
    const generation = this.generation;
    const result = await this.ports.fetchSnapshot(this.instrument);
    if (!result.ok || this.disposed || generation !== this.generation || this.status !== 'live') return;
    const rest = new L2Book(this.instrument.grid);
    if (!rest.applySnapshot(result.value.message.bids, result.value.message.asks).ok) return;
    const key = (b: L2Book | BookReader) =>
      JSON.stringify(
        [b.bids.top(levels), b.asks.top(levels)].map((side) => side.map((l) => [l.ticks, l.lots])),
      );
    this.health.audits.runs += 1;
    if (key(rest) === key(this.reader())) this.health.audits.matched += 1;
    else
      this.ports.log.info('REST audit mismatch', {
        symbol: this.instrument.symbol,
        levels,
        ...this.health.audits,
      });
  }

  /** A fault found outside this book's own messages (a lost message on a sequenced connection). */
  externalFault(cause: ResyncCause, detail: string): void {
    if (this.sync.phase !== 'live') return;
    this.sync.invalidate();
    this.fault(cause, detail);
  }

  reader(): BookReader {
    const book = this.sync.book;
    return {
      instrument: this.instrument,
      bids: book.bids,
      asks: book.asks,
      updatedAt: this.health.lastUpdateAt,
      venueTime: this.sync.lastVenueTime ?? null,
      messageAgeMs: this.health.messageAgeMs,
    };
  }

  state(): BookState {
    const status = this.status;
    const show = status === 'live' || (status === 'stale' && this.showStale);
    const note = this.health.lastResync && status !== 'live' ? this.health.lastResync.detail : undefined;
    return { status, reader: show ? this.reader() : null, ...(note ? { note } : {}) };
  }

  dispose(): void {
    this.disposed = true;
    this.generation += 1;
    this.cancelPending();
  }

  private handle(outcome: SyncOutcome, receivedAt: number, venueTime: number | undefined): void {
    switch (outcome.kind) {
      case 'applied':
        this.wentLive(receivedAt, venueTime);
        return;
      case 'buffered':
        // Only the first buffered delta asks; retries follow the recovery schedule alone, so a
        // busy stream cannot turn failing snapshots into a request storm.
        if (outcome.requestSnapshot && !this.pending) void this.fetchSnapshot();
        return;
      case 'dropped':
        return;
      case 'snapshot-too-old':
        this.troubles += 1;
        this.setStatus('resyncing');
        this.scheduleRecovery();
        return;
      case 'fault':
        this.fault(outcome.cause, outcome.detail);
        return;
    }
  }

  private wentLive(receivedAt: number, venueTime: number | undefined): void {
    this.showStale = false;
    this.health.noteStreamUpdate(receivedAt, venueTime);
    const now = this.ports.clock.now();
    if (this.liveSince === null) this.liveSince = now;
    else if (now - this.liveSince >= this.recovery.backoff.stableMs) {
      this.troubles = 0;
      this.backoff.reset();
    }
    this.setStatus('live', true);
  }

  private fault(cause: ResyncCause, detail: string): void {
    this.generation += 1;
    this.troubles += 1;
    this.liveSince = null;
    this.showStale = false;
    this.health.noteResync(cause, this.ports.clock.now(), detail);
    this.ports.log.warn('book resync', { symbol: this.instrument.symbol, cause, detail });
    this.setStatus('resyncing');
    this.scheduleRecovery();
  }

  /** Re-snapshot (REST venues) or resubscribe (stream-snapshot venues), bounded by the streak. */
  private scheduleRecovery(): void {
    if (this.pending || this.disposed) return;
    const n = this.troubles;
    const quick = n <= this.recovery.quickAttempts;
    const delay = quick ? Math.max(0, n - 1) * this.recovery.quickMs : this.backoff.next();
    if (!quick) this.setStatus('invalid');
    const act = () => {
      this.pending = null;
      if (this.disposed) return;
      if (this.restMode) void this.fetchSnapshot();
      else this.ports.resubscribe(this.instrument);
    };
    if (delay === 0) act();
    else this.pending = this.ports.timers.after(delay, act);
  }

  private async fetchSnapshot(): Promise<void> {
    if (this.inFlight || this.disposed) return;
    const blocked = this.ports.restBlockedForMs();
    if (blocked > 0) {
      this.cancelPending();
      this.setStatus('invalid');
      this.pending = this.ports.timers.after(blocked, () => {
        this.pending = null;
        void this.fetchSnapshot();
      });
      return;
    }
    this.inFlight = true;
    const generation = this.generation;
    const result = await this.ports.fetchSnapshot(this.instrument);
    this.inFlight = false;
    if (this.disposed) return;
    if (generation !== this.generation) {
      // Invalidated while the request was out (reconnect, silence): this answer belongs to the
      // old subscription. The next buffered delta asks for a fresh one.
      this.sync.snapshotFailed();
      if (this.sync.buffered > 0) void this.fetchSnapshot();
      return;
    }
    if (!result.ok) {
      this.troubles += 1;
      this.ports.log.warn('book snapshot failed', {
        symbol: this.instrument.symbol,
        error: result.error.message,
        troubles: this.troubles,
      });
      this.scheduleRecovery();
      return;
    }
    const now = this.ports.clock.now();
    this.health.noteRest(result.value.latencyMs, now, false);
    this.handle(this.sync.onSnapshot(result.value.message), now, result.value.message.venueTime);
  }

  private setStatus(status: BookStatus, force = false): void {
    if (this.health.status === status && !force) return;
    this.health.status = status;
    this.ports.notify(this.instrument.symbol);
  }

  private cancelPending(): void {
    this.pending?.();
    this.pending = null;
  }
}

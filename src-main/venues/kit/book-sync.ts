/**
 * The book sync state machine for one (venue, instrument): buffer -> snapshot -> align -> live.
 * Pure apart from the book it owns: the connector feeds it stream messages and REST snapshots and
 * acts on the outcome (fetch a snapshot, resubscribe, publish).
 *
 * Two modes. `rest-snapshot` (Binance, Aster): deltas are buffered until a REST snapshot arrives,
 * buffered deltas older than it are dropped, the first applied one must satisfy the venue's first
 * rule (otherwise the snapshot is older than the stream and is refetched), then each delta must
 * continue the previous one. `stream-snapshot` (OKX, Bybit, Lighter, Hyperliquid): the stream
 * itself sends the snapshot; deltas before it are dropped.
 *
 * Invariants: a gap, crossed book, checksum mismatch or bad level poisons the book and nothing is
 * applied to it afterwards; only a new snapshot makes it valid again. `valid` is true only while
 * the book is live. The buffer is bounded (oldest dropped, which at worst forces a refetch).
 */
import { L2Book, describeBookError, type BookError, type BookResult } from '../../core/book';
import type { Grid } from '../../core/num';
import type { SequenceRules } from './sequence';
import type { DepthMessage, ResyncCause } from './types';

export type SyncMode = 'rest-snapshot' | 'stream-snapshot';
export type SyncPhase = 'awaiting-snapshot' | 'live';

export type SyncOutcome =
  | { readonly kind: 'applied' }
  | { readonly kind: 'buffered'; readonly requestSnapshot: boolean }
  | { readonly kind: 'dropped'; readonly reason: 'stale' | 'not-synced' }
  /** REST mode: the snapshot predates the first usable delta; fetch another. */
  | { readonly kind: 'snapshot-too-old' }
  | { readonly kind: 'fault'; readonly cause: ResyncCause; readonly detail: string };

export interface SyncOptions {
  readonly mode: SyncMode;
  readonly rules: SequenceRules;
  /** Verifies a venue checksum after a message is applied; null when it matches or is absent. */
  readonly verify?: (book: L2Book, message: DepthMessage) => BookError | null;
  /** Keep only this many levels per side (venues that never delete out-of-scope levels). */
  readonly depth?: number;
  readonly maxBuffered?: number;
}

export class BookSync {
  readonly book: L2Book;
  private phase_: SyncPhase = 'awaiting-snapshot';
  private buffer: DepthMessage[] = [];
  private last: DepthMessage | null = null;
  /** REST mode: id of the loaded snapshot while its first delta has not been applied yet. */
  private snapshotId: number | null = null;
  private snapshotRequested = false;
  private lastVenueTime_: number | undefined;

  constructor(
    grid: Grid,
    private readonly options: SyncOptions,
  ) {
    this.book = new L2Book(grid);
  }

  get phase(): SyncPhase {
    return this.phase_;
  }
  get valid(): boolean {
    return this.phase_ === 'live' && this.book.valid;
  }
  get buffered(): number {
    return this.buffer.length;
  }
  /** Venue id of the last applied message (Binance lastUpdateId/u, OKX seqId...). */
  get lastId(): number | undefined {
    return this.last?.last;
  }
  get lastVenueTime(): number | undefined {
    return this.lastVenueTime_;
  }

  /** A depth message from the stream (a delta, or a snapshot on stream-snapshot venues). */
  onStream(message: DepthMessage): SyncOutcome {
    if (this.options.mode === 'stream-snapshot') return this.onStreamSnapshotMode(message);
    if (this.phase_ === 'awaiting-snapshot') {
      this.buffer.push(message);
      const max = this.options.maxBuffered ?? 10_000;
      if (this.buffer.length > max) this.buffer.splice(0, this.buffer.length - max);
      const requestSnapshot = !this.snapshotRequested;
      this.snapshotRequested = true;
      return { kind: 'buffered', requestSnapshot };
    }
    return this.continueWith(message);
  }

  /** REST mode: a snapshot fetched over REST (`last` holds its lastUpdateId). */
  onSnapshot(snapshot: DepthMessage): SyncOutcome {
    const loaded = this.load(snapshot);
    if (loaded) return loaded;
    this.snapshotId = snapshot.last ?? null;
    const pending = this.buffer;
    this.buffer = [];
    for (let i = 0; i < pending.length; i++) {
      const outcome = this.continueWith(pending[i]!, true);
      if (outcome.kind === 'snapshot-too-old') {
        // Keep the unapplied deltas: the next snapshot is checked against them.
        this.buffer = pending.slice(i);
        return outcome;
      }
      if (outcome.kind === 'fault') return outcome;
    }
    return { kind: 'applied' };
  }

  /** A fault seen outside the book (silence, reconnect): invalidate and wait for a new snapshot. */
  invalidate(): void {
    this.book.poison();
    this.phase_ = 'awaiting-snapshot';
    this.buffer = [];
    this.last = null;
    this.snapshotId = null;
    this.snapshotRequested = false;
  }

  /** Allows the next buffered delta to request a snapshot again (after a failed fetch). */
  snapshotFailed(): void {
    this.snapshotRequested = false;
  }

  private onStreamSnapshotMode(message: DepthMessage): SyncOutcome {
    const rules = this.options.rules;
    const reset = message.kind === 'snapshot' || rules.isReset?.(message) === true;
    if (
      reset &&
      rules.orderedSnapshots &&
      this.phase_ === 'live' &&
      rules.next(this.last!, message) === 'stale'
    ) {
      return { kind: 'dropped', reason: 'stale' };
    }
    if (reset) return this.load(message) ?? { kind: 'applied' };
    if (this.phase_ === 'awaiting-snapshot') return { kind: 'dropped', reason: 'not-synced' };
    return this.continueWith(message);
  }

  /** Loads a snapshot; returns a fault outcome, or null when the book is live. */
  private load(snapshot: DepthMessage): SyncOutcome | null {
    const result = this.book.applySnapshot(snapshot.bids, snapshot.asks);
    if (result.ok && this.options.depth !== undefined) this.book.truncate(this.options.depth);
    const checked = result.ok ? this.verify(snapshot) : result;
    if (!checked.ok) return this.fault(checked.error, snapshot);
    this.phase_ = 'live';
    this.last = snapshot;
    this.snapshotId = null;
    this.snapshotRequested = false;
    this.lastVenueTime_ = snapshot.venueTime ?? this.lastVenueTime_;
    return null;
  }

  /**
   * `aligning` is true while the deltas buffered before the snapshot are replayed onto it: a
   * mismatch then means the snapshot is older than the stream. Once live, a mismatch on a
   * delta that arrived after the snapshot is a gap in the stream.
   */
  private continueWith(message: DepthMessage, aligning = false): SyncOutcome {
    const rules = this.options.rules;
    let continuity;
    if (this.snapshotId !== null && rules.first) continuity = rules.first(this.snapshotId, message);
    else continuity = rules.next(this.last!, message);
    if (continuity === 'stale') return { kind: 'dropped', reason: 'stale' };
    if (continuity === 'gap') {
      if (aligning) {
        this.book.poison();
        this.phase_ = 'awaiting-snapshot';
        this.snapshotRequested = false;
        return { kind: 'snapshot-too-old' };
      }
      return this.fault(
        null,
        message,
        `gap before ${describeIds(message)} (last ${describeIds(this.last!)})`,
      );
    }
    const result = this.book.applyDelta(message.bids, message.asks);
    if (result.ok && this.options.depth !== undefined) this.book.truncate(this.options.depth);
    const checked = result.ok ? this.verify(message) : result;
    if (!checked.ok) return this.fault(checked.error, message);
    this.last = message;
    this.snapshotId = null;
    this.lastVenueTime_ = message.venueTime ?? this.lastVenueTime_;
    return { kind: 'applied' };
  }

  private verify(message: DepthMessage): BookResult {
    const error = this.options.verify?.(this.book, message);
    return error ? this.book.fail(error) : { ok: true };
  }

  private fault(error: BookError | null, message: DepthMessage, detail?: string): SyncOutcome {
    this.invalidate();
    // REST mode: the message that revealed the fault is itself valid stream data; it starts the
    // buffer of the next cycle so the next snapshot is checked against it.
    if (this.options.mode === 'rest-snapshot' && message.kind === 'delta') {
      this.buffer.push(message);
    }
    const cause: ResyncCause =
      error === null
        ? 'gap'
        : error.kind === 'checksum'
          ? 'checksum'
          : error.kind === 'crossed'
            ? 'crossed'
            : 'invalid-data';
    return { kind: 'fault', cause, detail: detail ?? (error ? describeBookError(error) : cause) };
  }
}

function describeIds(m: DepthMessage): string {
  const parts: string[] = [];
  if (m.first !== undefined) parts.push(`first=${m.first}`);
  if (m.prev !== undefined) parts.push(`prev=${m.prev}`);
  if (m.last !== undefined) parts.push(`last=${m.last}`);
  return parts.join(' ') || 'message';
}

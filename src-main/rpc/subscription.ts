/**
 * One open stream on one connection. Numbers events so the client can detect a miss: a snapshot
 * with seq n, then deltas n+1, n+2, ... When the peer is congested, deltas are not queued (that
 * would grow memory without bound); the subscription marks itself stale and, once the peer
 * drains, sends one fresh snapshot that supersedes everything skipped.
 */
import type { StreamEvent } from '../../src-shared/contract';
import { appError } from '../../src-shared/result';
import type { StreamSource } from './handlers';

export interface EventSink {
  send(event: StreamEvent): void;
  congested(): boolean;
}

export class Subscription {
  private seq = 0;
  private stale = false;
  private source: StreamSource<unknown> | null = null;
  private closed = false;

  constructor(
    private readonly sink: EventSink,
    private readonly check: (kind: 'snapshot' | 'delta', data: unknown) => boolean,
    private readonly onClosed: () => void = () => {},
  ) {}

  /** Attach the source and send the first snapshot. */
  start(source: StreamSource<unknown>): void {
    this.source = source;
    this.sendSnapshot();
  }

  delta(data: unknown): void {
    if (this.closed) return;
    // Deltas emitted while the source is still being opened are covered by its first snapshot.
    if (!this.source) return;
    if (this.stale || this.sink.congested()) {
      this.stale = true;
      return;
    }
    if (!this.check('delta', data)) return;
    this.seq += 1;
    this.sink.send({ kind: 'delta', seq: this.seq, data });
  }

  /** Called when the peer may have drained: replace skipped deltas with one snapshot. */
  pump(): void {
    if (this.stale && !this.closed && !this.sink.congested()) this.sendSnapshot();
  }

  get isStale(): boolean {
    return this.stale;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.source?.dispose();
    this.source = null;
    this.onClosed();
  }

  private sendSnapshot(): void {
    if (!this.source) return;
    const data = this.source.snapshot();
    if (!this.check('snapshot', data)) {
      // A snapshot we cannot vouch for ends the stream rather than feeding the client garbage.
      this.sink.send({ kind: 'closed', error: appError('INTERNAL', 'stream produced an invalid snapshot') });
      this.dispose();
      return;
    }
    this.stale = false;
    this.seq += 1;
    this.sink.send({ kind: 'snapshot', seq: this.seq, data });
  }
}

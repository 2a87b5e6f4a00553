/**
 * Shared, frame-coalesced stream subscriptions. Panels that ask for the same stream with the same
 * params share one subscription to main; each subscription's states reach React through a
 * FrameCoalescer, so a panel renders at most once per animation frame however fast main sends.
 * Invariants: one client subscription per distinct (name, params) while it has readers (plus a
 * linger); the state a reader sees is always the newest one committed; a stopped entry never
 * commits again.
 */
import type { StreamName, StreamParams, StreamSnapshot } from '../../src-shared/contract';
import { count, perfStats } from '../ui/perf-stats';
import type { StreamState } from './client';
import { FrameCoalescer, type FrameScheduler } from './frame-coalescer';
import { browserTimers, SharedSource, type LingerTimers } from './shared-source';

export interface StreamSource {
  subscribe<N extends StreamName>(
    name: N,
    params: StreamParams<N>,
    listener: (state: StreamState<StreamSnapshot<N>>) => void,
  ): () => void;
}

export const INITIAL_STREAM_STATE: StreamState<never> = {
  data: undefined,
  status: 'connecting',
  error: undefined,
  resyncs: 0,
};

export class StreamEntry<S> extends SharedSource<StreamState<S>> {
  private unsubscribe: (() => void) | null = null;
  private coalescer: FrameCoalescer<StreamState<S>> | null = null;

  constructor(
    private readonly open: (listener: (state: StreamState<S>) => void) => () => void,
    private readonly scheduler: FrameScheduler,
    timers: LingerTimers,
    lingerMs: number,
    private readonly name: string,
    onStopped: () => void,
  ) {
    super(INITIAL_STREAM_STATE, timers, lingerMs, onStopped);
  }

  protected start(): void {
    const coalescer = new FrameCoalescer<StreamState<S>>(this.scheduler, (state) => {
      count(perfStats.committed, this.name);
      this.publish(state);
    });
    this.coalescer = coalescer;
    this.unsubscribe = this.open((state) => {
      count(perfStats.received, this.name);
      const shown = this.current();
      coalescer.push(state);
      // The first data and any status change show at once; later data waits for the frame.
      if ((shown.data === undefined && state.data !== undefined) || state.status !== shown.status) {
        coalescer.flush();
      }
    });
  }

  protected stop(): void {
    this.coalescer?.dispose();
    this.coalescer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.publish(INITIAL_STREAM_STATE);
  }
}

export class StreamStore {
  private readonly entries = new Map<string, StreamEntry<unknown>>();

  constructor(
    private readonly source: StreamSource,
    private readonly scheduler: FrameScheduler,
    private readonly timers: LingerTimers = browserTimers,
    private readonly lingerMs = 1500,
  ) {}

  entry<N extends StreamName>(name: N, params: StreamParams<N>): StreamEntry<StreamSnapshot<N>> {
    const key = `${name}|${JSON.stringify(params)}`;
    let entry = this.entries.get(key) as StreamEntry<StreamSnapshot<N>> | undefined;
    if (!entry) {
      entry = new StreamEntry<StreamSnapshot<N>>(
        (listener) => this.source.subscribe(name, params, listener),
        this.scheduler,
        this.timers,
        this.lingerMs,
        name,
        () => this.entries.delete(key),
      );
      this.entries.set(key, entry as StreamEntry<unknown>);
    }
    return entry;
  }

  /** Distinct subscriptions currently held (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * One instrument's trade prints for every panel that shows them (tape, chart's latest time,
 * ladder's last trade, marks). The contract keeps only the newest 100 prints per stream state; the
 * feed folds each state it receives (every one, not only those that reach the screen) into a
 * longer history, de-duplicated by trade id. Readers are told at most once per animation frame.
 * Invariants: each trade id is folded once; history is newest first and at most `keep` long.
 */
import type { StreamParams, TradeView } from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';
import type { StreamState } from '../../ipc/client';
import { FrameCoalescer, type FrameScheduler } from '../../ipc/frame-coalescer';
import { SharedSource, type LingerTimers } from '../../ipc/shared-source';
import { count, perfStats } from '../../ui/perf-stats';

export interface TradeFeedSnapshot {
  /** Newest first. */
  readonly trades: readonly TradeView[];
  readonly status: StreamState<unknown>['status'];
  readonly error: AppError | undefined;
  /** Grows with every change readers can see. */
  readonly version: number;
}

type TradesState = StreamState<{ trades: TradeView[] }>;
export type TradesOpener = (
  params: StreamParams<'market.trades'>,
  listener: (state: TradesState) => void,
) => () => void;

const EMPTY: TradeFeedSnapshot = { trades: [], status: 'connecting', error: undefined, version: 0 };

export class TradeFeed extends SharedSource<TradeFeedSnapshot> {
  private history: TradeView[] = [];
  private readonly seen = new Set<string>();
  private unsubscribe: (() => void) | null = null;
  private coalescer: FrameCoalescer<TradesState> | null = null;
  private version = 0;

  constructor(
    private readonly params: StreamParams<'market.trades'>,
    private readonly open: TradesOpener,
    private readonly scheduler: FrameScheduler,
    timers: LingerTimers,
    lingerMs: number,
    onStopped: () => void,
    private readonly keep = 1000,
  ) {
    super(EMPTY, timers, lingerMs, onStopped);
  }

  /** Folds a state's prints (newest first); returns how many were new. Public for tests. */
  fold(trades: readonly TradeView[]): number {
    const fresh: TradeView[] = [];
    for (const t of trades) if (!this.seen.has(t.id)) fresh.push(t);
    if (fresh.length === 0) return 0;
    fresh.reverse(); // oldest first, the order they happened
    for (const t of fresh) {
      this.seen.add(t.id);
    }
    this.history = [...fresh.toReversed(), ...this.history];
    if (this.history.length > this.keep) {
      for (const dropped of this.history.splice(this.keep)) this.seen.delete(dropped.id);
    }
    return fresh.length;
  }

  protected start(): void {
    const coalescer = new FrameCoalescer<TradesState>(this.scheduler, (state) => {
      count(perfStats.committed, 'market.trades');
      this.version += 1;
      this.publish({ trades: this.history, status: state.status, error: state.error, version: this.version });
    });
    this.coalescer = coalescer;
    this.unsubscribe = this.open(this.params, (state) => {
      count(perfStats.received, 'market.trades');
      const changed = this.fold(state.data?.trades ?? []) > 0;
      const shown = this.current();
      if (changed || state.status !== shown.status || state.error !== shown.error) coalescer.push(state);
      if (state.status !== shown.status) coalescer.flush();
    });
  }

  protected stop(): void {
    this.coalescer?.dispose();
    this.coalescer = null;
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.history = [];
    this.seen.clear();
    this.publish(EMPTY);
  }
}

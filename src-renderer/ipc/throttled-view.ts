/**
 * A slower view of a shared source, for readers that need not redraw at frame rate (charts: a
 * depth chart at 4 updates per second reads the same as at 10, and costs far less). Readers are
 * told at most once per interval, always about the newest snapshot (a trailing update is never
 * lost), and a reader that joins sees the current snapshot at once.
 * Invariants: at most one pending timer; the snapshot readers see only changes when they are told.
 */
import type { LingerTimers } from './shared-source';

export interface ExternalSource<S> {
  subscribe(listener: () => void): () => void;
  getSnapshot(): S;
}

export class ThrottledView<S> {
  private shown: S;
  private lastTold = -Infinity;
  private cancel: (() => void) | null = null;
  private readonly listeners = new Set<() => void>();
  private detach: (() => void) | null = null;

  constructor(
    private readonly source: ExternalSource<S>,
    private readonly intervalMs: number,
    private readonly timers: LingerTimers,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.shown = source.getSnapshot();
  }

  getSnapshot = (): S => this.shown;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (!this.detach) {
      this.shown = this.source.getSnapshot();
      this.detach = this.source.subscribe(() => this.changed());
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.detach?.();
        this.detach = null;
        this.cancel?.();
        this.cancel = null;
      }
    };
  };

  private changed(): void {
    if (this.cancel) return;
    const wait = this.lastTold + this.intervalMs - this.now();
    if (wait <= 0) this.tell();
    else this.cancel = this.timers.after(wait, () => this.tell());
  }

  private tell(): void {
    this.cancel = null;
    this.lastTold = this.now();
    this.shown = this.source.getSnapshot();
    for (const listener of this.listeners) listener();
  }
}

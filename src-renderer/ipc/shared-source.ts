/**
 * A value many React readers share, started by its first reader and stopped a short linger after
 * its last one leaves (so a tab switch or StrictMode's remount does not restart it). Readers use
 * it through useSyncExternalStore: `subscribe` and `getSnapshot` are stable bound functions.
 * Invariants: started at most once per active period; stopped only with no reader; the snapshot a
 * reader sees is the last one published.
 */

import { ThrottledView } from './throttled-view';

export interface LingerTimers {
  after(ms: number, callback: () => void): () => void;
}

export const browserTimers: LingerTimers = {
  after(ms, callback) {
    const id = setTimeout(callback, ms);
    return () => clearTimeout(id);
  },
};

export abstract class SharedSource<S> {
  private readonly listeners = new Set<() => void>();
  private running = false;
  private cancelLinger: (() => void) | null = null;
  private readonly views = new Map<number, ThrottledView<S>>();

  constructor(
    private snapshot: S,
    private readonly timers: LingerTimers,
    private readonly lingerMs: number,
    private readonly onStopped: () => void = () => {},
  ) {}

  protected abstract start(): void;
  protected abstract stop(): void;

  getSnapshot = (): S => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.cancelLinger?.();
    this.cancelLinger = null;
    if (!this.running) {
      this.running = true;
      this.start();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && !this.cancelLinger) {
        this.cancelLinger = this.timers.after(this.lingerMs, () => this.linger());
      }
    };
  };

  get readers(): number {
    return this.listeners.size;
  }

  /** A view of this source that tells its readers at most once per `intervalMs` (cached per interval). */
  throttled(intervalMs: number): ThrottledView<S> {
    let view = this.views.get(intervalMs);
    if (!view) {
      view = new ThrottledView<S>(this, intervalMs, this.timers);
      this.views.set(intervalMs, view);
    }
    return view;
  }

  protected publish(snapshot: S): void {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }

  protected current(): S {
    return this.snapshot;
  }

  private linger(): void {
    this.cancelLinger = null;
    if (this.listeners.size > 0 || !this.running) return;
    this.running = false;
    this.stop();
    this.onStopped();
  }
}

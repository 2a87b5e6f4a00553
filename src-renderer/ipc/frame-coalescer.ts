/**
 * Latest-wins coalescing to the display's frame rate. Stream states arrive as fast as main sends
 * them; React should see at most one per animation frame, and only the newest: anything older
 * would be drawn and immediately overwritten. Nothing is queued, so memory is constant however
 * fast values arrive. The frame source is injected (requestAnimationFrame in the page, a manual
 * scheduler in tests). Invariants: at most one frame request is outstanding; every value pushed
 * is either committed or superseded by a later one; nothing is committed after dispose.
 */

export interface FrameScheduler {
  /** Calls `callback` before the next frame is painted; returns a cancel function. */
  request(callback: () => void): () => void;
}

export const animationFrameScheduler: FrameScheduler = {
  request(callback) {
    const id = requestAnimationFrame(() => callback());
    return () => cancelAnimationFrame(id);
  },
};

export class FrameCoalescer<T> {
  private latest: { value: T } | null = null;
  private cancel: (() => void) | null = null;
  private disposed = false;
  /** Values pushed and values committed: their ratio is the work coalescing saved. */
  pushed = 0;
  committed = 0;

  constructor(
    private readonly scheduler: FrameScheduler,
    private readonly commit: (value: T) => void,
  ) {}

  push(value: T): void {
    if (this.disposed) return;
    this.pushed += 1;
    this.latest = { value };
    if (!this.cancel) this.cancel = this.scheduler.request(() => this.run());
  }

  /** Commits a pending value now (e.g. for the first snapshot, so a panel never waits a frame). */
  flush(): void {
    this.cancel?.();
    this.run();
  }

  dispose(): void {
    this.disposed = true;
    this.cancel?.();
    this.cancel = null;
    this.latest = null;
  }

  private run(): void {
    this.cancel = null;
    const pending = this.latest;
    this.latest = null;
    if (!pending || this.disposed) return;
    this.committed += 1;
    this.commit(pending.value);
  }
}

/** Scheduling as a port, so services own their timers and tests can drive them by hand. */
export type Disposer = () => void;

export interface Timers {
  every(ms: number, fn: () => void): Disposer;
  after(ms: number, fn: () => void): Disposer;
}

/** Timers driven by hand, for tests and deterministic replays: `advance(ms)` fires what is due. */
export class ManualTimers implements Timers {
  private now = 0;
  private nextId = 1;
  private readonly pending = new Map<number, { at: number; every: number | null; fn: () => void }>();

  every(ms: number, fn: () => void): Disposer {
    return this.add(ms, ms, fn);
  }

  after(ms: number, fn: () => void): Disposer {
    return this.add(ms, null, fn);
  }

  get size(): number {
    return this.pending.size;
  }

  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      let dueId = -1;
      let dueAt = Infinity;
      for (const [id, timer] of this.pending) {
        if (timer.at <= until && timer.at < dueAt) {
          dueAt = timer.at;
          dueId = id;
        }
      }
      const timer = this.pending.get(dueId);
      if (!timer) break;
      this.now = dueAt;
      if (timer.every === null) this.pending.delete(dueId);
      else timer.at += timer.every;
      timer.fn();
    }
    this.now = until;
  }

  private add(ms: number, every: number | null, fn: () => void): Disposer {
    const id = this.nextId++;
    this.pending.set(id, { at: this.now + ms, every, fn });
    return () => this.pending.delete(id);
  }
}

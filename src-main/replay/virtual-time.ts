/**
 * The time a replay runs in: the recording's own receipt times. `now()` is the time of the frame
 * being replayed (or of the timer firing); timers fire when the replay moves past their due time,
 * in due order (ties in the order they were set), each followed by `settle` so whatever it started
 * (a REST request, a resubscribe) is in place before anything else happens. Nothing here reads a
 * real clock, so a replay gives the same results at any speed.
 */
import type { Clock, Disposer, Timers } from '../core/ports';

interface Timer {
  at: number;
  readonly every: number | null;
  readonly fn: () => void;
  readonly id: number;
}

export class VirtualTime implements Clock, Timers {
  private current: number;
  private nextId = 1;
  private readonly pending = new Map<number, Timer>();

  constructor(start: number) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  monotonic(): number {
    return this.current;
  }

  every(ms: number, fn: () => void): Disposer {
    return this.add(Math.max(1, ms), Math.max(1, ms), fn);
  }

  after(ms: number, fn: () => void): Disposer {
    return this.add(Math.max(0, ms), null, fn);
  }

  get timers(): number {
    return this.pending.size;
  }

  /**
   * Moves to `target` (never backwards), firing every timer due by then; `settle` runs after each
   * one (the player lets promise continuations finish there).
   */
  async advanceTo(target: number, settle: () => Promise<void>): Promise<void> {
    for (;;) {
      const due = this.nextDue(target);
      if (!due) break;
      this.current = Math.max(this.current, due.at);
      if (due.every === null) this.pending.delete(due.id);
      else due.at += due.every;
      due.fn();
      await settle();
    }
    this.current = Math.max(this.current, target);
  }

  /** Drops every timer (the replay is being rebuilt or closed). */
  clear(): void {
    this.pending.clear();
  }

  private nextDue(target: number): Timer | null {
    let best: Timer | null = null;
    for (const timer of this.pending.values()) {
      if (timer.at > target) continue;
      if (best === null || timer.at < best.at || (timer.at === best.at && timer.id < best.id)) best = timer;
    }
    return best;
  }

  private add(ms: number, every: number | null, fn: () => void): Disposer {
    const id = this.nextId++;
    this.pending.set(id, { at: this.current + ms, every, fn, id });
    return () => this.pending.delete(id);
  }
}

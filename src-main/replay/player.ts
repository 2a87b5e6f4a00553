/**
 * Plays a replay session in real time: 1x or 10x the recorded pace, or as fast as possible; pause,
 * resume, change speed, and seek (back to the start, then forward as fast as possible). Pace only
 * decides when the next item is replayed, never what it does: the session's virtual time comes from
 * the recording, so the books at item n are the same at any speed. Real time comes from the
 * injected clock and timers (a manual clock in tests). One item at a time; a failure stops the
 * player and says why.
 */
import type { Clock, Disposer, Logger, Timers } from '../core/ports';
import type { ReplaySession } from './session';

export type ReplaySpeed = 1 | 10 | 'max';
export type PlayerStatus = 'paused' | 'playing' | 'ended' | 'failed';

export interface PlayerState {
  readonly status: PlayerStatus;
  readonly speed: ReplaySpeed;
  readonly position: number;
  readonly total: number;
  /** The replay's time: receipt time of the last item replayed (epoch ms). */
  readonly time: number;
  readonly error: string | null;
}

export interface PlayerDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
}

export class ReplayPlayer {
  private status: PlayerStatus = 'paused';
  private speed: ReplaySpeed = 1;
  private error: string | null = null;
  private generation = 0;
  private running: Promise<void> | null = null;
  private anchorReal = 0;
  private anchorVirtual = 0;
  /** The wait before the next item (cancelled and woken when the loop stops). */
  private sleeping: { readonly cancel: Disposer; readonly wake: () => void } | null = null;
  private readonly listeners = new Set<(state: PlayerState) => void>();
  private readonly stepListeners = new Set<(position: number) => void>();

  constructor(
    readonly session: ReplaySession,
    private readonly deps: PlayerDeps,
  ) {}

  /** Builds the venues at the start of the recording; call once before playing. */
  async open(): Promise<void> {
    await this.session.reset();
    this.emit();
  }

  state(): PlayerState {
    return {
      status: this.status,
      speed: this.speed,
      position: this.session.position,
      total: this.session.total,
      time: this.session.now,
      error: this.error,
    };
  }

  onChange(listener: (state: PlayerState) => void): Disposer {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hears the position after each replayed item (tests fingerprint the books there). */
  onStep(listener: (position: number) => void): Disposer {
    this.stepListeners.add(listener);
    return () => this.stepListeners.delete(listener);
  }

  play(speed: ReplaySpeed = this.speed): void {
    if (this.status === 'ended' || this.status === 'failed') return;
    this.speed = speed;
    this.status = 'playing';
    this.restart();
    this.emit();
  }

  pause(): void {
    if (this.status !== 'playing') return;
    this.stopLoop();
    this.status = 'paused';
    this.emit();
  }

  setSpeed(speed: ReplaySpeed): void {
    this.speed = speed;
    if (this.status === 'playing') this.restart();
    this.emit();
  }

  /** Back to the start (position 0), then forward as fast as possible to `position`; paused after. */
  async seek(position = 0): Promise<void> {
    this.stopLoop();
    await this.running;
    this.error = null;
    await this.session.reset();
    this.status = 'paused';
    while (this.session.position < position && (await this.session.step()));
    this.emit();
  }

  /** Resolves when the player stops by itself (end, failure) or is paused. */
  async settled(): Promise<void> {
    await this.running;
  }

  close(): void {
    this.stopLoop();
    this.listeners.clear();
    this.stepListeners.clear();
    void (this.running ?? Promise.resolve()).finally(() => this.session.close());
  }

  private stopLoop(): void {
    this.generation += 1;
    const sleeping = this.sleeping;
    this.sleeping = null;
    sleeping?.cancel();
    sleeping?.wake();
  }

  /** (Re)starts the loop from now at the current speed, after any previous loop has finished its item. */
  private restart(): void {
    this.stopLoop();
    const previous = this.running;
    const generation = ++this.generation;
    this.running = (async () => {
      await previous;
      if (generation !== this.generation) return;
      this.anchor();
      await this.run(generation);
    })();
  }

  private anchor(): void {
    this.anchorReal = this.deps.clock.monotonic();
    this.anchorVirtual = this.session.now;
  }

  private async run(generation: number): Promise<void> {
    while (generation === this.generation) {
      const at = this.session.peekTime();
      if (at === null) {
        this.status = 'ended';
        this.emit();
        return;
      }
      if (this.speed !== 'max') {
        const due = this.anchorReal + (at - this.anchorVirtual) / this.speed;
        const wait = Math.ceil(due - this.deps.clock.monotonic());
        if (wait > 0) {
          await new Promise<void>((resolve) => {
            this.sleeping = { cancel: this.deps.timers.after(wait, resolve), wake: resolve };
          });
          this.sleeping = null;
          continue;
        }
      }
      try {
        await this.session.step();
      } catch (cause) {
        this.status = 'failed';
        this.error = cause instanceof Error ? cause.message : String(cause);
        this.deps.log.error('replay failed', { error: this.error, position: this.session.position });
        this.emit();
        return;
      }
      const position = this.session.position;
      for (const listener of this.stepListeners) listener(position);
      this.emit();
    }
  }

  private emit(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }
}

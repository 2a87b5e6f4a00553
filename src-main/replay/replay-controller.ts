/**
 * The replay the app runs: at most one recording loaded at a time. Loading builds its replay venues
 * (`replay:<venue>`) and paper venues over them (`paper:replay:<venue>`) and hands them to the app
 * (market data, trading) through the callbacks it was given; unloading takes them away again. The
 * player's controls (play at a speed, pause, seek) go through here. Every answer is a value: a
 * recording that cannot be replayed says why and changes nothing.
 */
import type { Settings } from '../config/settings';
import type { Clock, Disposer, Logger, Timers } from '../core/ports';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { VenueDescriptor } from '../venues/catalog';
import type { VenueConnector } from '../venues/kit';
import { ReplayPlayer, type PlayerStatus, type ReplaySpeed } from './player';
import { createReplayPaper, type ReplayPaper, type ReplayPaperVenue } from './replay-paper';
import { ReplaySession, type BookFingerprint } from './session';
import { openReplaySource } from './source';

export interface ReplayControllerDeps {
  readonly dataDir: string;
  readonly nativeBinding?: string | undefined;
  readonly catalog: readonly VenueDescriptor[];
  readonly settings: Settings;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  /** Makes a replay venue visible to market data; the disposer removes it. */
  readonly addVenue: (connector: VenueConnector) => Disposer;
  /** Makes a paper venue over a replay tradable; the disposer removes it. */
  readonly addTradingVenue: (venue: ReplayPaperVenue) => Disposer;
}

export interface ReplayState {
  readonly loaded: {
    readonly id: number;
    readonly label: string;
    readonly startedTs: number;
    readonly endedTs: number | null;
    readonly venues: readonly string[];
    readonly paperVenues: readonly string[];
  } | null;
  readonly status: PlayerStatus | 'idle';
  readonly speed: ReplaySpeed;
  readonly position: number;
  readonly total: number;
  readonly time: number | null;
  readonly error: string | null;
  readonly books: readonly BookFingerprint[];
}

interface Loaded {
  readonly id: number;
  readonly player: ReplayPlayer;
  readonly paper: ReplayPaper;
  readonly disposers: Disposer[];
}

export class ReplayController {
  private current: Loaded | null = null;
  private busy = false;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly deps: ReplayControllerDeps) {}

  /** Hears every change of the replay (position changes included: consumers coalesce). */
  onChange(listener: () => void): Disposer {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  state(): ReplayState {
    const current = this.current;
    if (!current) {
      return {
        loaded: null,
        status: 'idle',
        speed: 1,
        position: 0,
        total: 0,
        time: null,
        error: null,
        books: [],
      };
    }
    const { session } = current.player;
    const p = current.player.state();
    const r = session.source.recording;
    return {
      loaded: {
        id: r.id,
        label: r.label,
        startedTs: r.startedTs,
        endedTs: r.endedTs,
        venues: session.connectors.map((c) => c.venue),
        paperVenues: current.paper.venues.map((v) => v.venueId),
      },
      status: p.status,
      speed: p.speed,
      position: p.position,
      total: p.total,
      time: p.time,
      error: p.error,
      books: session.fingerprints(),
    };
  }

  /** The paper venues of the loaded recording (tests and diagnostics). */
  get paperVenues(): readonly ReplayPaperVenue[] {
    return this.current?.paper.venues ?? [];
  }

  get player(): ReplayPlayer | null {
    return this.current?.player ?? null;
  }

  async load(id: number): Promise<Result<ReplayState>> {
    if (this.busy) return err(appError('CONFLICT', 'a recording is being loaded'));
    this.busy = true;
    try {
      const source = openReplaySource(this.deps.dataDir, id, this.deps.nativeBinding);
      if (!source.ok) return source;
      const log = this.deps.log.child({ replay: id });
      const session = new ReplaySession(source.value, this.deps.catalog, log);
      const player = new ReplayPlayer(session, { clock: this.deps.clock, timers: this.deps.timers, log });
      try {
        await player.open();
      } catch (cause) {
        player.close();
        const reason = cause instanceof Error ? cause.message : String(cause);
        return err(appError('UNAVAILABLE', `recording ${id} cannot be replayed: ${reason}`));
      }
      this.unload();
      const replayClock: Clock = { now: () => session.now, monotonic: () => session.now };
      const paper = createReplayPaper(session.connectors, {
        settings: this.deps.settings,
        clock: replayClock,
        timers: this.deps.timers,
        log,
      });
      const disposers: Disposer[] = session.connectors.map((c) => this.deps.addVenue(c));
      await paper.ready;
      for (const venue of paper.venues) disposers.push(this.deps.addTradingVenue(venue));
      disposers.push(player.onChange(() => this.notify()));
      this.current = { id, player, paper, disposers };
      log.info('recording loaded for replay', { id, items: session.total });
      this.notify();
      return ok(this.state());
    } finally {
      this.busy = false;
    }
  }

  play(speed: ReplaySpeed): Result<ReplayState> {
    const player = this.current?.player;
    if (!player) return err(appError('CONFLICT', 'no recording is loaded'));
    const status = player.state().status;
    if (status === 'ended' || status === 'failed')
      return err(appError('CONFLICT', `the replay has ${status}: seek to the start first`));
    player.play(speed);
    return ok(this.state());
  }

  pause(): Result<ReplayState> {
    const player = this.current?.player;
    if (!player) return err(appError('CONFLICT', 'no recording is loaded'));
    player.pause();
    return ok(this.state());
  }

  async seek(position: number): Promise<Result<ReplayState>> {
    const player = this.current?.player;
    if (!player) return err(appError('CONFLICT', 'no recording is loaded'));
    try {
      await player.seek(position);
    } catch (cause) {
      return err(
        appError('UNAVAILABLE', `seek failed: ${cause instanceof Error ? cause.message : String(cause)}`),
      );
    }
    return ok(this.state());
  }

  unload(): void {
    const current = this.current;
    if (!current) return;
    this.current = null;
    for (const dispose of current.disposers.splice(0)) dispose();
    current.paper.stop();
    current.player.close();
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/**
 * Recording a session: the tap every live connector is built with. While a recording runs, each
 * frame a connector hears (socket messages, openings, closings, REST answers, watches) becomes a raw
 * frame row, in receipt order, written through the history writer off the hot path. Starting a
 * recording writes its row first (frames refer to it), records each venue's watched instruments and
 * reconnects its sockets (connector `startRecording`); the simulated venue is covered by its journal
 * range, from the entry where the recording starts to the one where it stops (see recording-meta.ts).
 *
 * While it runs, `checkpoint()` (every few seconds) stores how far the simulated venue's journal has
 * got, so a recording cut short by a crash still ends where its session did (to within a checkpoint).
 * A recording can start once the history writer is open (ids continue after the stored ones). A
 * frame that cannot be stored is counted as dropped; the count is kept in the recording's meta (its
 * replay may differ from the live session after such a gap).
 */
import type { SimSettings } from '../config/sim-settings';
import type { Clock, Logger } from '../core/ports';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { MarketOp } from '../store/writer/ops';
import type { FrameTap, RecoveryOptions } from '../venues/kit';
import type { MarketSink } from './market-sink';
import type { RecordingMeta } from './recording-meta';

/** A connector that can be recorded (StreamConnector). */
export interface Recordable {
  readonly venue: string;
  readonly name: string;
  readonly recovery: RecoveryOptions;
  startRecording(): void;
}

/** The simulated venue as the recorder sees it. */
export interface RecordableSim {
  /** Resolves once the venue has replayed its journal (its sequence is then the session's start). */
  readonly ready: Promise<void>;
  /** True once `ready` has resolved. */
  isReady(): boolean;
  lastSeq(): number;
  readonly seed: number;
  readonly settings: SimSettings;
}

export interface RecordingStatus {
  readonly recording: boolean;
  readonly id: number | null;
  readonly label: string | null;
  readonly startedTs: number | null;
  readonly frames: number;
  readonly dropped: number;
  readonly venues: readonly string[];
}

interface Current {
  readonly id: number;
  readonly label: string;
  readonly startedTs: number;
  meta: RecordingMeta;
  frames: number;
  dropped: number;
}

export class SessionRecorder implements FrameTap {
  private current: Current | null = null;
  private sink: MarketSink | null = null;
  private nextId = 1;
  private recordables: readonly Recordable[] = [];
  private sim: RecordableSim | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  get active(): boolean {
    return this.current !== null;
  }

  /** What can be recorded (set once the connectors and the simulated venue exist). */
  setTargets(recordables: readonly Recordable[], sim: RecordableSim | null): void {
    this.recordables = recordables;
    this.sim = sim;
  }

  /** The writer is open; recording ids continue after `lastId`. */
  attach(sink: MarketSink, lastId: number): void {
    this.sink = sink;
    this.nextId = Math.max(this.nextId, lastId + 1);
  }

  status(): RecordingStatus {
    const c = this.current;
    return {
      recording: c !== null,
      id: c?.id ?? null,
      label: c?.label ?? null,
      startedTs: c?.startedTs ?? null,
      frames: c?.frames ?? 0,
      dropped: c?.dropped ?? 0,
      venues: c ? [...c.meta.venues.map((v) => v.venue), ...(c.meta.sim ? ['sim'] : [])] : [],
    };
  }

  start(label: string): Result<RecordingStatus> {
    if (this.current) return err(appError('CONFLICT', `recording ${this.current.id} is already running`));
    if (!this.sink) return err(appError('UNAVAILABLE', 'history storage is not open'));
    const startedTs = this.clock.now();
    const sim = this.sim;
    this.current = {
      id: this.nextId++,
      label,
      startedTs,
      meta: {
        venues: this.recordables.map((r) => ({ venue: r.venue, name: r.name, recovery: r.recovery })),
        sim: sim ? { fromSeq: sim.lastSeq(), toSeq: null, seed: sim.seed, settings: sim.settings } : null,
        dropped: 0,
      },
      frames: 0,
      dropped: 0,
    };
    this.rewriteRow(null);
    const current = this.current;
    // A venue still starting: its session starts where its journal stands once it runs (its
    // start-up replay and account set-up come before any step of its agents).
    if (sim && !sim.isReady()) {
      void sim.ready.then(() => {
        if (this.current !== current || !current.meta.sim) return;
        current.meta = { ...current.meta, sim: { ...current.meta.sim, fromSeq: sim.lastSeq() } };
        this.rewriteRow(null);
      });
    }
    for (const recordable of this.recordables) recordable.startRecording();
    this.log.info('recording started', { id: current.id, label });
    return ok(this.status());
  }

  /** Stores the running recording's progress (the simulated venue's journal position, the time). */
  checkpoint(): void {
    const current = this.current;
    if (!current) return;
    if (current.meta.sim && this.sim) {
      current.meta = { ...current.meta, sim: { ...current.meta.sim, toSeq: this.sim.lastSeq() } };
    }
    current.meta = { ...current.meta, checkpointTs: this.clock.now() };
    this.rewriteRow(null);
  }

  stop(): Result<RecordingStatus> {
    const current = this.current;
    if (!current) return err(appError('CONFLICT', 'no recording is running'));
    if (current.meta.sim && this.sim) {
      current.meta = { ...current.meta, sim: { ...current.meta.sim, toSeq: this.sim.lastSeq() } };
    }
    const status = this.status();
    this.rewriteRow(this.clock.now());
    this.current = null;
    this.log.info('recording stopped', { id: current.id, frames: current.frames, dropped: current.dropped });
    return ok({ ...status, recording: false });
  }

  /** Settles once what the recorder has written (a stop's ended mark included) is committed. */
  stored(): Promise<void> {
    return this.sink?.committed() ?? Promise.resolve();
  }

  frame(venue: string, stream: string, payload: string, at: number): void {
    const current = this.current;
    if (!current) return;
    current.frames += 1;
    this.push({ op: 'rawFrame', recordingId: current.id, venue, tsRecv: at, stream, payload });
  }

  private rewriteRow(endedTs: number | null): void {
    const c = this.current;
    if (!c) return;
    const meta = JSON.stringify({ ...c.meta, dropped: c.dropped } satisfies RecordingMeta);
    this.push({ op: 'recording', id: c.id, label: c.label, startedTs: c.startedTs, endedTs, meta });
  }

  private push(op: MarketOp): void {
    if (!this.sink?.write([op])) this.countDrop(op);
  }

  private countDrop(op: MarketOp): void {
    if (op.op === 'rawFrame' && this.current?.id === op.recordingId) this.current.dropped += 1;
  }
}

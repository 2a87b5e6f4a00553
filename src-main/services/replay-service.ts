/**
 * Recording and replay (src-shared/contract/replay.ts) over the session recorder and the replay
 * controller: start and stop a recording, list recordings, load one and drive its player. The
 * status stream is coalesced (at most 4 updates a second; once a second while a recording counts
 * frames), so a replay at full speed never floods the UI.
 */
import type { RecordingSummary, ReplayStateView } from '../../src-shared/contract';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { Clock, Disposer, Logger, Timers } from '../core/ports';
import { parseRecordingMeta } from '../history/recording-meta';
import type { SessionRecorder } from '../history/session-recorder';
import type { ReplayController, ReplayState } from '../replay/replay-controller';
import type { RequestHandler, StreamOpener } from '../rpc/handlers';
import type { ReadHandles } from '../store/read/handles';
import { listRecordings, type StoredRecording } from '../store/read/recordings';
import { Coalescer } from './market/coalescer';

export interface ReplayServiceDeps {
  readonly recorder: SessionRecorder;
  readonly replay: ReplayController;
  readonly handles: ReadHandles;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  readonly statusIntervalMs?: number;
}

export function createReplayService(deps: ReplayServiceDeps) {
  const view = (state: ReplayState): ReplayStateView => ({
    ...state,
    loaded: state.loaded && {
      ...state.loaded,
      venues: [...state.loaded.venues],
      paperVenues: [...state.loaded.paperVenues],
    },
    books: [...state.books],
  });
  const mapped = (r: Result<ReplayState>): Result<ReplayStateView> => (r.ok ? ok(view(r.value)) : r);
  const status = () => ({
    recording: { ...deps.recorder.status(), venues: [...deps.recorder.status().venues] },
    replay: view(deps.replay.state()),
  });

  /** Open status streams, told when a request changed the recording (the replay says so itself). */
  const openStreams = new Set<Coalescer>();
  const changed = () => {
    for (const coalescer of openStreams) coalescer.poke();
  };

  const start: RequestHandler<'recording.start'> = ({ label }) => {
    const started = deps.recorder.start(label ?? `recording ${new Date(deps.clock.now()).toISOString()}`);
    changed();
    return started.ok ? ok({ ...started.value, venues: [...started.value.venues] }) : started;
  };
  // Answers once the recording's ended mark is committed: a recordings list read after the answer
  // shows it ended (loadable), not still running.
  const stop: RequestHandler<'recording.stop'> = async () => {
    const stopped = deps.recorder.stop();
    if (stopped.ok) await deps.recorder.stored();
    changed();
    return stopped.ok ? ok({ ...stopped.value, venues: [...stopped.value.venues] }) : stopped;
  };

  const recordings: RequestHandler<'replay.recordings'> = () => {
    try {
      const db = deps.handles.market();
      return ok({ recordings: db ? listRecordings(db).map(summary) : [] });
    } catch (cause) {
      return err(appError('UNAVAILABLE', `recordings are not readable right now: ${String(cause)}`));
    }
  };

  const load: RequestHandler<'replay.load'> = async ({ id }) => mapped(await deps.replay.load(id));
  const play: RequestHandler<'replay.play'> = ({ speed }) => mapped(deps.replay.play(speed));
  const pause: RequestHandler<'replay.pause'> = () => mapped(deps.replay.pause());
  const seek: RequestHandler<'replay.seek'> = async ({ position }) =>
    mapped(await deps.replay.seek(position));
  const unload: RequestHandler<'replay.unload'> = () => {
    deps.replay.unload();
    return ok(view(deps.replay.state()));
  };

  const statusStream: StreamOpener<'replay.status'> = (_params, emit) => {
    const coalescer = new Coalescer(deps.clock, deps.timers, deps.statusIntervalMs ?? 250, () =>
      emit(status()),
    );
    openStreams.add(coalescer);
    const stops: Disposer[] = [
      () => openStreams.delete(coalescer),
      deps.replay.onChange(() => coalescer.poke()),
      deps.timers.every(1000, () => {
        if (deps.recorder.active) coalescer.poke();
      }),
    ];
    return ok({
      snapshot: status,
      dispose: () => {
        coalescer.dispose();
        for (const s of stops) s();
      },
    });
  };

  return {
    requests: {
      'recording.start': start,
      'recording.stop': stop,
      'replay.recordings': recordings,
      'replay.load': load,
      'replay.play': play,
      'replay.pause': pause,
      'replay.seek': seek,
      'replay.unload': unload,
    },
    streams: { 'replay.status': statusStream },
  } as const;
}

function summary(r: StoredRecording): RecordingSummary {
  const meta = parseRecordingMeta(r.meta);
  const venues = typeof meta === 'string' ? [] : meta.venues.map((v) => v.venue);
  const sim = typeof meta === 'string' ? null : meta.sim;
  return {
    id: r.id,
    label: r.label,
    startedTs: r.startedTs,
    endedTs: r.endedTs,
    frames: r.frames,
    venues: sim ? [...venues, 'sim'] : venues,
    simEntries: sim && sim.toSeq !== null ? Math.max(0, sim.toSeq - sim.fromSeq) : 0,
  };
}

/**
 * The history part of the composition root: market history (prints, candles, book snapshots,
 * retention) through its own store writer, session recording through every live connector's tap
 * (the recorder is created first, since connectors are built with it), replays of recordings as
 * `replay:<venue>` venues with paper venues over them, and the history and replay services.
 * `--record` (or settings `history.record`) starts a recording once storage is open.
 */
import type { Disposer } from '../core/ports';
import { HistoryRuntime } from '../history/history-runtime';
import type { Recordable, RecordableSim, SessionRecorder } from '../history/session-recorder';
import { ReplayController } from '../replay/replay-controller';
import type { ReplayPaperVenue } from '../replay/replay-paper';
import { createHistoryService } from '../services/history-service';
import { createReplayService } from '../services/replay-service';
import type { TradingVenueEntry } from '../services/trading-registry';
import type { SimRuntime } from '../sim/runtime';
import { ReadHandles } from '../store/read/handles';
import { VENUE_CATALOG } from '../venues/catalog';
import type { VenueConnector } from '../venues/kit';
import type { AppEnvironment } from './compose';

export interface HistoryCompositionDeps {
  readonly env: AppEnvironment;
  readonly recorder: SessionRecorder;
  /** Start recording as soon as storage is open (--record). */
  readonly record: boolean;
  readonly sim: SimRuntime;
  readonly simReady: Promise<void>;
  readonly liveConnectors: ReadonlyMap<string, VenueConnector>;
  /** Every venue whose market history is kept (live and simulated). */
  readonly connectors: ReadonlyMap<string, VenueConnector>;
  readonly addVenue: (connector: VenueConnector) => Disposer;
  readonly registry: Map<string, TradingVenueEntry>;
}

export type HistoryComposition = ReturnType<typeof composeHistory>;

export function composeHistory(deps: HistoryCompositionDeps) {
  const { env, recorder } = deps;
  const log = env.log.child({ component: 'history' });
  const recordables = [...deps.liveConnectors.values()].filter(isRecordable);
  // The simulated venue is recorded through its journal, so only when the journal is stored.
  const sim: RecordableSim | null =
    deps.sim.persistence === 'sqlite'
      ? {
          ready: deps.simReady,
          isReady: () => deps.sim.venue.state.status !== 'starting',
          lastSeq: () => deps.sim.pipeline.lastSeq,
          seed: deps.sim.seed,
          settings: env.settings.sim,
        }
      : null;
  recorder.setTargets(recordables, sim);
  const history = new HistoryRuntime({
    settings: env.settings.history,
    dataDir: env.dataDir,
    storeWorker: env.storeWorker,
    nativeBinding: env.sqliteBinding,
    clock: env.clock,
    timers: env.timers,
    log,
    connectors: deps.connectors,
    recorder,
  });
  const ready = history.start().then(() => {
    if (!deps.record && !env.settings.history.record) return;
    const started = recorder.start('recorded from start-up');
    if (!started.ok) log.error('recording did not start', { error: started.error.message });
  });
  const replay = new ReplayController({
    dataDir: env.dataDir,
    nativeBinding: env.sqliteBinding,
    catalog: VENUE_CATALOG,
    settings: env.settings,
    clock: env.clock,
    timers: env.timers,
    log: env.log.child({ component: 'replay' }),
    addVenue: deps.addVenue,
    addTradingVenue: (venue) => addTradingVenue(deps.registry, venue),
  });
  const handles = new ReadHandles(env.dataDir, env.sqliteBinding);
  const historyService = createHistoryService({ handles, log });
  const replayService = createReplayService({
    recorder,
    replay,
    handles,
    clock: env.clock,
    timers: env.timers,
    log,
  });
  return {
    history,
    replay,
    ready,
    requests: { ...historyService.requests, ...replayService.requests },
    streams: { ...replayService.streams },
    stop: async () => {
      replay.unload();
      await history.stop();
      handles.close();
    },
  };
}

function isRecordable(connector: VenueConnector): connector is VenueConnector & Recordable {
  return 'startRecording' in connector && 'recovery' in connector;
}

function addTradingVenue(registry: Map<string, TradingVenueEntry>, venue: ReplayPaperVenue): Disposer {
  registry.set(venue.venueId, {
    venueId: venue.venueId,
    name: venue.name,
    kind: 'paper',
    port: venue.port,
    userAgentId: venue.userAgentId,
    unavailableReason: () => (venue.port.available ? null : 'the replay has no live book yet'),
  });
  return () => registry.delete(venue.venueId);
}

/**
 * The composition root shared by both entry points (Electron and the headless host): config ->
 * services -> contract server, plus the agents' gateway. It never imports `electron`; the entry
 * points differ only in the transport they put in front of the returned server and in the window
 * they open. Both start the gateway through `startGateway()` here.
 */
import type { DecimalString } from '../../src-shared/domain';
import type { CliOptions } from '../config/cli';
import type { Settings } from '../config/settings';
import type { Clock, Logger, Timers } from '../core/ports';
import type { RunningGateway } from '../gateway/gateway';
import type { MarketDataPort } from '../gateway/market-data-port';
import { GatewayRuntime } from '../gateway/runtime';
import type { VenuePort } from '../gateway/venue-port';
import { composePaperVenues, type ComposedPaper } from '../paper/compose-paper';
import { paperTradingEntries } from '../paper/trading-entries';
import type { ContractImplementation } from '../rpc/handlers';
import { ContractServer } from '../rpc/server';
import { createGatewayService } from '../services/gateway-service';
import { createMarketDataService } from '../services/market-data-service';
import { createSystemService } from '../services/system-service';
import { createSimService } from '../services/sim-service';
import { EquitySampler } from '../services/trading-equity';
import type { TradingVenueEntry } from '../services/trading-registry';
import { createTradingService } from '../services/trading-service';
import { createTradingStreams } from '../services/trading-streams';
import { createUiPrefsService } from '../services/ui-prefs-service';
import { SimConnector } from '../sim/connector';
import { SimRuntime, type SimPersistence } from '../sim/runtime';
import { StoreWriter, type WorkerScript } from '../store/writer/client';
import { VENUE_CATALOG } from '../venues/catalog';
import { configuredSymbols, createConnectors } from '../venues/registry';
import { SessionRecorder } from '../history/session-recorder';
import { composeHistory, type HistoryComposition } from './compose-history';

export interface AppEnvironment {
  readonly runtime: 'electron' | 'headless';
  readonly version: string;
  readonly dataDir: string;
  readonly settings: Settings;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  /** Path of an ABI-specific better-sqlite3 addon (Electron); undefined means node_modules' own. */
  readonly sqliteBinding?: string;
  /**
   * The store writer's worker (the built out/main/store-writer.js; tests run the TS source). Without
   * it the simulated venue keeps its state in memory only (and says so in the log).
   */
  readonly storeWorker?: WorkerScript;
}

export interface ComposeOptions {
  /** --gateway-port; settings `gateway.port` otherwise. */
  readonly gatewayPort?: number;
  /** --seed: the simulated venue's seed (settings `sim.seed` otherwise). */
  readonly seed?: number;
  /** --reset-sim: start the simulated venue fresh, discarding its journal. */
  readonly resetSim?: boolean;
  /** --record: record a session (raw frames of every live venue) from start-up. */
  readonly record?: boolean;
}

export interface ComposedApp {
  readonly server: ContractServer;
  /** The merged implementation, for transports and for tests that wrap a handler. */
  readonly implementation: ContractImplementation;
  readonly gateway: GatewayRuntime;
  /** Paper venues (`paper:<id>`) on the enabled live venues' books. */
  readonly paper: ComposedPaper;
  /** The simulated venue (engine, agents, journal). */
  readonly sim: SimRuntime;
  /** Market history, recording and replay (see compose-history.ts). */
  readonly history: HistoryComposition;
  /** Resolves once the simulated venue has replayed its journal and runs (or halted, logged). */
  readonly ready: Promise<void>;
  /** Starts the agents' gateway; resolves with it, or null if it could not start (logged). */
  startGateway(): Promise<RunningGateway | null>;
  stop(): Promise<void>;
}

export function composeApp(env: AppEnvironment, options: ComposeOptions = {}): ComposedApp {
  // ONE writer thread per ledger file: the simulated venue and the paper venues share it (two
  // writers on one SQLite file contend for its lock, and a migration racing another fails).
  const ledgerWriter = env.storeWorker
    ? StoreWriter.start({ dataDir: env.dataDir, script: env.storeWorker, nativeBinding: env.sqliteBinding })
    : undefined;
  // Its users report a failed start themselves; this only marks the rejection as handled.
  ledgerWriter?.catch(() => undefined);

  // The simulated venue is always on: rebuilt from its journal in the data directory.
  const simLog = env.log.child({ component: 'sim' });
  const sim = new SimRuntime({
    settings: env.settings.sim,
    seed: options.seed,
    persistence: simPersistence(env, options, simLog, ledgerWriter),
    clock: env.clock,
    timers: env.timers,
    log: simLog,
  });
  const ready = sim.start();

  // Live venues stay off unless settings enable them: no connector, no socket, no request.
  // Each is built with the session recorder's tap (it records only while a recording runs).
  const recorder = new SessionRecorder(env.clock, env.log.child({ component: 'recording' }));
  const liveConnectors = createConnectors(VENUE_CATALOG, env.settings, {
    clock: env.clock,
    timers: env.timers,
    log: env.log,
    tuning: { tap: recorder },
  });
  const connectors = new Map(liveConnectors);
  connectors.set('sim', new SimConnector(sim.engine, sim.venue, sim.port, sim.pipeline, env.clock));
  const market = createMarketDataService({
    clock: env.clock,
    timers: env.timers,
    log: env.log.child({ component: 'market-data' }),
    catalog: VENUE_CATALOG,
    connectors,
  });
  void market.watchConfigured(configuredSymbols(env.settings));

  // PAPER VENUES (src-main/paper): one `paper:<id>` per enabled live venue, trading against its
  // live book, persisted in the ledger. The user trades on them through the trading registry below.
  const paper = composePaperVenues({
    settings: env.settings,
    connectors: liveConnectors,
    clock: env.clock,
    timers: env.timers,
    log: env.log.child({ component: 'paper' }),
    dataDir: env.dataDir,
    sqliteBinding: env.sqliteBinding,
    storeWorker: env.storeWorker,
    sharedWriter: ledgerWriter,
  });

  const system = createSystemService({
    clock: env.clock,
    timers: env.timers,
    runtime: env.runtime,
    version: env.version,
    settings: env.settings,
    catalog: VENUE_CATALOG,
    venueStatus: (id) => connectors.get(id)?.health().state,
  });

  const uiPrefs = createUiPrefsService({
    dataDir: env.dataDir,
    clock: env.clock,
    log: env.log.child({ component: 'ui-prefs' }),
  });

  // Bots trade on the simulated venue through its durable port (answers once stored) wrapped by the
  // trigger layer (stops, brackets), and read any venue's market data through the market-data service.
  const venue: VenuePort = sim.triggers.port;
  const marketData: MarketDataPort = market.marketDataPort;

  const gateway = new GatewayRuntime({
    port: options.gatewayPort ?? env.settings.gateway.port,
    dataDir: env.dataDir,
    venue,
    marketData,
    allowedOrigins: env.settings.gateway.allowedOrigins,
    clock: env.clock,
    timers: env.timers,
    log: env.log.child({ component: 'gateway' }),
  });
  const gatewayService = createGatewayService(gateway);

  // The user trades as "you" on every venue in this registry (paper venues plug in here too).
  const simEntry: TradingVenueEntry = {
    venueId: 'sim',
    name: 'Simulated venue',
    kind: 'simulated',
    port: sim.triggers.port,
    userAgentId: () => (sim.userAgentId === '' ? null : sim.userAgentId),
    unavailableReason: () => (sim.venue.available ? null : (sim.venue.state.reason ?? 'not running')),
  };
  const paperEntries = paperTradingEntries({
    paper,
    liveName: (id) => VENUE_CATALOG.find((v) => v.id === id)?.name ?? id,
    // settings.json validated it as a plain non-negative decimal (paper-settings.ts).
    startingCapital: env.settings.paper.startingCapital as DecimalString,
    log: env.log.child({ component: 'paper' }),
  });
  const registry = new Map<string, TradingVenueEntry>([
    ['sim', simEntry],
    ...paperEntries.map((e) => [e.venueId, e] as const),
  ]);
  const equity = new EquitySampler(registry, env.clock, env.timers);
  equity.start();
  const trading = createTradingService(registry);
  const tradingStreams = createTradingStreams({ registry, equity, clock: env.clock, timers: env.timers });
  // HISTORY AND REPLAY (src-main/history, src-main/replay; see compose-history.ts).
  const history = composeHistory({
    env,
    recorder,
    record: options.record === true,
    sim,
    simReady: ready,
    liveConnectors,
    connectors,
    addVenue: (connector) => market.addConnector(connector),
    registry,
  });
  const simService = createSimService({
    sim,
    gateway,
    clock: env.clock,
    timers: env.timers,
    persistence: sim.persistence,
    speed: env.settings.sim.speed,
  });

  const implementation: ContractImplementation = {
    requests: {
      ...system.requests,
      ...uiPrefs.requests,
      ...gatewayService.requests,
      ...market.requests,
      ...trading.requests,
      ...simService.requests,
      ...history.requests,
    },
    streams: {
      ...system.streams,
      ...gatewayService.streams,
      ...market.streams,
      ...tradingStreams.streams,
      ...simService.streams,
      ...history.streams,
    },
  };

  const server = new ContractServer(implementation, env.log.child({ component: 'contract' }));
  return {
    server,
    implementation,
    gateway,
    paper,
    sim,
    history,
    ready,
    // Bots connect once the simulated venue has replayed its journal, so they never meet a venue
    // that is still starting (a venue that failed to start refuses trading and says why).
    startGateway: () => ready.then(() => gateway.start()),
    stop: async () => {
      equity.dispose();
      await history.stop();
      await gateway.stop();
      await paper.stop();
      await sim.stop();
      await ledgerWriter?.then((w) => w.close()).catch(() => undefined);
      market.stop();
    },
  };
}

/** The compose options the command line asks for. */
export function composeOptions(cli: CliOptions): ComposeOptions {
  return {
    ...(cli.gatewayPort === undefined ? {} : { gatewayPort: cli.gatewayPort }),
    ...(cli.seed === undefined ? {} : { seed: cli.seed }),
    ...(cli.resetSim ? { resetSim: true } : {}),
    ...(cli.record ? { record: true } : {}),
  };
}

function simPersistence(
  env: AppEnvironment,
  options: ComposeOptions,
  log: Logger,
  writer: Promise<StoreWriter> | undefined,
): SimPersistence {
  if (env.settings.sim.persistence === 'memory') return { kind: 'memory' };
  if (!writer) {
    log.warn('no store writer available: the simulated venue keeps its state in memory only');
    return { kind: 'memory' };
  }
  return {
    kind: 'sqlite',
    dataDir: env.dataDir,
    worker: { shared: writer },
    nativeBinding: env.sqliteBinding,
    reset: options.resetSim === true,
  };
}

/**
 * The composition root shared by both entry points (Electron and the headless host): config ->
 * services -> contract server, plus the agents' gateway. It never imports `electron`; the entry
 * points differ only in the transport they put in front of the returned server and in the window
 * they open. Both start the gateway through `startGateway()` here.
 */
import type { Settings } from '../config/settings';
import type { WorkerScript } from '../store/writer/client';
import type { Clock, Logger, Timers } from '../core/ports';
import type { RunningGateway } from '../gateway/gateway';
import type { MarketDataPort } from '../gateway/market-data-port';
import { GatewayRuntime } from '../gateway/runtime';
import { unavailableMarketData, unavailableVenue } from '../gateway/unavailable';
import type { VenuePort } from '../gateway/venue-port';
import { composePaperVenues, type ComposedPaper } from '../paper/compose-paper';
import type { ContractImplementation } from '../rpc/handlers';
import { ContractServer } from '../rpc/server';
import { createGatewayService } from '../services/gateway-service';
import { createMarketDataService } from '../services/market-data-service';
import { createSystemService } from '../services/system-service';
import { createUiPrefsService } from '../services/ui-prefs-service';
import { VENUE_CATALOG } from '../venues/catalog';
import { configuredSymbols, createConnectors } from '../venues/registry';

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
  /** The store writer's worker entry (tests running from source); default: the built one. */
  readonly storeWorker?: WorkerScript;
}

export interface ComposeOptions {
  /** --gateway-port; settings `gateway.port` otherwise. */
  readonly gatewayPort?: number;
}

export interface ComposedApp {
  readonly server: ContractServer;
  /** The merged implementation, for transports and for tests that wrap a handler. */
  readonly implementation: ContractImplementation;
  readonly gateway: GatewayRuntime;
  /** Paper venues (`paper:<id>`) on the enabled live venues' books; not yet wired to the gateway. */
  readonly paper: ComposedPaper;
  /** Starts the agents' gateway; resolves with it, or null if it could not start (logged). */
  startGateway(): Promise<RunningGateway | null>;
  stop(): Promise<void>;
}

export function composeApp(env: AppEnvironment, options: ComposeOptions = {}): ComposedApp {
  // Live venues stay off unless settings enable them: no connector, no socket, no request.
  const connectors = createConnectors(VENUE_CATALOG, env.settings, {
    clock: env.clock,
    timers: env.timers,
    log: env.log,
  });
  const market = createMarketDataService({
    clock: env.clock,
    timers: env.timers,
    log: env.log.child({ component: 'market-data' }),
    catalog: VENUE_CATALOG,
    connectors,
  });
  void market.watchConfigured(configuredSymbols(env.settings));

  // PAPER VENUES (src-main/paper): one `paper:<id>` per enabled live venue, trading against its
  // live book, persisted in the ledger. Built and started here; handing them to the gateway and
  // the trading services is the trading service registry's job.
  const paper = composePaperVenues({
    settings: env.settings,
    connectors,
    clock: env.clock,
    timers: env.timers,
    log: env.log.child({ component: 'paper' }),
    dataDir: env.dataDir,
    sqliteBinding: env.sqliteBinding,
    storeWorker: env.storeWorker,
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

  // PLACEHOLDER until the simulated venue and the market-data service implement these ports
  // (src-main/gateway/venue-port.ts, market-data-port.ts): the gateway runs (auth, limits,
  // protocol) but refuses every trading message with UNAVAILABLE and says why. Nothing is faked.
  const venue: VenuePort = unavailableVenue('sim');
  const marketData: MarketDataPort = unavailableMarketData();

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

  const implementation: ContractImplementation = {
    requests: { ...system.requests, ...uiPrefs.requests, ...gatewayService.requests, ...market.requests },
    streams: { ...system.streams, ...gatewayService.streams, ...market.streams },
  };

  const server = new ContractServer(implementation, env.log.child({ component: 'contract' }));
  return {
    server,
    implementation,
    gateway,
    paper,
    startGateway: () => gateway.start(),
    stop: async () => {
      await gateway.stop();
      await paper.stop();
      market.stop();
    },
  };
}

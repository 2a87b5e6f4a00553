/**
 * The composition root shared by both entry points (Electron and the headless host): config ->
 * services -> contract server. It never imports `electron`; the entry points differ only in the
 * transport they put in front of the returned server and in the window they open.
 */
import type { Settings } from '../config/settings';
import type { Clock, Logger, Timers } from '../core/ports';
import type { ContractImplementation } from '../rpc/handlers';
import { ContractServer } from '../rpc/server';
import { createMarketDataService } from '../services/market-data-service';
import { createSystemService } from '../services/system-service';
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
}

export interface ComposedApp {
  readonly server: ContractServer;
  stop(): Promise<void>;
}

export function composeApp(env: AppEnvironment): ComposedApp {
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

  const system = createSystemService({
    clock: env.clock,
    timers: env.timers,
    runtime: env.runtime,
    version: env.version,
    settings: env.settings,
    catalog: VENUE_CATALOG,
    venueStatus: (id) => connectors.get(id)?.health().state,
  });

  const implementation: ContractImplementation = {
    requests: { ...system.requests, ...market.requests },
    streams: { ...system.streams, ...market.streams },
  };

  const server = new ContractServer(implementation, env.log.child({ component: 'contract' }));
  return {
    server,
    stop: async () => market.stop(),
  };
}

/**
 * The composition root shared by both entry points (Electron and the headless host): config ->
 * services -> contract server. It never imports `electron`; the entry points differ only in the
 * transport they put in front of the returned server and in the window they open.
 */
import type { Settings } from '../config/settings';
import type { Clock, Logger, Timers } from '../core/ports';
import type { ContractImplementation } from '../rpc/handlers';
import { ContractServer } from '../rpc/server';
import { createSystemService } from '../services/system-service';
import { createUiPrefsService } from '../services/ui-prefs-service';
import { VENUE_CATALOG } from '../venues/catalog';

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
  /** The merged implementation, for transports and for tests that wrap a handler. */
  readonly implementation: ContractImplementation;
  stop(): Promise<void>;
}

export function composeApp(env: AppEnvironment): ComposedApp {
  const system = createSystemService({
    clock: env.clock,
    timers: env.timers,
    runtime: env.runtime,
    version: env.version,
    settings: env.settings,
    catalog: VENUE_CATALOG,
  });

  const uiPrefs = createUiPrefsService({
    dataDir: env.dataDir,
    clock: env.clock,
    log: env.log.child({ component: 'ui-prefs' }),
  });

  const implementation: ContractImplementation = {
    requests: { ...system.requests, ...uiPrefs.requests },
    streams: { ...system.streams },
  };

  const server = new ContractServer(implementation, env.log.child({ component: 'contract' }));
  return {
    server,
    implementation,
    stop: async () => {},
  };
}

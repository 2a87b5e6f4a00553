/**
 * The real composition root with hand-driven time and a temporary data directory, for transport and
 * contract tests. `overrides` replaces individual request handlers (to test failure paths).
 * The simulated venue runs in memory unless `persist` asks for its SQLite journal (then await
 * `app.ready`, and `app.stop()` at the end to close the store's thread). Its agents move with `tick`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp } from '../../src-main/app/compose';
import { defaultSettings, type Settings } from '../../src-main/config/settings';
import { ManualClock, ManualTimers, silentLogger } from '../../src-main/core/ports';
import type { RequestHandlers } from '../../src-main/rpc/handlers';
import { ContractServer } from '../../src-main/rpc/server';
import { SOURCE_WORKER } from './store-worker';

export interface SystemAppOptions {
  readonly persist?: boolean;
  readonly settings?: Settings;
}

export function systemApp(overrides: Partial<RequestHandlers> = {}, options: SystemAppOptions = {}) {
  const clock = new ManualClock(1_700_000_000_000, 0);
  const timers = new ManualTimers();
  const dataDir = mkdtempSync(join(tmpdir(), 'depthline-app-'));
  const app = composeApp({
    runtime: 'headless',
    version: '9.9.9-test',
    dataDir,
    settings: options.settings ?? defaultSettings(),
    clock,
    timers,
    log: silentLogger,
    ...(options.persist ? { storeWorker: SOURCE_WORKER } : {}),
  });
  const implementation = {
    ...app.implementation,
    requests: { ...app.implementation.requests, ...overrides },
  };
  const server = new ContractServer(implementation, silentLogger);
  /** Move both clocks and fire due timers. */
  const tick = (ms: number) => {
    clock.advance(ms);
    timers.advance(ms);
  };
  return { server, clock, timers, tick, dataDir, app };
}

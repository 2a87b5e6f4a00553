/** A contract server wired to the real system service with hand-driven time, for transport tests. */
import { ManualClock, ManualTimers, silentLogger } from '../../src-main/core/ports';
import { defaultSettings } from '../../src-main/config/settings';
import { ContractServer } from '../../src-main/rpc/server';
import type { ContractImplementation } from '../../src-main/rpc/handlers';
import { createMarketDataService } from '../../src-main/services/market-data-service';
import { createSystemService } from '../../src-main/services/system-service';
import { VENUE_CATALOG } from '../../src-main/venues/catalog';

export function systemApp(overrides: Partial<ContractImplementation['requests']> = {}) {
  const clock = new ManualClock(1_700_000_000_000, 0);
  const timers = new ManualTimers();
  const system = createSystemService({
    clock,
    timers,
    runtime: 'headless',
    version: '9.9.9-test',
    settings: defaultSettings(),
    catalog: VENUE_CATALOG,
  });
  const market = createMarketDataService({
    clock,
    timers,
    log: silentLogger,
    catalog: VENUE_CATALOG,
    connectors: new Map(),
  });
  const implementation: ContractImplementation = {
    requests: { ...system.requests, ...market.requests, ...overrides },
    streams: { ...system.streams, ...market.streams },
  };
  const server = new ContractServer(implementation, silentLogger);
  /** Move both clocks and fire due timers. */
  const tick = (ms: number) => {
    clock.advance(ms);
    timers.advance(ms);
  };
  return { server, clock, timers, tick };
}

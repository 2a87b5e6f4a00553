/** A contract server wired to the real system service with hand-driven time, for transport tests. */
import { ManualClock, ManualTimers, silentLogger } from '../../src-main/core/ports';
import { defaultSettings } from '../../src-main/config/settings';
import { ContractServer } from '../../src-main/rpc/server';
import type { ContractImplementation } from '../../src-main/rpc/handlers';
import { createSystemService } from '../../src-main/services/system-service';
import { createGatewayService } from '../../src-main/services/gateway-service';
import { GatewayRuntime } from '../../src-main/gateway/runtime';
import { unavailableMarketData, unavailableVenue } from '../../src-main/gateway/unavailable';
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
  // A gateway runtime that is never started: its requests answer status "stopped".
  const gateway = createGatewayService(
    new GatewayRuntime({
      port: 0,
      dataDir: null,
      venue: unavailableVenue(),
      marketData: unavailableMarketData(),
      clock,
      timers,
      log: silentLogger,
    }),
  );
  const implementation: ContractImplementation = {
    requests: { ...system.requests, ...gateway.requests, ...overrides },
    streams: { ...system.streams, ...gateway.streams },
  };
  const server = new ContractServer(implementation, silentLogger);
  /** Move both clocks and fire due timers. */
  const tick = (ms: number) => {
    clock.advance(ms);
    timers.advance(ms);
  };
  return { server, clock, timers, tick };
}

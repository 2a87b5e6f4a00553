/**
 * Cost of the contract layer itself: validated request round trips through a ContractConnection,
 * and stream deltas with schema validation on and off (the price of checking every delta).
 */
import { ContractConnection } from '../src-main/rpc/connection';
import { ContractServer } from '../src-main/rpc/server';
import { ManualClock, ManualTimers, silentLogger } from '../src-main/core/ports';
import { defaultSettings } from '../src-main/config/settings';
import { createMarketDataService } from '../src-main/services/market-data-service';
import { createSystemService } from '../src-main/services/system-service';
import { VENUE_CATALOG } from '../src-main/venues/catalog';
import { median, opsPerSecond, report } from './lib/report';

function build(validateDeltas: boolean) {
  const clock = new ManualClock(1_700_000_000_000, 0);
  const timers = new ManualTimers();
  const system = createSystemService({
    clock,
    timers,
    runtime: 'headless',
    version: 'bench',
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
  const server = new ContractServer(
    {
      requests: { ...system.requests, ...market.requests },
      streams: { ...system.streams, ...market.streams },
    },
    silentLogger,
    { validateDeltas },
  );
  let delivered = 0;
  const connection = new ContractConnection(
    server,
    { send: () => void delivered++, bufferedBytes: () => 0 },
    { transport: 'test', principal: 'user' },
  );
  return { server, connection, clock, timers, delivered: () => delivered };
}

async function requests(): Promise<void> {
  const { server } = build(true);
  const ctx = { transport: 'test', principal: 'user' } as const;
  const n = 20_000;
  const samples: number[] = [];
  for (let run = 0; run < 9; run++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < n; i++) await server.call('venues.list', {}, ctx);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (run >= 2) samples.push(n / seconds);
  }
  report({
    name: 'contract.request.venues_list',
    value: median(samples),
    unit: 'calls/s',
    runs: samples.length,
  });
}

function deltas(): void {
  const ticks = 20_000;
  const measure = (validate: boolean) => {
    const app = build(validate);
    for (let i = 0; i < 50; i++)
      app.connection.receive({ t: 'sub', id: i, name: 'system.clock', params: {} });
    return opsPerSecond(() => app.timers.advance(1000 * (ticks / 50)), ticks);
  };
  const checked = median(measure(true));
  const unchecked = median(measure(false));
  report({ name: 'contract.stream.deltas_validated', value: checked, unit: 'deltas/s', runs: 7 });
  report({
    name: 'contract.stream.deltas_unvalidated',
    value: unchecked,
    unit: 'deltas/s',
    peer: 'validated',
    ratio: unchecked / checked,
    runs: 7,
  });
}

await requests();
deltas();

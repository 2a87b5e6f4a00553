/**
 * The composition root wires the simulated venue to its SQLite journal in the data directory (the
 * store writer's worker as the entry points pass it): an order you place survives the app stopping,
 * and the next start rebuilds it; `resetSim` starts fresh.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp, type ComposeOptions } from '../../../src-main/app/compose';
import { defaultSettings } from '../../../src-main/config/settings';
import { ManualClock, ManualTimers, silentLogger } from '../../../src-main/core/ports';
import { SOURCE_WORKER } from '../../support/store-worker';

const ctx = { transport: 'test', principal: 'user' } as const;
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function app(dataDir: string, options: ComposeOptions = {}) {
  return composeApp(
    {
      runtime: 'headless',
      version: 't',
      dataDir,
      settings: defaultSettings(),
      clock: new ManualClock(1_700_000_000_000, 0),
      timers: new ManualTimers(),
      log: silentLogger,
      storeWorker: SOURCE_WORKER,
    },
    options,
  );
}

describe('composeApp: the simulated venue on its journal', () => {
  it('keeps your order across a restart, and forgets it on reset', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-compose-sim-'));
    dirs.push(dataDir);
    const first = app(dataDir, { seed: 5 });
    await first.ready;
    const placed = await first.server.call(
      'trading.place',
      {
        venue: 'sim',
        symbol: 'ETH-USD',
        side: 'buy',
        type: 'limit',
        tif: 'GTC',
        price: '100',
        quantity: '1',
      },
      ctx,
    );
    expect(placed).toMatchObject({ ok: true, value: { status: 'accepted', order: { status: 'open' } } });
    const status = await first.server.call('sim.status', {}, ctx);
    expect(status).toMatchObject({ ok: true, value: { persistence: 'sqlite', seed: 5, status: 'running' } });
    const hash = first.sim.engine.stateHash();
    await first.stop();

    const second = app(dataDir);
    await second.ready;
    expect(second.sim.engine.stateHash()).toBe(hash);
    const orders = second.sim.venue.openOrders(second.sim.userAgentId);
    expect(orders.ok && orders.value.map((o) => [o.symbol, o.price, o.quantity])).toEqual([
      ['ETH-USD', '100', '1'],
    ]);
    await second.stop();

    const fresh = app(dataDir, { resetSim: true });
    await fresh.ready;
    expect(fresh.sim.venue.openOrders(fresh.sim.userAgentId)).toEqual({ ok: true, value: [] });
    await fresh.stop();
  }, 30_000);
});

/**
 * Paper trading during a replay: loading a recording of the simulated venue gives a paper venue
 * `paper:replay:sim` over the replayed books. Mid-replay, a market buy there fills against the
 * replayed book (at its best ask), a resting limit stays open, and the replay's controls (seek,
 * play) keep working; unloading takes the venues away again.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src-main/config/settings';
import { ManualTimers, silentLogger } from '../../../src-main/core/ports';
import { systemClock } from '../../../src-main/app/node-ports';
import type { DecimalString } from '../../../src-shared/domain';
import { ReplayController } from '../../../src-main/replay/replay-controller';
import { VENUE_CATALOG } from '../../../src-main/venues/catalog';
import { recordingHarness } from '../../support/recording';
import { resolve } from '../../support/paper';
import { sqliteSim } from '../sim/sqlite-support';
import { simSettings } from '../sim/support';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

async function recordSimSession() {
  const dataDir = mkdtempSync(join(tmpdir(), 'depthline-paper-replay-'));
  const { sim, clock, steps } = await sqliteSim(dataDir);
  steps(20);
  const harness = await recordingHarness(dataDir, clock);
  harness.recorder.setTargets([], {
    ready: Promise.resolve(),
    isReady: () => true,
    lastSeq: () => sim.pipeline.lastSeq,
    seed: sim.seed,
    settings: simSettings(),
  });
  const started = harness.recorder.start('for paper');
  steps(120);
  harness.recorder.stop();
  await sim.stop();
  await harness.close();
  return { dataDir, id: started.ok ? started.value.id! : 0 };
}

describe('paper trading during a replay', () => {
  it('fills a market order against the replayed book and keeps a limit open', async () => {
    const { dataDir, id } = await recordSimSession();
    const added: string[] = [];
    const trading: string[] = [];
    const controller = new ReplayController({
      dataDir,
      catalog: VENUE_CATALOG,
      settings: defaultSettings(),
      clock: systemClock,
      timers: new ManualTimers(),
      log: silentLogger,
      addVenue: (c) => {
        added.push(c.venue);
        return () => added.splice(added.indexOf(c.venue), 1);
      },
      addTradingVenue: (v) => {
        trading.push(v.venueId);
        return () => trading.splice(trading.indexOf(v.venueId), 1);
      },
    });
    cleanups.push(() => controller.unload());
    const loaded = await controller.load(id);
    expect(loaded.ok).toBe(true);
    expect(added).toEqual(['replay:sim']);
    expect(trading).toEqual(['paper:replay:sim']);

    const total = controller.state().total;
    expect((await controller.seek(Math.floor(total / 2))).ok).toBe(true);
    expect(controller.state().position).toBe(Math.floor(total / 2));

    const venue = controller.paperVenues[0]!;
    const you = venue.userAgentId()!;
    expect(you).toBeTruthy();
    const book = controller.player!.session.connectors[0]!.book('BTC-USD')!;
    const bestAsk = book.asks.best()!.price;
    const bestBid = book.bids.best()!;
    const bought = await resolve(
      venue.port.placeOrder({
        agentId: you,
        symbol: 'BTC-USD',
        side: 'buy',
        orderType: 'market',
        timeInForce: 'IOC',
        quantity: '0.001' as DecimalString,
      }),
    );
    expect(bought.paper).toBe(true);
    expect(bought.filledQuantity).toBe('0.001');
    const fills = await resolve(venue.port.recentFills(you, 10));
    expect(fills.at(-1)?.price).toBe(bestAsk);

    const resting = await resolve(
      venue.port.placeOrder({
        agentId: you,
        symbol: 'BTC-USD',
        side: 'buy',
        orderType: 'limit',
        timeInForce: 'GTC',
        price: book.instrument.grid.ticksToPrice(Math.max(1, bestBid.ticks - 100)),
        quantity: '0.001' as DecimalString,
      }),
    );
    expect(resting.status).toBe('open');

    controller.play('max');
    await controller.player!.settled();
    expect(controller.state().status).toBe('ended');
    expect(controller.state().position).toBe(total);

    controller.unload();
    expect(added).toEqual([]);
    expect(trading).toEqual([]);
    expect(controller.state().loaded).toBeNull();
  });

  it('refuses a recording that does not exist, and changes nothing', async () => {
    const { dataDir } = await recordSimSession();
    const controller = new ReplayController({
      dataDir,
      catalog: VENUE_CATALOG,
      settings: defaultSettings(),
      clock: systemClock,
      timers: new ManualTimers(),
      log: silentLogger,
      addVenue: () => () => {},
      addTradingVenue: () => () => {},
    });
    const result = await controller.load(99);
    expect(result.ok ? null : result.error.code).toBe('NOT_FOUND');
    expect(controller.state().loaded).toBeNull();
  });
});

/**
 * The gateway's market-data port over the market-data service, on the simulated venue: l2Book
 * updates are the engine's book (grouped by significant figures exactly as the book core groups,
 * depth-truncated, source "simulated", status live), coalesced; trades arrive Hyperliquid-shaped;
 * unknown venues and symbols are refused at once; dispose stops everything.
 */
import { describe, expect, it } from 'vitest';
import { groupLevels } from '../../../src-main/core/book';
import { ManualClock, ManualTimers, silentLogger } from '../../../src-main/core/ports';
import type { L2BookUpdate, MarketTrade } from '../../../src-main/gateway/market-data-port';
import { createMarketDataService } from '../../../src-main/services/market-data-service';
import { SimConnector } from '../../../src-main/sim/connector';
import { VENUE_CATALOG } from '../../../src-main/venues/catalog';
import { testSim } from '../sim/support';

async function setup() {
  const t = await testSim({ seed: 9 });
  const clock = new ManualClock(1_700_000_000_000, 0);
  const timers = new ManualTimers();
  const connector = new SimConnector(t.sim.engine, t.sim.venue, t.sim.port, t.sim.pipeline, t.clock);
  const service = createMarketDataService({
    clock,
    timers,
    log: silentLogger,
    catalog: VENUE_CATALOG,
    connectors: new Map([['sim', connector]]),
  });
  const run = (steps: number) => {
    for (let i = 0; i < steps; i++) {
      t.steps(1);
      clock.advance(100);
      timers.advance(100);
    }
  };
  return { ...t, port: service.marketDataPort, run, service };
}

describe('market-data port on the simulated venue', () => {
  it('sends grouped, truncated, live books of the engine, coalesced', async () => {
    const { port, run, sim } = await setup();
    const books: L2BookUpdate[] = [];
    const sub = port.subscribeL2Book({ venue: 'sim', symbol: 'BTC-USD', nSigFigs: 4, depth: 4 }, (b) =>
      books.push(b),
    );
    expect(sub.ok).toBe(true);
    await new Promise((r) => setImmediate(r));
    run(50);
    expect(books.length).toBeGreaterThan(5);
    expect(books.length).toBeLessThanOrEqual(51); // at most one per 100 ms
    const last = books.at(-1)!;
    expect(last).toMatchObject({ venue: 'sim', symbol: 'BTC-USD', source: 'simulated', status: 'live' });
    const grid = sim.engine.instrument('BTC-USD')!.grid;
    const expected = (side: 'buy' | 'sell') =>
      groupLevels(
        side === 'buy' ? 'bid' : 'ask',
        sim.engine
          .depth('BTC-USD', side, 1000)
          .map((l) => ({ ticks: l.price, lots: l.qty, count: l.orders })),
        grid,
        { kind: 'sigfigs', nSigFigs: 4 },
        4,
      ).map((l) => ({ px: l.price, sz: l.size, n: l.count }));
    // The last update reflects the book after the last step.
    expect(last.levels).toEqual([expected('buy'), expected('sell')]);
    expect(last.levels[0]).toHaveLength(4);
    if (sub.ok) sub.value.dispose();
    const count = books.length;
    run(10);
    expect(books.length).toBe(count);
  });

  it('passes trades on and refuses unknown venues and symbols', async () => {
    const { port, run } = await setup();
    const trades: MarketTrade[] = [];
    const sub = port.subscribeTrades({ venue: 'sim', symbol: 'ETH-USD' }, (t) => trades.push(...t));
    await new Promise((r) => setImmediate(r));
    run(300);
    expect(trades.length).toBeGreaterThan(0);
    expect(
      trades.every((t) => t.venue === 'sim' && t.symbol === 'ETH-USD' && (t.side === 'A' || t.side === 'B')),
    ).toBe(true);
    expect(port.subscribeTrades({ venue: 'sim', symbol: 'DOGE-USD' }, () => {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_SYMBOL' },
    });
    expect(
      port.subscribeL2Book({ venue: 'nope', symbol: 'X', nSigFigs: null, depth: 5 }, () => {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_VENUE' },
    });
    expect(port.venues()).toEqual(['sim']);
    if (sub.ok) sub.value.dispose();
  });
});

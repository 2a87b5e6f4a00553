/**
 * History over the real composition root with its SQLite store (hand-driven time): the simulated
 * venue trades, you trade; then your fills (with filters), the CSV export, equity curves from the
 * portfolio snapshots, candles from the stored prints (checked against the prints themselves, at
 * every stored time frame) and book snapshots come back through the contract.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestInput, RequestName, RequestOutput } from '../../../src-shared/contract';
import { SettingsSchema } from '../../../src-main/config/settings';
import { Dec } from '../../../src-main/core/num';
import { openReadonly } from '../../../src-main/store/db';
import { FILL_CSV_HEADER } from '../../../src-main/services/history/csv';
import { systemApp } from '../../support/system-app';

const ctx = { transport: 'test', principal: 'user' } as const;
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

async function started() {
  const settings = SettingsSchema.parse({ sim: { snapshotSec: 1 }, history: { bookSnapshotSec: 1 } });
  const sys = systemApp({}, { persist: true, settings });
  stops.push(() => sys.app.stop());
  await sys.app.ready;
  await sys.app.history.ready;
  const call = async <N extends RequestName>(name: N, input: RequestInput<N>): Promise<RequestOutput<N>> => {
    const reply = await sys.server.call(name, input, ctx);
    if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as RequestOutput<N>;
  };
  const flush = async () => {
    await sys.app.sim.journal.flush();
    await sys.app.history.history.flush();
  };
  return { ...sys, call, flush };
}

describe('history contract', () => {
  it('serves your fills with filters, a CSV of them, equity curves and candles from stored prints', async () => {
    const { call, tick, flush, dataDir, clock } = await started();
    for (let i = 0; i < 30; i++) tick(100); // the market makers quote, noise traders trade
    const buy = await call('trading.place', {
      venue: 'sim',
      symbol: 'BTC-USD',
      side: 'buy',
      type: 'market',
      tif: 'IOC',
      quantity: '0.02',
    });
    expect(buy).toMatchObject({ status: 'accepted' });
    for (let i = 0; i < 10; i++) tick(100);
    const sell = await call('trading.place', {
      venue: 'sim',
      symbol: 'BTC-USD',
      side: 'sell',
      type: 'market',
      tif: 'IOC',
      quantity: '0.005',
    });
    expect(sell).toMatchObject({ status: 'accepted' });
    for (let i = 0; i < 30; i++) tick(100);
    await flush();

    const all = await call('history.fills', { venue: 'sim' });
    const total = (side: 'buy' | 'sell') =>
      all.fills
        .filter((f) => f.side === side)
        .reduce((sum, f) => sum.add(f.quantity), new Dec(0))
        .toString();
    expect(total('buy')).toBe('0.02');
    expect(total('sell')).toBe('0.005');
    expect(all.truncated).toBe(false);
    expect(
      all.fills.every((f) => f.venue === 'sim' && f.symbol === 'BTC-USD' && f.liquidity === 'taker'),
    ).toBe(true);
    // Newest first.
    expect(all.fills[0]!.side).toBe('sell');
    expect((await call('history.fills', { side: 'buy' })).fills.every((f) => f.side === 'buy')).toBe(true);
    expect((await call('history.fills', { symbol: 'ETH-USD' })).fills).toEqual([]);
    expect((await call('history.fills', { from: clock.now() + 1 })).fills).toEqual([]);
    expect((await call('history.fills', { venue: 'sim', limit: 1 })).truncated).toBe(all.fills.length > 1);

    const csv = await call('history.exportFills', { venue: 'sim' });
    const lines = csv.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(FILL_CSV_HEADER.join(','));
    expect(csv.rows).toBe(all.fills.length);
    expect(lines.length).toBe(all.fills.length + 1);
    const oldest = all.fills.at(-1)!;
    expect(lines[1]!.split(',')).toEqual([
      new Date(oldest.time).toISOString(),
      String(oldest.time),
      'sim',
      'BTC-USD',
      oldest.side,
      oldest.price,
      oldest.quantity,
      oldest.fee,
      'USD',
      'taker',
      oldest.orderId,
      oldest.tradeId,
    ]);
    expect(csv.filename).toBe('fills-sim.csv');

    const equity = await call('history.equity', { venue: 'sim' });
    const you = equity.series.find((s) => s.kind === 'user');
    expect(you?.name).toBe('you');
    expect(you!.points.length).toBeGreaterThanOrEqual(5);
    expect(equity.series.filter((s) => s.kind === 'agent').length).toBe(7);

    const catalog = await call('history.catalog', {});
    expect(catalog.fillVenues).toEqual(['sim']);
    expect(catalog.equityVenues).toEqual(['sim']);
    expect(catalog.markets).toContainEqual({ venue: 'sim', symbol: 'BTC-USD' });

    // Every stored candle equals what its interval's stored prints give.
    const market = openReadonly({ file: `${dataDir}/market.sqlite`, role: 'market' });
    const prints = market
      .prepare(
        "SELECT ts, price, size FROM prints WHERE venue = 'sim' AND instrument = 'BTC-USD' ORDER BY id",
      )
      .all() as Array<{ ts: number; price: string; size: string }>;
    expect(prints.length).toBeGreaterThanOrEqual(5);
    for (const intervalSec of [60, 300, 900, 3600, 86_400] as const) {
      const { candles } = await call('history.candles', { venue: 'sim', symbol: 'BTC-USD', intervalSec });
      expect(candles.length).toBeGreaterThan(0);
      for (const c of candles) {
        const inside = prints.filter((p) => p.ts >= c.openTime && p.ts < c.openTime + intervalSec * 1000);
        expect(c.trades).toBe(inside.length);
        expect(c.open).toBe(inside[0]!.price);
        expect(c.close).toBe(inside.at(-1)!.price);
        expect(c.volume).toBe(inside.reduce((s, p) => s.add(p.size), new Dec(0)).toString());
        const prices = inside.map((p) => new Dec(p.price));
        expect(c.high).toBe(Dec.max(...prices).toString());
        expect(c.low).toBe(Dec.min(...prices).toString());
      }
    }
    const candlesCsv = await call('history.exportCandles', {
      venue: 'sim',
      symbol: 'BTC-USD',
      intervalSec: 60,
    });
    expect(candlesCsv.csv.split('\r\n')[0]).toBe(
      'open_time_utc,open_time_ms,open,high,low,close,volume,trades',
    );

    const snapshots = market
      .prepare("SELECT ts, bids, asks FROM book_snapshots WHERE venue = 'sim' AND instrument = 'BTC-USD'")
      .all() as Array<{ ts: number; bids: string; asks: string }>;
    expect(snapshots.length).toBeGreaterThanOrEqual(5);
    const last = snapshots.at(-1)!;
    const bids = JSON.parse(last.bids) as Array<[string, string]>;
    const asks = JSON.parse(last.asks) as Array<[string, string]>;
    expect(bids.length).toBeGreaterThan(0);
    expect(bids.length).toBeLessThanOrEqual(20);
    expect(new Dec(bids[0]![0]).lt(asks[0]![0])).toBe(true);
    market.close();
  });
});

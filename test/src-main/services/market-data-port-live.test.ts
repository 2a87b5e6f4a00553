/**
 * The gateway's market-data port on live venues (real connectors against fake exchanges): a
 * Binance book is sent `resyncing` with no levels until it is live, then its levels (source
 * "websocket"), truncated and grouped by significant figures like the book core groups; its
 * trades arrive Hyperliquid-shaped; a REST-only venue (Aster) is sent with source "rest".
 */
import { afterEach, describe, expect, it } from 'vitest';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { groupLevels } from '../../../src-main/core/book';
import { Grid } from '../../../src-main/core/num';
import { silentLogger } from '../../../src-main/core/ports';
import type { L2BookUpdate, MarketTrade } from '../../../src-main/gateway/market-data-port';
import { createMarketDataService } from '../../../src-main/services/market-data-service';
import { createAsterConnector } from '../../../src-main/venues/aster/connector';
import { createBinanceConnector } from '../../../src-main/venues/binance/connector';
import { VENUE_CATALOG } from '../../../src-main/venues/catalog';
import type { VenueConnector } from '../../../src-main/venues/kit';
import { FakeBinance } from '../../support/fake-venues/binance';
import { fastEnv } from '../../support/fake-venues/driver';
import { FakeServer, waitFor } from '../../support/fake-venues/server';
import type { DecimalString } from '../../../src-shared/domain';

const stops: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function setup() {
  const binanceServer = await FakeServer.start();
  const asterServer = await FakeServer.start();
  const binance = new FakeBinance(binanceServer);
  new FakeBinance(asterServer, { futures: true });
  const connectors = new Map<string, VenueConnector>([
    [
      'binance',
      createBinanceConnector(
        fastEnv({ wsUrl: binanceServer.wsUrl('/stream'), restUrl: binanceServer.httpUrl }),
      ),
    ],
    [
      'aster',
      createAsterConnector(fastEnv({ wsUrl: asterServer.wsUrl('/stream'), restUrl: asterServer.httpUrl })),
    ],
  ]);
  const market = createMarketDataService({
    clock: systemClock,
    timers: nodeTimers,
    log: silentLogger,
    catalog: VENUE_CATALOG,
    connectors,
  });
  stops.push(
    () => binanceServer.stop(),
    () => asterServer.stop(),
    () => market.stop(),
  );
  return { port: market.marketDataPort, binance, binanceServer };
}

describe('market-data port on live venues', () => {
  it('sends a Binance book only once live, truncated and grouped', async () => {
    const { port, binance, binanceServer } = await setup();
    const full: L2BookUpdate[] = [];
    const grouped: L2BookUpdate[] = [];
    const a = port.subscribeL2Book({ venue: 'binance', symbol: 'BTCUSDT', nSigFigs: null, depth: 5 }, (b) =>
      full.push(b),
    );
    const b = port.subscribeL2Book({ venue: 'binance', symbol: 'BTCUSDT', nSigFigs: 3, depth: 3 }, (u) =>
      grouped.push(u),
    );
    expect(a.ok && b.ok).toBe(true);
    await waitFor(() => full.length > 0, 3000, 'a first book');
    expect(full[0]).toMatchObject({ venue: 'binance', status: 'resyncing', levels: [[], []] });
    await waitFor(() => binanceServer.open().length > 0, 3000);
    binance.emit(5);
    await waitFor(() => full.some((u) => u.status === 'live'), 3000, 'a live book');
    binance.emit(3);
    await new Promise((r) => setTimeout(r, 300));
    const last = full.at(-1)!;
    expect(last).toMatchObject({ source: 'websocket', status: 'live' });
    const truth = binance.state().truth.top(50);
    expect(last.levels[0].map((l) => l.px)).toEqual(truth.bids.slice(0, 5).map(([t]) => String(t / 10)));
    const grid = new Grid({ tickSize: '0.1' as DecimalString, lotSize: '0.001' as DecimalString });
    const expected = groupLevels(
      'bid',
      truth.bids.map(([ticks, lots]) => ({ ticks, lots, count: undefined })),
      grid,
      { kind: 'sigfigs', nSigFigs: 3 },
      3,
    ).map((l) => l.price);
    expect(grouped.at(-1)!.levels[0].map((l) => l.px)).toEqual(expected);
    if (a.ok) a.value.dispose();
    if (b.ok) b.value.dispose();
  });

  it('passes live trades on, and serves a REST-only venue with source rest', async () => {
    const { port, binance, binanceServer } = await setup();
    const trades: MarketTrade[] = [];
    const sub = port.subscribeTrades({ venue: 'binance', symbol: 'BTCUSDT' }, (t) => trades.push(...t));
    expect(sub.ok).toBe(true);
    await waitFor(() => binanceServer.open().length > 0, 3000);
    await new Promise((r) => setTimeout(r, 200));
    binance.emitTrade('BTCUSDT', false);
    binance.emitTrade('BTCUSDT', true);
    await waitFor(() => trades.length >= 2, 3000, 'two trades');
    expect(trades.map((t) => [t.venue, t.symbol, t.side])).toEqual([
      ['binance', 'BTCUSDT', 'B'],
      ['binance', 'BTCUSDT', 'A'],
    ]);
    const rest: L2BookUpdate[] = [];
    port.subscribeL2Book({ venue: 'aster', symbol: 'BTCUSDT', nSigFigs: null, depth: 5 }, (u) =>
      rest.push(u),
    );
    await waitFor(() => rest.some((u) => u.status === 'live'), 5000, 'a REST book');
    expect(rest.find((u) => u.status === 'live')).toMatchObject({ venue: 'aster', source: 'rest' });
    expect(
      port.subscribeL2Book({ venue: 'okx', symbol: 'BTC-USDT', nSigFigs: null, depth: 5 }, () => {}),
    ).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_VENUE' },
    });
  });
});

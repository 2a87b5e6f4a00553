/**
 * The composition root builds a paper venue for every enabled live venue, on the ledger in the
 * data directory: it becomes available once the live venue's metadata arrived, trades on the live
 * book, and the next start finds the same paper account. Without storage it stays unavailable
 * and says why; with paper disabled there is none.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TradingVenue } from '../../../src-shared/contract';
import type { DecimalString } from '../../../src-shared/domain';
import { composeApp, type AppEnvironment } from '../../../src-main/app/compose';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { SettingsSchema, type Settings } from '../../../src-main/config/settings';
import { silentLogger } from '../../../src-main/core/ports';
import { waitFor } from '../../support/fake-venues/server';
import { resolve } from '../../support/paper';
import { ScriptedBinance, SYMBOL } from '../../support/scripted-binance';
import { SOURCE_WORKER } from '../../support/store-worker';

const d = (s: string) => s as DecimalString;

describe('paper venues in the composition root', () => {
  const saved = { ...process.env };
  let exchange: ScriptedBinance;
  let dataDir: string;

  beforeEach(async () => {
    exchange = await ScriptedBinance.start();
    exchange.setBook([[10_000, 1_000]], [[10_010, 1_500]]);
    process.env.DEPTHLINE_BINANCE_WS_URL = exchange.server.wsUrl('/stream');
    process.env.DEPTHLINE_BINANCE_REST_URL = exchange.server.httpUrl;
    dataDir = mkdtempSync(join(tmpdir(), 'depthline-paper-app-'));
  });
  afterEach(async () => {
    process.env = { ...saved };
    await exchange.stop();
  });

  const settings = (paper: object = {}) =>
    SettingsSchema.parse({ venues: { binance: { enabled: true, symbols: [SYMBOL] } }, paper });
  const env = (s: Settings, storeWorker: typeof SOURCE_WORKER | null = SOURCE_WORKER): AppEnvironment => ({
    runtime: 'headless',
    version: 't',
    dataDir,
    settings: s,
    clock: systemClock,
    timers: nodeTimers,
    log: silentLogger,
    ...(storeWorker ? { storeWorker } : {}),
  });

  it('builds paper:binance on the ledger; the next start has the same account', async () => {
    const first = composeApp(env(settings({ venues: { binance: { takerFee: '0.002' } } })));
    const [venue] = first.paper.venues;
    expect(venue?.venueId).toBe('paper:binance');
    await first.paper.ready;
    await waitFor(() => (first.paper.venues[0]!.books(1)[0]?.asks.length ?? 0) > 0, 10_000, 'a live book');
    const { agentId } = await resolve(venue!.registerAgent({ name: 'me', startingCapital: d('5000') }));
    const order = {
      agentId,
      symbol: SYMBOL,
      side: 'buy',
      orderType: 'market',
      quantity: d('1'),
      timeInForce: 'IOC',
    } as const;
    await resolve(venue!.placeOrder(order));
    const before = await resolve(venue!.portfolio(agentId));
    expect(before.cash).toBe('3996.998'); // 1001 + 0.2% fee
    await first.stop();

    const second = composeApp(env(settings()));
    await second.paper.ready;
    const again = await resolve(
      second.paper.venues[0]!.registerAgent({ name: 'me', startingCapital: d('1') }),
    );
    expect(again).toEqual({ agentId, created: false });
    expect((await resolve(second.paper.venues[0]!.portfolio(agentId))).cash).toBe('3996.998');
    await second.stop();
  });

  it('the user trades on paper:binance over the contract as "you", with the configured capital', async () => {
    const app = composeApp(env(settings({ startingCapital: '7000' })));
    const ctx = { transport: 'test', principal: 'user' } as const;
    const venues = async () => {
      const reply = await app.server.call('trading.venues', {}, ctx);
      if (!reply.ok) throw new Error(reply.error.message);
      return (reply.value as TradingVenue[]).find((v) => v.venue === 'paper:binance');
    };
    expect(await venues()).toMatchObject({ kind: 'paper', name: 'Paper · Binance Spot' });
    await app.paper.ready;
    await waitFor(() => (app.paper.venues[0]!.books(1)[0]?.asks.length ?? 0) > 0, 10_000, 'a live book');
    let listed = await venues();
    for (let i = 0; i < 50 && !listed?.available; i++) {
      await new Promise((r) => setTimeout(r, 20));
      listed = await venues();
    }
    expect(listed).toMatchObject({ available: true, reason: null });
    const placed = await app.server.call(
      'trading.place',
      { venue: 'paper:binance', symbol: SYMBOL, side: 'buy', type: 'market', tif: 'IOC', quantity: '1' },
      ctx,
    );
    expect(placed).toMatchObject({ ok: true, value: { status: 'accepted' } });
    const cash = (await resolve(app.paper.venues[0]!.portfolio(listed!.userAgentId!))).cash;
    expect(cash).toBe('5997.999'); // 7000 - 1001 - 1.001 (0.1% taker fee, Binance base tier)
    // Rejections stay values and change nothing.
    const bad = await app.server.call(
      'trading.place',
      {
        venue: 'paper:binance',
        symbol: SYMBOL,
        side: 'buy',
        type: 'limit',
        tif: 'GTC',
        price: '1.0000001',
        quantity: '1',
      },
      ctx,
    );
    expect(bad).toMatchObject({ ok: true, value: { status: 'rejected', code: 'OFF_TICK' } });
    expect((await resolve(app.paper.venues[0]!.portfolio(listed!.userAgentId!))).cash).toBe(cash);
    await app.stop();
  });

  it('without ledger storage the paper venue is unavailable and says why', async () => {
    const app = composeApp(env(settings(), null));
    await app.paper.ready;
    const answer = await app.paper.venues[0]!.registerAgent({ name: 'me', startingCapital: d('1') });
    expect(answer).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringMatching(/storage/) },
    });
    await app.stop();
  });

  it('paper.enabled false builds none', async () => {
    const app = composeApp(env(settings({ enabled: false })));
    expect(app.paper.venues).toEqual([]);
    await app.stop();
  });
});

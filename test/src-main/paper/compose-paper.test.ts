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
    await waitFor(() => first.paper.venues[0]!.books(1)[0]!.asks.length > 0, 5000, 'a live book');
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

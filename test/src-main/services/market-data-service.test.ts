/**
 * The market-data service end to end over the real contract server, with real connectors against
 * fake venues: watch/unwatch and instruments; book views coalesced to at most ~10 per second
 * while the venue moves at full rate; views that never show levels unless live (or stale,
 * greyed); stale within silence + 1 s; REST-only venues served with source `rest`; health; and
 * venues.list status coming from the connectors.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { silentLogger } from '../../../src-main/core/ports';
import { defaultSettings } from '../../../src-main/config/settings';
import { ContractConnection } from '../../../src-main/rpc/connection';
import { partialImplementation } from '../../support/partial-contract';
import { ContractServer } from '../../../src-main/rpc/server';
import { createMarketDataService } from '../../../src-main/services/market-data-service';
import { createSystemService } from '../../../src-main/services/system-service';
import { VENUE_CATALOG } from '../../../src-main/venues/catalog';
import { createAsterConnector } from '../../../src-main/venues/aster/connector';
import { createBinanceConnector } from '../../../src-main/venues/binance/connector';
import type { VenueConnector } from '../../../src-main/venues/kit';
import type { BookView, ServerMessage, VenueHealth, VenueInfo } from '../../../src-shared/contract';
import { FakeBinance } from '../../support/fake-venues/binance';
import { fastEnv } from '../../support/fake-venues/driver';
import { FakeServer, sleep, waitFor } from '../../support/fake-venues/server';

interface Harness {
  send(message: unknown): void;
  events: (id: number) => Array<{ kind: string; seq: number; data: unknown }>;
  reply: (id: number) => Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;
}

async function setup() {
  const binanceServer = await FakeServer.start();
  const asterServer = await FakeServer.start();
  const binance = new FakeBinance(binanceServer);
  const aster = new FakeBinance(asterServer, { futures: true });
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
    bookIntervalMs: 100,
    heartbeatMs: 200,
    healthIntervalMs: 100,
    restPollMs: 100,
  });
  const settings = defaultSettings();
  settings.venues.binance = { enabled: true };
  settings.venues.aster = { enabled: true };
  const system = createSystemService({
    clock: systemClock,
    timers: nodeTimers,
    runtime: 'headless',
    version: 't',
    settings,
    catalog: VENUE_CATALOG,
    venueStatus: (id) => connectors.get(id)?.health().state,
  });
  const server = new ContractServer(
    partialImplementation({
      requests: { ...system.requests, ...market.requests },
      streams: { ...system.streams, ...market.streams },
    }),
    silentLogger,
  );
  const received: ServerMessage[] = [];
  const connection = new ContractConnection(
    server,
    { send: (m) => received.push(JSON.parse(JSON.stringify(m)) as ServerMessage), bufferedBytes: () => 0 },
    { transport: 'test', principal: 'user' },
  );
  const harness: Harness = {
    send: (m) => connection.receive(m),
    events: (id) =>
      received.flatMap((m) =>
        m.t === 'event' && m.id === id ? [m.event as { kind: string; seq: number; data: unknown }] : [],
      ),
    reply: (id) =>
      waitFor(() => received.find((m) => m.t === 'reply' && m.id === id), 3000, `reply ${id}`).then(
        (m) => (m as Extract<ServerMessage, { t: 'reply' }>).result as never,
      ),
  };
  const stop = async () => {
    connection.close();
    market.stop();
    await binanceServer.stop();
    await asterServer.stop();
  };
  return { harness, binance, aster, binanceServer, stop };
}

describe('market data service', () => {
  let env: Awaited<ReturnType<typeof setup>>;
  afterEach(async () => env?.stop());

  it('lists instruments, watches and unwatches, and rejects unknown or disabled venues', async () => {
    env = await setup();
    const { harness } = env;
    harness.send({ t: 'call', id: 1, name: 'market.instruments', input: { venue: 'binance' } });
    expect(await harness.reply(1)).toMatchObject({
      ok: true,
      value: [{ symbol: 'BTCUSDT', tickSize: '0.1', lotSize: '0.001' }],
    });
    harness.send({ t: 'call', id: 2, name: 'market.watch', input: { venue: 'binance', symbol: 'btcusdt' } });
    expect(await harness.reply(2)).toEqual({ ok: true, value: { venue: 'binance', symbol: 'BTCUSDT' } });
    harness.send({ t: 'call', id: 3, name: 'market.watch', input: { venue: 'okx', symbol: 'BTC-USDT' } });
    expect((await harness.reply(3)).error?.code).toBe('UNAVAILABLE');
    harness.send({ t: 'call', id: 4, name: 'market.watch', input: { venue: 'nowhere', symbol: 'X' } });
    expect((await harness.reply(4)).error?.code).toBe('NOT_FOUND');
    harness.send({ t: 'call', id: 5, name: 'market.watch', input: { venue: 'binance', symbol: 'NOPE' } });
    expect((await harness.reply(5)).error?.code).toBe('NOT_FOUND');
    harness.send({
      t: 'call',
      id: 6,
      name: 'market.unwatch',
      input: { venue: 'binance', symbol: 'BTCUSDT' },
    });
    expect(await harness.reply(6)).toMatchObject({ ok: true });
    harness.send({
      t: 'call',
      id: 7,
      name: 'market.unwatch',
      input: { venue: 'binance', symbol: 'BTCUSDT' },
    });
    expect((await harness.reply(7)).error?.code).toBe('NOT_FOUND');
  });

  it('streams coalesced book views (<= ~10/s) while the venue moves at full rate', async () => {
    env = await setup();
    const { harness, binance, binanceServer } = env;
    harness.send({
      t: 'sub',
      id: 10,
      name: 'market.book',
      params: { venue: 'binance', symbol: 'BTCUSDT', depth: 5 },
    });
    await waitFor(() => binanceServer.open().length > 0, 3000);
    binance.emit(3);
    const live = () =>
      harness
        .events(10)
        .map((e) => e.data as BookView)
        .filter((v) => v.status === 'live');
    await waitFor(() => live().length > 0, 3000, 'a live view');
    const before = harness.events(10).length;
    const started = Date.now();
    // ~1000 diffs per second for one second.
    while (Date.now() - started < 1000) {
      binance.emit(10);
      await sleep(10);
    }
    const views = harness.events(10).length - before;
    expect(views).toBeGreaterThanOrEqual(5);
    expect(views).toBeLessThanOrEqual(13);
    await sleep(250);
    const last = harness.events(10).at(-1)!.data as BookView;
    expect(last).toMatchObject({ status: 'live', source: 'stream', venue: 'binance', symbol: 'BTCUSDT' });
    const truth = binance.state().truth.top(5);
    expect(last.bids.map((l) => l.price)).toEqual(truth.bids.map(([t]) => String(t / 10)));
    expect(last.asks).toHaveLength(5);
    expect(typeof last.ageMs).toBe('number');
    // Every event is numbered one apart after the snapshot.
    const seqs = harness.events(10).map((e) => e.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('never shows levels of a book that is not live; shows stale (greyed) within silence + 1 s', async () => {
    env = await setup();
    const { harness, binance, binanceServer } = env;
    harness.send({
      t: 'sub',
      id: 20,
      name: 'market.book',
      params: { venue: 'binance', symbol: 'BTCUSDT', depth: 5 },
    });
    const first = harness.events(20)[0]!.data as BookView;
    expect(first).toMatchObject({ status: 'resyncing', bids: [], asks: [] });
    await waitFor(() => binanceServer.open().length > 0, 3000);
    binance.emit(3);
    await waitFor(() => harness.events(20).some((e) => (e.data as BookView).status === 'live'), 3000);
    binanceServer.silent = true;
    const silentAt = Date.now();

    await waitFor(() => (harness.events(20).at(-1)!.data as BookView).status === 'stale', 3000, 'stale view');
    expect(Date.now() - silentAt).toBeLessThan(800 + 1000);
    binanceServer.silent = false;
    for (const e of harness.events(20)) {
      const view = e.data as BookView;
      if (view.status === 'resyncing' || view.status === 'invalid') expect(view.bids).toEqual([]);
    }
  });

  it('serves REST-only venues (Aster) from REST with source rest', async () => {
    env = await setup();
    const { harness, aster } = env;
    aster.emit(2);
    harness.send({
      t: 'sub',
      id: 30,
      name: 'market.book',
      params: { venue: 'aster', symbol: 'BTCUSDT', depth: 3 },
    });
    await waitFor(
      () => harness.events(30).some((e) => (e.data as BookView).source === 'rest'),
      3000,
      'REST view',
    );
    const view = harness.events(30).at(-1)!.data as BookView;
    expect(view).toMatchObject({ status: 'live', source: 'rest' });
    expect(view.bids).toHaveLength(3);
  });

  it('groups book views when asked', async () => {
    env = await setup();
    const { harness, binance, binanceServer } = env;
    harness.send({
      t: 'sub',
      id: 40,
      name: 'market.book',
      params: { venue: 'binance', symbol: 'BTCUSDT', depth: 3, grouping: { kind: 'ticks', multiple: 100 } },
    });
    await waitFor(() => binanceServer.open().length > 0, 3000);
    binance.emit(3);
    await waitFor(() => harness.events(40).some((e) => (e.data as BookView).status === 'live'), 3000);
    const view = harness.events(40).at(-1)!.data as BookView;
    // Ticks of 0.1 grouped by 100: every bucket is a multiple of 10.
    for (const level of [...view.bids, ...view.asks]) expect(Number(level.price) % 10).toBe(0);
  });

  it('streams health and reports venue status from the connectors', async () => {
    env = await setup();
    const { harness, binance, binanceServer } = env;
    harness.send({
      t: 'sub',
      id: 50,
      name: 'market.book',
      params: { venue: 'binance', symbol: 'BTCUSDT', depth: 5 },
    });
    await waitFor(() => binanceServer.open().length > 0, 3000);
    binance.emit(3);
    harness.send({ t: 'sub', id: 51, name: 'market.health', params: {} });
    await waitFor(
      () =>
        (harness.events(51).at(-1)?.data as { venues: VenueHealth[] } | undefined)?.venues.find(
          (v) => v.venue === 'binance' && v.books[0]?.status === 'live',
        ),
      3000,
      'health live',
    );
    const health = harness.events(51).at(-1)!.data as { venues: VenueHealth[] };
    expect(health.venues.find((v) => v.venue === 'okx')?.state).toBe('disabled');
    const binanceHealth = health.venues.find((v) => v.venue === 'binance')!;
    expect(binanceHealth.books[0]).toMatchObject({ symbol: 'BTCUSDT', source: 'stream' });
    harness.send({ t: 'call', id: 52, name: 'venues.list', input: {} });
    const venues = (await harness.reply(52)).value as VenueInfo[];
    expect(venues.find((v) => v.id === 'binance')).toMatchObject({ enabled: true, status: 'live' });
    expect(venues.find((v) => v.id === 'aster')!.capabilities.fullDepthStream).toBe(false);
    expect(venues.find((v) => v.id === 'okx')).toMatchObject({ enabled: false, status: 'disabled' });
  });

  it('streams trades, then releases the implicit watch when the last stream closes', async () => {
    env = await setup();
    const { harness, binance, binanceServer } = env;
    harness.send({
      t: 'sub',
      id: 60,
      name: 'market.book',
      params: { venue: 'binance', symbol: 'BTCUSDT', depth: 5 },
    });
    harness.send({
      t: 'sub',
      id: 61,
      name: 'market.trades',
      params: { venue: 'binance', symbol: 'BTCUSDT' },
    });
    await waitFor(() => binanceServer.open().length > 0, 3000);
    await sleep(50);
    binance.emitTrade('BTCUSDT', false);
    const delta = await waitFor(
      () => harness.events(61).find((e) => e.kind === 'delta'),
      2000,
      'trade delta',
    );
    expect(delta.data).toMatchObject({
      trades: [{ price: '1000.00000000', size: '1.50000000', side: 'buy' }],
    });
    harness.send({ t: 'unsub', id: 60 });
    harness.send({ t: 'unsub', id: 61 });
    await waitFor(
      () => binanceServer.connections.flatMap((c) => c.received).some((m) => m.includes('UNSUBSCRIBE')),
      2000,
      'unsubscribed at the venue',
    );
  });
});

describe('configured symbols', () => {
  it('keeps retrying a venue that was unreachable at start-up until it answers', async () => {
    const server = await FakeServer.start();
    const fake = new FakeBinance(server);
    let refuseMetadata = true;
    server.route((_req, url) =>
      refuseMetadata && url.pathname === '/api/v3/exchangeInfo'
        ? { status: 503, body: { msg: 'down' } }
        : null,
    );
    const connector = createBinanceConnector(
      fastEnv({ wsUrl: server.wsUrl('/stream'), restUrl: server.httpUrl }),
    );
    const market = createMarketDataService({
      clock: systemClock,
      timers: nodeTimers,
      log: silentLogger,
      catalog: VENUE_CATALOG,
      connectors: new Map([['binance', connector]]),
      configuredRetryMs: 50,
    });
    try {
      await market.watchConfigured(new Map([['binance', ['BTCUSDT']]]));
      expect(connector.watched()).toEqual([]);
      refuseMetadata = false;
      await waitFor(() => connector.watched().length === 1, 3000, 'watched after retry');
      fake.emit(2);
      await waitFor(() => connector.book('BTCUSDT'), 3000, 'live');
    } finally {
      market.stop();
      await server.stop();
    }
  });
});

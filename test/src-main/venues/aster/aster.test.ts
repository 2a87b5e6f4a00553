/**
 * Aster as its capabilities say: BBO and trades over the stream, no stream book (book() is
 * always null), depth always from REST and counted, against a fake Binance-compatible venue.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createAsterConnector } from '../../../../src-main/venues/aster/connector';
import type { StreamConnector, Trade } from '../../../../src-main/venues/kit';
import { FakeBinance, px, qty } from '../../../support/fake-venues/binance';
import { fastEnv } from '../../../support/fake-venues/driver';
import { FakeServer, waitFor } from '../../../support/fake-venues/server';

describe('Aster connector', () => {
  let server: FakeServer;
  let fake: FakeBinance;
  let connector: StreamConnector;
  afterEach(async () => {
    connector.stop();
    await server.stop();
  });

  async function start() {
    server = await FakeServer.start();
    fake = new FakeBinance(server, { futures: true });
    fake.tradePath = '/stream';
    connector = createAsterConnector(fastEnv({ wsUrl: server.wsUrl('/stream'), restUrl: server.httpUrl }));
    expect(connector.capabilities.fullDepthStream).toBe(false);
    expect((await connector.watch('btcusdt')).ok).toBe(true);
    await waitFor(
      () => server.open().length > 0 && server.connections[0]!.received.length > 0,
      3000,
      'subscribed',
    );
  }

  it('subscribes BBO and trades only, never a depth stream', async () => {
    await start();
    const sent = server.connections[0]!.received.join(' ');
    expect(sent).toContain('btcusdt@bookTicker');
    expect(sent).toContain('btcusdt@aggTrade');
    expect(sent).not.toContain('@depth');
  });

  it('keeps the latest BBO from bookTicker and emits trades', async () => {
    await start();
    const trades: Trade[] = [];
    connector.onTrades((t) => trades.push(...t));
    fake.emit(3);
    fake.emitBookTicker('BTCUSDT', '/stream');
    fake.emitTrade('BTCUSDT', true);
    await waitFor(() => connector.bbo('BTCUSDT') && trades.length > 0, 2000, 'bbo and trade');
    const top = fake.state().truth.top(1);
    expect(connector.bbo('BTCUSDT')).toMatchObject({
      bidPrice: px(top.bids[0]![0]),
      askSize: qty(top.asks[0]![1]),
    });
    expect(trades[0]).toMatchObject({ venue: 'aster', symbol: 'BTCUSDT', side: 'sell' });
  });

  it('has no stream book; depth always comes from REST and is counted', async () => {
    await start();
    fake.emit(5);
    expect(connector.book('BTCUSDT')).toBeNull();
    for (let i = 0; i < 3; i++) {
      const depth = await connector.depth('BTCUSDT', 10);
      expect(depth.ok && depth.value.source).toBe('rest');
    }
    const depth = await connector.depth('BTCUSDT', 10);
    if (!depth.ok) throw new Error(depth.error.message);
    const truth = fake.state().truth.top(10);
    expect(depth.value.bids.map((l) => l.price)).toEqual(truth.bids.map(([t]) => String(t / 10)));
    expect(connector.health().books[0]).toMatchObject({ status: 'live', source: 'rest', restFallbacks: 4 });
  });
});

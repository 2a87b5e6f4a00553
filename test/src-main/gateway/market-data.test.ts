/**
 * Market data for bots over a real socket: `l2Book` and `trades` subscriptions on any venue
 * through the market-data port, Hyperliquid-shaped, with the book's source and status; the
 * confirmation comes first; unsubscribe and connection close release the port's subscriptions.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { L2BookUpdate } from '../../../src-main/gateway/market-data-port';
import { startTestGateway } from '../../support/gateway-harness';

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function gateway(limits = {}) {
  const h = await startTestGateway({ limits });
  cleanup.push(() => h.close());
  return h;
}

const lvl = (px: string, sz: string, n = 1) => ({ px, sz, n }) as never;
const book = (status: L2BookUpdate['status'], bid = '64000.1'): L2BookUpdate => ({
  venue: 'binance',
  symbol: 'BTCUSDT',
  time: 1_700_000_000_456,
  levels: [
    [lvl(bid, '4.2', 2), lvl('64000', '10', 5), lvl('63999.9', '1')],
    [lvl('64000.2', '1.1'), lvl('64000.3', '2')],
  ],
  source: 'websocket',
  status,
});

describe('l2Book', () => {
  it('confirms, then streams Hyperliquid-shaped books with source and status', async () => {
    const h = await gateway();
    h.marketData.publishBook(book('live'));
    const bot = await h.connect();
    const ack = await bot.request({
      type: 'subscribe',
      channel: 'l2Book',
      venue: 'binance',
      symbol: 'BTCUSDT',
      depth: 2,
      nSigFigs: 5,
    });
    expect(ack).toMatchObject({
      type: 'subscribed',
      channel: 'l2Book',
      venue: 'binance',
      symbol: 'BTCUSDT',
      depth: 2,
      nSigFigs: 5,
    });
    expect(h.marketData.requests).toEqual([{ venue: 'binance', symbol: 'BTCUSDT', depth: 2, nSigFigs: 5 }]);
    const first = await bot.next('l2Book');
    expect(first).toEqual({
      type: 'l2Book',
      channel: 'l2Book',
      data: {
        coin: 'BTCUSDT',
        venue: 'binance',
        time: 1_700_000_000_456,
        levels: [
          [
            { px: '64000.1', sz: '4.2', n: 2 },
            { px: '64000', sz: '10', n: 5 },
          ],
          [
            { px: '64000.2', sz: '1.1', n: 1 },
            { px: '64000.3', sz: '2', n: 1 },
          ],
        ],
        source: 'websocket',
        status: 'live',
      },
    });
    // The port delivered the first book synchronously inside subscribe; the confirmation still came first.
    expect(bot.seen.indexOf('subscribed')).toBeLessThan(bot.seen.indexOf('l2Book'));
    h.marketData.publishBook(book('resyncing'));
    expect(await bot.next('l2Book')).toMatchObject({ data: { status: 'resyncing' } });
    h.marketData.publishBook(book('stale'));
    expect(await bot.next('l2Book')).toMatchObject({ data: { status: 'stale' } });
    expect(bot.schemaErrors).toEqual([]);
  });

  it('defaults to the trading venue and depth 20; refuses duplicates, unknown venues and symbols', async () => {
    const h = await gateway();
    const bot = await h.connect();
    expect(await bot.request({ type: 'subscribe', channel: 'l2Book', symbol: 'BTC-USD' })).toMatchObject({
      type: 'subscribed',
      venue: 'sim',
      depth: 20,
      nSigFigs: null,
    });
    expect(await bot.request({ type: 'subscribe', channel: 'l2Book', symbol: 'BTC-USD' })).toMatchObject({
      code: 'ALREADY_SUBSCRIBED',
    });
    expect(
      await bot.request({ type: 'subscribe', channel: 'l2Book', venue: 'kraken', symbol: 'X' }),
    ).toMatchObject({
      code: 'UNKNOWN_VENUE',
    });
    expect(
      await bot.request({ type: 'subscribe', channel: 'trades', venue: 'binance', symbol: 'DOGE' }),
    ).toMatchObject({
      code: 'UNKNOWN_SYMBOL',
    });
    expect(
      await bot.request({ type: 'subscribe', channel: 'l2Book', symbol: 'BTC-USD', nSigFigs: 7 }),
    ).toMatchObject({
      code: 'INVALID_MESSAGE',
    });
    expect(
      await bot.request({ type: 'subscribe', channel: 'l2Book', symbol: 'BTC-USD', depth: 101 }),
    ).toMatchObject({
      code: 'INVALID_MESSAGE',
    });
  });

  it('unsubscribes, and releases every port subscription when the socket closes', async () => {
    const h = await gateway({ maxSubscriptions: 2 });
    const bot = await h.connect();
    await bot.request({ type: 'subscribe', channel: 'l2Book', venue: 'binance', symbol: 'BTCUSDT' });
    await bot.request({ type: 'subscribe', channel: 'trades', venue: 'binance', symbol: 'BTCUSDT' });
    expect(await bot.request({ type: 'subscribe', channel: 'l2Book', symbol: 'ETH-USD' })).toMatchObject({
      code: 'LIMIT_EXCEEDED',
    });
    expect(h.marketData.listenerCount).toBe(2);
    expect(
      await bot.request({ type: 'unsubscribe', channel: 'l2Book', venue: 'binance', symbol: 'BTCUSDT' }),
    ).toMatchObject({
      type: 'unsubscribed',
    });
    expect(
      await bot.request({ type: 'unsubscribe', channel: 'l2Book', venue: 'binance', symbol: 'BTCUSDT' }),
    ).toMatchObject({
      code: 'NOT_SUBSCRIBED',
    });
    expect(h.marketData.listenerCount).toBe(1);
    bot.ws.close();
    await bot.closed;
    await new Promise((r) => setTimeout(r, 20));
    expect(h.marketData.listenerCount).toBe(0);
  });
});

describe('trades', () => {
  it('streams trades as Hyperliquid-shaped arrays', async () => {
    const h = await gateway();
    const bot = await h.connect();
    await bot.request({ type: 'subscribe', channel: 'trades', venue: 'binance', symbol: 'BTCUSDT' });
    h.marketData.publishTrades('binance', 'BTCUSDT', [
      {
        venue: 'binance',
        symbol: 'BTCUSDT',
        side: 'B',
        px: '64000.2' as never,
        sz: '0.5' as never,
        time: 1,
        tid: '77',
      },
    ]);
    expect(await bot.next('trades')).toEqual({
      type: 'trades',
      channel: 'trades',
      venue: 'binance',
      data: [{ coin: 'BTCUSDT', side: 'B', px: '64000.2', sz: '0.5', time: 1, tid: '77' }],
    });
  });
});

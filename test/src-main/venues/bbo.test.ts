/**
 * Best bid/offer streams (issue 4: bookTicker on Binance and Binance USD-M, bbo on Hyperliquid,
 * and each other venue's BBO channel): every adapter subscribes its BBO channel with the book,
 * parses the venue's BBO frame (shapes from protocols.md and each folder's messages.ts) into
 * decimal strings, and the connector keeps the newest BBO, never an older one.
 */
import { describe, expect, it } from 'vitest';
import { Grid } from '../../../src-main/core/num';
import { LIVE_ADAPTERS } from '../../../src-main/venues/catalog';
import type { Instrument } from '../../../src-main/venues/kit';
import { createBinanceConnector } from '../../../src-main/venues/binance/connector';
import type { DecimalString, VenueId } from '../../../src-shared/domain';
import { FakeBinance } from '../../support/fake-venues/binance';
import { fastEnv } from '../../support/fake-venues/driver';
import { FakeServer, waitFor } from '../../support/fake-venues/server';

interface Case {
  /** What the subscription must name (the BBO channel). */
  readonly channel: string;
  readonly symbol: string;
  readonly ref?: string;
  readonly frame: string;
  readonly bbo: { bidPrice: string; bidSize: string; askPrice: string; askSize: string };
}

const cases: Record<string, Case> = {
  binance: {
    channel: 'btcusdt@bookTicker',
    symbol: 'BTCUSDT',
    frame:
      '{"stream":"btcusdt@bookTicker","data":{"u":400900217,"s":"BTCUSDT","b":"64000.01000000","B":"0.50000000","a":"64000.02000000","A":"1.25000000"}}',
    bbo: {
      bidPrice: '64000.01000000',
      bidSize: '0.50000000',
      askPrice: '64000.02000000',
      askSize: '1.25000000',
    },
  },
  'binance-usdm': {
    channel: 'btcusdt@bookTicker',
    symbol: 'BTCUSDT',
    frame:
      '{"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":400900217,"E":1700000000123,"T":1700000000120,"s":"BTCUSDT","b":"64000.1","B":"2.1","a":"64000.2","A":"0.4"}}',
    bbo: { bidPrice: '64000.1', bidSize: '2.1', askPrice: '64000.2', askSize: '0.4' },
  },
  aster: {
    channel: 'btcusdt@bookTicker',
    symbol: 'BTCUSDT',
    frame:
      '{"stream":"btcusdt@bookTicker","data":{"e":"bookTicker","u":400900217,"E":1700000000123,"T":1700000000120,"s":"BTCUSDT","b":"64000.1","B":"2.1","a":"64000.2","A":"0.4"}}',
    bbo: { bidPrice: '64000.1', bidSize: '2.1', askPrice: '64000.2', askSize: '0.4' },
  },
  hyperliquid: {
    channel: '"bbo"',
    symbol: 'BTC',
    frame:
      '{"channel":"bbo","data":{"coin":"BTC","time":1700000000000,"bbo":[{"px":"64000.0","sz":"1.2","n":3},{"px":"64001.0","sz":"0.7","n":1}]}}',
    bbo: { bidPrice: '64000.0', bidSize: '1.2', askPrice: '64001.0', askSize: '0.7' },
  },
  lighter: {
    channel: 'ticker/1',
    symbol: 'ETH',
    ref: '1',
    frame:
      '{"type":"update/ticker","channel":"ticker:1","nonce":123,"ticker":{"s":"ETH","a":{"price":"3024.66","size":"1.2"},"b":{"price":"3024.65","size":"0.5"},"last_updated_at":1776000000467930},"timestamp":1776000000475}',
    bbo: { bidPrice: '3024.65', bidSize: '0.5', askPrice: '3024.66', askSize: '1.2' },
  },
  bybit: {
    channel: 'orderbook.1.BTCUSDT',
    symbol: 'BTCUSDT',
    frame:
      '{"topic":"orderbook.1.BTCUSDT","type":"snapshot","ts":1700000000123,"data":{"s":"BTCUSDT","b":[["64000.1","2"]],"a":[["64000.5","1.2"]],"u":8812345,"seq":71234567890},"cts":1700000000110}',
    bbo: { bidPrice: '64000.1', bidSize: '2', askPrice: '64000.5', askSize: '1.2' },
  },
  okx: {
    channel: '"tickers"',
    symbol: 'BTC-USDT',
    frame:
      '{"arg":{"channel":"tickers","instId":"BTC-USDT"},"data":[{"instType":"SPOT","instId":"BTC-USDT","last":"30236","askPx":"30236.1","askSz":"0.5","bidPx":"30236","bidSz":"1.2","ts":"1652459225506"}]}',
    bbo: { bidPrice: '30236', bidSize: '1.2', askPrice: '30236.1', askSize: '0.5' },
  },
  coinbase: {
    channel: '"ticker"',
    symbol: 'BTC-USD',
    frame:
      '{"channel":"ticker","client_id":"","timestamp":"2026-01-01T00:00:01.5Z","sequence_num":44,"events":[{"type":"update","tickers":[{"type":"ticker","product_id":"BTC-USD","price":"64000.5","best_bid":"64000.01","best_bid_quantity":"0.5","best_ask":"64001.00","best_ask_quantity":"1.2"}]}]}',
    bbo: { bidPrice: '64000.01', bidSize: '0.5', askPrice: '64001.00', askSize: '1.2' },
  },
  kraken: {
    channel: '"ticker"',
    symbol: 'BTC/USD',
    frame:
      '{"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","bid":64000.1,"bid_qty":0.5,"ask":64000.5,"ask_qty":1.25,"last":64000.3}]}',
    bbo: { bidPrice: '64000.1', bidSize: '0.5', askPrice: '64000.5', askSize: '1.25' },
  },
};

const instrument = (venue: string, c: Case): Instrument => ({
  venue: venue as VenueId,
  symbol: c.symbol,
  base: 'X',
  quote: 'Y',
  tickSize: '0.01' as DecimalString,
  lotSize: '0.001' as DecimalString,
  grid: new Grid({ tickSize: '0.01' as DecimalString, lotSize: '0.001' as DecimalString }),
  ...(c.ref === undefined ? {} : { ref: c.ref }),
});

describe('BBO streams', () => {
  it('covers every live adapter', () => {
    expect(LIVE_ADAPTERS.map((a) => a.venue).sort()).toEqual(Object.keys(cases).sort());
  });

  it.each(LIVE_ADAPTERS.map((a) => [a.venue, a] as const))(
    '%s subscribes its BBO channel and parses its BBO frame into decimal strings',
    (venue, adapter) => {
      const c = cases[venue]!;
      expect(adapter.capabilities.bboStream).toBe(true);
      const inst = instrument(venue, c);
      const sent = [
        ...adapter.subscribe([inst]),
        ...(adapter.secondary ? adapter.secondary.subscribe([inst]) : []),
      ].join('\n');
      expect(sent).toContain(c.channel);
      const parsed = adapter.parse(c.frame);
      expect(parsed.ok).toBe(true);
      const frames = parsed.ok ? parsed.value : [];
      const bbo = frames.find((f) => f.kind === 'bbo');
      expect(bbo).toMatchObject({ kind: 'bbo', symbol: c.ref ?? c.symbol, bbo: c.bbo });
    },
  );

  it('keeps the newest bookTicker and ignores one older than it (by update id)', async () => {
    const server = await FakeServer.start();
    const fake = new FakeBinance(server);
    const connector = createBinanceConnector(
      fastEnv({ wsUrl: server.wsUrl('/stream'), restUrl: server.httpUrl }),
    );
    try {
      expect((await connector.watch('BTCUSDT')).ok).toBe(true);
      await waitFor(() => server.open().length > 0, 3000, 'socket');
      const ticker = (u: number, bid: string) =>
        JSON.stringify({
          stream: 'btcusdt@bookTicker',
          data: { u, s: 'BTCUSDT', b: bid, B: '1.00000000', a: '99999.00000000', A: '1.00000000' },
        });
      server.broadcast(ticker(200, '1000.00000000'));
      await waitFor(() => connector.bbo('BTCUSDT')?.bidPrice === '1000.00000000', 2000, 'first bbo');
      server.broadcast(ticker(150, '900.00000000'));
      // A trade sent after it marks when the older ticker has surely been handled.
      const trades: unknown[] = [];
      connector.onTrades((t) => trades.push(...t));
      fake.emitTrade();
      await waitFor(() => trades.length > 0, 2000, 'trade after the older ticker');
      expect(connector.bbo('BTCUSDT')?.bidPrice).toBe('1000.00000000');
      server.broadcast(ticker(201, '1001.00000000'));
      await waitFor(() => connector.bbo('BTCUSDT')?.id === 201, 2000, 'newest bbo');
      expect(connector.bbo('BTCUSDT')?.bidPrice).toBe('1001.00000000');
    } finally {
      connector.stop();
      await server.stop();
    }
  });
});

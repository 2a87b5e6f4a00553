/**
 * A fake Kraken v2 endpoint: `book` snapshot then updates with prices and quantities as JSON
 * number literals at full precision (1 price decimal, 3 quantity decimals) and an unsigned
 * CRC-32 of the top 10 (computed with node:zlib, independently of the code under test); trades;
 * ping/pong; REST AssetPairs (v1 names: XBT) and Depth.
 */
import { crc32 } from 'node:zlib';
import { createKrakenConnector } from '../../../src-main/venues/kraken/connector';
import type { VenueDriver } from './driver';
import { FakeServer } from './server';
import { StreamFake, type Change, type StreamProtocol } from './stream-fake';
import type { TruthBook } from './truth-book';

export const DEPTH = 100;
/** JSON number literal with the pair's precision: 1000.0, 0.005. */
const price = (ticks: number) => `${Math.floor(ticks / 10)}.${ticks % 10}`;
const qty = (lots: number) => (lots / 1000).toFixed(3);
const level = ([t, l]: [number, number]) => `{"price":${price(t)},"qty":${qty(l)}}`;

export function krakenChecksum(truth: TruthBook): number {
  const { bids, asks } = truth.top(10);
  const strip = (s: string) => s.replace('.', '').replace(/^0+/, '');
  const part = ([t, l]: [number, number]) => strip(price(t)) + strip(qty(l));
  return crc32([...asks.map(part), ...bids.map(part)].join('')) >>> 0;
}

function bookFrame(type: string, symbol: string, bids: string[], asks: string[], truth: TruthBook): string {
  // The venue's own book is the top DEPTH: checksum over what a depth-limited client holds.
  return `{"channel":"book","type":"${type}","data":[{"symbol":"${symbol}","bids":[${bids.join(',')}],"asks":[${asks.join(',')}],"checksum":${krakenChecksum(truth)},"timestamp":"${new Date().toISOString()}"}]}`;
}

export interface KrakenFakeOptions {
  corruptNextChecksum: boolean;
}

export function krakenProtocol(options: KrakenFakeOptions): StreamProtocol {
  return {
    read(text) {
      const msg = JSON.parse(text) as { method: string; params?: { channel: string; symbol: string[] } };
      if (msg.method === 'ping')
        return { subs: [], replies: [JSON.stringify({ method: 'pong', time_in: 'x', time_out: 'y' })] };
      const params = msg.params!;
      return {
        subs: params.symbol.map((symbol) => ({
          op: msg.method === 'subscribe' ? ('sub' as const) : ('unsub' as const),
          channel:
            params.channel === 'book'
              ? ('book' as const)
              : params.channel === 'trade'
                ? ('trades' as const)
                : ('other' as const),
          symbol,
        })),
        replies: params.symbol.map((symbol) =>
          JSON.stringify({ method: msg.method, result: { channel: params.channel, symbol }, success: true }),
        ),
      };
    },
    snapshot(symbol, truth) {
      const top = truth.top(DEPTH);
      return bookFrame('snapshot', symbol, top.bids.map(level), top.asks.map(level), truth);
    },
    update(symbol, changes: readonly Change[], truth) {
      const side = (s: 'bid' | 'ask') => changes.filter(([x]) => x === s).map(([, t, l]) => level([t, l]));
      const frame = bookFrame('update', symbol, side('bid'), side('ask'), truth);
      if (!options.corruptNextChecksum) return frame;
      options.corruptNextChecksum = false;
      return frame.replace(/"checksum":(\d+)/, (_m, n: string) => `"checksum":${(Number(n) + 1) >>> 0}`);
    },
    trade: (symbol, id) =>
      `{"channel":"trade","type":"update","data":[{"symbol":"${symbol}","side":"sell","price":${price(10_000)},"qty":${qty(1)},"ord_type":"market","trade_id":${id},"timestamp":"${new Date().toISOString()}"}]}`,
    advance: () => {},
  };
}

export async function startKrakenFake() {
  const server = await FakeServer.start();
  const options: KrakenFakeOptions = { corruptNextChecksum: false };
  const fake = new StreamFake(server, krakenProtocol(options), 'BTC/USD');
  server.route((_req, url) => {
    if (url.pathname === '/0/public/AssetPairs') {
      return {
        body: {
          error: [],
          result: {
            XXBTZUSD: {
              altname: 'XBTUSD',
              wsname: 'XBT/USD',
              base: 'XXBT',
              quote: 'ZUSD',
              pair_decimals: 1,
              lot_decimals: 3,
              tick_size: '0.1',
              status: 'online',
            },
          },
        },
      };
    }
    if (url.pathname === '/0/public/Depth' && url.searchParams.get('pair') === 'XBTUSD') {
      const top = fake.truth.top(Number(url.searchParams.get('count') ?? '100'));
      const side = (levels: Array<[number, number]>) =>
        levels.map(([t, l]) => [price(t), qty(l), 1_700_000_000]);
      return { body: { error: [], result: { XXBTZUSD: { asks: side(top.asks), bids: side(top.bids) } } } };
    }
    return null;
  });
  return { fake, options, control: fake.control() };
}

export const krakenDriver: VenueDriver = {
  venue: 'kraken',
  restSnapshots: false,
  sequenced: true,
  gapCause: 'checksum',
  start: async () => (await startKrakenFake()).control,
  urls: (c) => ({ wsUrl: c.server.wsUrl('/v2'), restUrl: c.server.httpUrl }),
  connector: (_c, env) => createKrakenConnector(env),
};

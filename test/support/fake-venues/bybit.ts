/**
 * A fake Bybit v5 linear endpoint: `orderbook.50` snapshot on subscribe then deltas with u
 * stepping by one, `u == 1` restarts carrying the whole book, publicTrade, op ping/pong, REST
 * orderbook and instruments-info.
 */
import { createBybitConnector } from '../../../src-main/venues/bybit/connector';
import type { VenueDriver } from './driver';
import { FakeServer } from './server';
import { px, qty, StreamFake, type Change, type StreamProtocol } from './stream-fake';

export interface BybitFakeOptions {
  /** The next update is a service restart: u = 1 with the whole book, as a delta. */
  restartNext: boolean;
}

const lv = ([t, l]: [number, number]) => [px(t), qty(l)];

export function bybitProtocol(options: BybitFakeOptions): StreamProtocol {
  const frame = (type: string, symbol: string, b: unknown[], a: unknown[], u: number) =>
    JSON.stringify({
      topic: `orderbook.50.${symbol}`,
      type,
      ts: Date.now(),
      data: { s: symbol, b, a, u, seq: u * 10 },
      cts: Date.now(),
    });
  return {
    read(text) {
      const msg = JSON.parse(text) as { op: string; args?: string[] };
      if (msg.op === 'ping')
        return {
          subs: [],
          replies: [JSON.stringify({ success: true, ret_msg: 'pong', conn_id: 'x', op: 'ping' })],
        };
      return {
        subs: (msg.args ?? []).map((topic) => {
          const [kind, depth, symbol = ''] = topic.split('.');
          return {
            op: msg.op === 'subscribe' ? ('sub' as const) : ('unsub' as const),
            channel:
              kind === 'orderbook' && depth === '50'
                ? ('book' as const)
                : kind === 'publicTrade'
                  ? ('trades' as const)
                  : ('other' as const),
            symbol: kind === 'publicTrade' ? (depth ?? '') : symbol,
          };
        }),
        replies: [JSON.stringify({ success: true, ret_msg: '', conn_id: 'x', op: msg.op })],
      };
    },
    snapshot(symbol, truth, seq) {
      const top = truth.top(50);
      return frame('snapshot', symbol, top.bids.map(lv), top.asks.map(lv), seq.last);
    },
    update(symbol, changes: readonly Change[], truth, seq) {
      if (seq.last === 1) {
        const top = truth.top(50);
        return frame('delta', symbol, top.bids.map(lv), top.asks.map(lv), 1);
      }
      const side = (s: 'bid' | 'ask') => changes.filter(([x]) => x === s).map(([, t, l]) => lv([t, l]));
      return frame('delta', symbol, side('bid'), side('ask'), seq.last);
    },
    trade: (symbol, id) =>
      JSON.stringify({
        topic: `publicTrade.${symbol}`,
        type: 'snapshot',
        ts: Date.now(),
        data: [
          {
            T: Date.now(),
            s: symbol,
            S: 'Buy',
            v: qty(3),
            p: px(10_001),
            L: 'PlusTick',
            i: `t-${id}`,
            BT: false,
          },
        ],
      }),
    advance(seq) {
      seq.prev = seq.last;
      if (options.restartNext) {
        options.restartNext = false;
        seq.last = 1;
      } else seq.last += 1;
    },
  };
}

export async function startBybitFake(options: Partial<BybitFakeOptions> = {}) {
  const server = await FakeServer.start();
  const opts: BybitFakeOptions = { restartNext: false, ...options };
  const fake = new StreamFake(server, bybitProtocol(opts), 'BTCUSDT');
  server.route((_req, url) => {
    if (url.pathname === '/v5/market/instruments-info') {
      return {
        body: {
          retCode: 0,
          retMsg: 'OK',
          result: {
            category: 'linear',
            list: [
              {
                symbol: 'BTCUSDT',
                status: 'Trading',
                baseCoin: 'BTC',
                quoteCoin: 'USDT',
                priceFilter: { tickSize: '0.10', minPrice: '0.10' },
                lotSizeFilter: { qtyStep: '0.001', minOrderQty: '0.001' },
              },
            ],
            nextPageCursor: '',
          },
        },
      };
    }
    if (url.pathname === '/v5/market/orderbook') {
      const top = fake.truth.top(Number(url.searchParams.get('limit') ?? '50'));
      return {
        body: {
          retCode: 0,
          retMsg: 'OK',
          result: {
            s: 'BTCUSDT',
            b: top.bids.map(lv),
            a: top.asks.map(lv),
            ts: Date.now(),
            u: fake.seq.last,
            seq: 1,
            cts: Date.now(),
          },
        },
      };
    }
    return null;
  });
  return { fake, options: opts, control: fake.control() };
}

export const bybitDriver: VenueDriver = {
  staleDiff: 'dropped',
  venue: 'bybit',
  restSnapshots: false,
  sequenced: true,
  start: async () => (await startBybitFake()).control,
  urls: (c) => ({ wsUrl: c.server.wsUrl('/v5/public/linear'), restUrl: c.server.httpUrl }),
  connector: (_c, env) => createBybitConnector(env),
};

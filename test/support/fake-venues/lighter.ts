/**
 * A fake Lighter stream: `{"type":"subscribe","channel":"order_book/0"}` answered by a
 * `subscribed/order_book` snapshot on `order_book:0`, then `update/order_book` deltas chained by
 * begin_nonce == previous nonce (nonces and offsets jump, as on the real venue), trades, ping/pong,
 * REST orderBookDetails and orderBookOrders (individual orders).
 */
import { createLighterConnector } from '../../../src-main/venues/lighter/connector';
import type { VenueDriver } from './driver';
import { FakeServer } from './server';
import { px, qty, StreamFake, type Change, type StreamProtocol } from './stream-fake';

const lv = ([t, l]: [number, number]) => ({ price: px(t), size: l === 0 ? '0.0000' : qty(l) });

export const lighterProtocol: StreamProtocol = {
  read(text) {
    const msg = JSON.parse(text) as { type: string; channel?: string };
    if (msg.type === 'ping') return { subs: [], replies: [JSON.stringify({ type: 'pong' })] };
    const [name = '', market = ''] = (msg.channel ?? '').split('/');
    return {
      subs: [
        {
          op: msg.type === 'subscribe' ? 'sub' : 'unsub',
          channel: name === 'order_book' ? 'book' : name === 'trade' ? 'trades' : 'other',
          symbol: market,
        },
      ],
      replies: [],
    };
  },
  snapshot(market, truth, seq) {
    const top = truth.top(1000);
    return JSON.stringify({
      type: 'subscribed/order_book',
      channel: `order_book:${market}`,
      offset: seq.last * 7,
      timestamp: Date.now(),
      order_book: {
        code: 0,
        asks: top.asks.map(lv),
        bids: top.bids.map(lv),
        offset: seq.last * 7,
        nonce: seq.last,
        begin_nonce: 0,
      },
    });
  },
  update(market, changes: readonly Change[], _truth, seq) {
    const side = (s: 'bid' | 'ask') => changes.filter(([x]) => x === s).map(([, t, l]) => lv([t, l]));
    return JSON.stringify({
      type: 'update/order_book',
      channel: `order_book:${market}`,
      offset: seq.last * 7,
      timestamp: Date.now(),
      order_book: {
        code: 0,
        asks: side('ask'),
        bids: side('bid'),
        offset: seq.last * 7,
        nonce: seq.last,
        begin_nonce: seq.prev,
      },
    });
  },
  trade: (market, id) =>
    JSON.stringify({
      type: 'update/trade',
      channel: `trade:${market}`,
      trades: [
        {
          trade_id: id,
          tx_hash: '0xabc',
          type: 'trade',
          market_id: Number(market),
          size: qty(42),
          price: px(10_002),
          usd_amount: '4.2',
          is_maker_ask: true,
          timestamp: Date.now(),
        },
      ],
    }),
  advance(seq) {
    seq.prev = seq.last;
    seq.last += 17 + (seq.last % 5);
  },
};

export async function startLighterFake() {
  const server = await FakeServer.start();
  const fake = new StreamFake(server, lighterProtocol, 'ETH', '0');
  server.route((_req, url) => {
    if (url.pathname === '/api/v1/orderBookDetails') {
      return {
        body: {
          code: 200,
          order_book_details: [
            {
              market_id: 0,
              symbol: 'ETH',
              status: 'active',
              size_decimals: 3,
              price_decimals: 1,
              min_base_amount: '0.005',
            },
          ],
        },
      };
    }
    if (url.pathname === '/api/v1/orderBookOrders') {
      // Each level split into two orders, as the venue lists individual orders.
      const top = fake.truth.top(Number(url.searchParams.get('limit') ?? '50'));
      const orders = (levels: Array<[number, number]>) =>
        levels.flatMap(([t, l]) => {
          const first = Math.ceil(l / 2);
          return [first, l - first]
            .filter((x) => x > 0)
            .map((x, i) => ({
              order_index: t * 10 + i,
              price: px(t),
              remaining_base_amount: qty(x),
              initial_base_amount: qty(x),
            }));
        });
      return {
        body: {
          code: 200,
          total_asks: top.asks.length,
          asks: orders(top.asks),
          total_bids: top.bids.length,
          bids: orders(top.bids),
        },
      };
    }
    return null;
  });
  return { fake, control: fake.control() };
}

export const lighterDriver: VenueDriver = {
  staleDiff: 'dropped',
  venue: 'lighter',
  restSnapshots: false,
  sequenced: true,
  start: async () => (await startLighterFake()).control,
  urls: (c) => ({ wsUrl: c.server.wsUrl('/stream'), restUrl: c.server.httpUrl }),
  connector: (_c, env) => createLighterConnector(env),
};

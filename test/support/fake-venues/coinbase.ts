/**
 * A fake Coinbase Advanced Trade endpoint: one channel per subscribe message, `l2_data`
 * snapshot then updates, market_trades, heartbeats, and a per-connection `sequence_num` on every
 * frame; REST products and product_book.
 */
import { createCoinbaseConnector } from '../../../src-main/venues/coinbase/connector';
import type { VenueDriver } from './driver';
import { FakeServer } from './server';
import { px, qty, StreamFake, type Change, type StreamProtocol } from './stream-fake';

const SEQ = '"sequence_num":0';
const envelope = (channel: string, events: unknown[]) =>
  JSON.stringify({ channel, client_id: '', timestamp: new Date().toISOString(), sequence_num: 0, events });
const update = (side: 'bid' | 'ask', ticks: number, lots: number) => ({
  side: side === 'bid' ? 'bid' : 'offer',
  event_time: new Date().toISOString(),
  price_level: px(ticks),
  new_quantity: qty(lots),
});

export const coinbaseProtocol: StreamProtocol = {
  read(text) {
    const msg = JSON.parse(text) as { type: string; channel: string; product_ids?: string[] };
    const op = msg.type === 'subscribe' ? ('sub' as const) : ('unsub' as const);
    const channel =
      msg.channel === 'level2'
        ? ('book' as const)
        : msg.channel === 'market_trades'
          ? ('trades' as const)
          : ('other' as const);
    return {
      subs: (msg.product_ids ?? []).map((symbol) => ({ op, channel, symbol })),
      replies: [envelope('subscriptions', [{ subscriptions: { [msg.channel]: msg.product_ids ?? [] } }])],
    };
  },
  snapshot(symbol, truth) {
    const top = truth.top(1000);
    return envelope('l2_data', [
      {
        type: 'snapshot',
        product_id: symbol,
        updates: [
          ...top.bids.map(([t, l]) => update('bid', t, l)),
          ...top.asks.map(([t, l]) => update('ask', t, l)),
        ],
      },
    ]);
  },
  update(symbol, changes: readonly Change[]) {
    return envelope('l2_data', [
      { type: 'update', product_id: symbol, updates: changes.map(([s, t, l]) => update(s, t, l)) },
    ]);
  },
  trade: (symbol, id) =>
    envelope('market_trades', [
      {
        type: 'update',
        trades: [
          {
            trade_id: String(id),
            product_id: symbol,
            price: px(10_000),
            size: qty(77),
            side: 'SELL',
            time: new Date().toISOString(),
          },
        ],
      },
    ]),
  advance: () => {},
  stamp: (frame, seq) => frame.replace(SEQ, `"sequence_num":${seq}`),
};

export async function startCoinbaseFake() {
  const server = await FakeServer.start();
  const fake = new StreamFake(server, coinbaseProtocol, 'BTC-USD');
  server.route((_req, url) => {
    if (url.pathname === '/api/v3/brokerage/market/products') {
      return {
        body: {
          products: [
            {
              product_id: 'BTC-USD',
              base_currency_id: 'BTC',
              quote_currency_id: 'USD',
              price_increment: '0.1',
              quote_increment: '0.1',
              base_increment: '0.001',
              status: 'online',
              trading_disabled: false,
            },
          ],
          num_products: 1,
        },
      };
    }
    if (url.pathname === '/api/v3/brokerage/market/product_book') {
      const top = fake.truth.top(Number(url.searchParams.get('limit') ?? '50'));
      const side = (levels: Array<[number, number]>) =>
        levels.map(([t, l]) => ({ price: px(t), size: qty(l) }));
      return {
        body: {
          pricebook: {
            product_id: 'BTC-USD',
            bids: side(top.bids),
            asks: side(top.asks),
            time: new Date().toISOString(),
          },
        },
      };
    }
    return null;
  });
  return { fake, control: fake.control() };
}

export const coinbaseDriver: VenueDriver = {
  staleDiff: 'dropped',
  venue: 'coinbase',
  restSnapshots: false,
  sequenced: true,
  start: async () => (await startCoinbaseFake()).control,
  urls: (c) => ({ wsUrl: c.server.wsUrl('/'), restUrl: c.server.httpUrl }),
  connector: (_c, env) => createCoinbaseConnector(env),
};

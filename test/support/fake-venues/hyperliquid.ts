/**
 * A fake Hyperliquid: `{"method":"subscribe","subscription":{...}}` with subscriptionResponse
 * acks, l2Book pushes of the whole top-20 book, trades as arrays, `{"method":"ping"}` answered by
 * `{"channel":"pong"}`, and `POST /info` for meta and l2Book.
 */
import { createHyperliquidConnector } from '../../../src-main/venues/hyperliquid/connector';
import type { VenueDriver } from './driver';
import { FakeServer } from './server';
import { px, qty, StreamFake, type StreamProtocol } from './stream-fake';
import type { TruthBook } from './truth-book';

const book = (coin: string, truth: TruthBook, time: number) => {
  const top = truth.top(20);
  const side = (levels: Array<[number, number]>) =>
    levels.map(([t, l]) => ({ px: px(t), sz: qty(l), n: 1 + (l % 3) }));
  return { coin, time, levels: [side(top.bids), side(top.asks)] };
};

export const hyperliquidProtocol: StreamProtocol = {
  read(text) {
    const msg = JSON.parse(text) as { method: string; subscription?: { type: string; coin: string } };
    if (msg.method === 'ping') return { subs: [], replies: [JSON.stringify({ channel: 'pong' })] };
    const sub = msg.subscription!;
    return {
      subs: [
        {
          op: msg.method === 'subscribe' ? 'sub' : 'unsub',
          channel: sub.type === 'l2Book' ? 'book' : sub.type === 'trades' ? 'trades' : 'other',
          symbol: sub.coin,
        },
      ],
      replies: [JSON.stringify({ channel: 'subscriptionResponse', data: msg })],
    };
  },
  snapshot: (coin, truth, seq) => JSON.stringify({ channel: 'l2Book', data: book(coin, truth, seq.time) }),
  update: (coin, _changes, truth, seq) =>
    JSON.stringify({ channel: 'l2Book', data: book(coin, truth, seq.time) }),
  trade: (coin, id) =>
    JSON.stringify({
      channel: 'trades',
      data: [
        {
          coin,
          side: 'A',
          px: px(10_000),
          sz: qty(120),
          hash: '0xabc',
          time: Date.now(),
          tid: id,
          users: ['0x1', '0x2'],
        },
      ],
    }),
  advance: () => {},
};

export async function startHyperliquidFake(coins: readonly string[] = ['BTC']) {
  const server = await FakeServer.start();
  const fake = new StreamFake(server, hyperliquidProtocol, coins[0]!);
  server.route((_req, url, body) => {
    if (url.pathname !== '/info') return null;
    const request = JSON.parse(body) as { type: string; coin?: string };
    if (request.type === 'meta') {
      return { body: { universe: coins.map((name) => ({ name, szDecimals: 3, maxLeverage: 40 })) } };
    }
    if (request.type === 'l2Book') {
      return {
        body: coins.includes(request.coin ?? '') ? book(request.coin!, fake.truth, fake.seq.time) : null,
      };
    }
    return { status: 400, body: 'unknown request' };
  });
  return { fake, control: fake.control() };
}

export const hyperliquidDriver: VenueDriver = {
  staleDiff: 'dropped',
  venue: 'hyperliquid',
  restSnapshots: false,
  sequenced: false,
  start: async () => (await startHyperliquidFake()).control,
  urls: (c) => ({ wsUrl: c.server.wsUrl('/ws'), restUrl: c.server.httpUrl }),
  connector: (_c, env) => createHyperliquidConnector(env),
};

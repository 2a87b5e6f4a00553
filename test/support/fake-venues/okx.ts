/**
 * A fake OKX v5 public endpoint: `books` snapshot then updates with seqId/prevSeqId and either a
 * real CRC32 checksum (computed with node:zlib, independently of the code under test) or the
 * post-2026-06-23 constant 0; trades; text ping/pong; REST instruments and books.
 */
import { crc32 } from 'node:zlib';
import { createOkxConnector } from '../../../src-main/venues/okx/connector';
import type { VenueDriver } from './driver';
import { FakeServer } from './server';
import { px, qty, StreamFake, type Change, type SeqState, type StreamProtocol } from './stream-fake';
import type { TruthBook } from './truth-book';

export interface OkxFakeOptions {
  checksum: 'real' | 'zero';
  /** The next update resets the sequence (seqId below prevSeqId, link intact). */
  resetNext: boolean;
}

const level = ([t, l]: [number, number]) => [px(t), qty(l), '0', l === 0 ? '0' : '1'];

function checksumOf(truth: TruthBook): number {
  const { bids, asks } = truth.top(25);
  const parts: string[] = [];
  for (let i = 0; i < Math.max(bids.length, asks.length); i++) {
    if (bids[i]) parts.push(px(bids[i]![0]), qty(bids[i]![1]));
    if (asks[i]) parts.push(px(asks[i]![0]), qty(asks[i]![1]));
  }
  return crc32(parts.join(':')) | 0;
}

export function okxProtocol(options: OkxFakeOptions): StreamProtocol {
  const books = (
    action: string,
    symbol: string,
    bids: unknown[],
    asks: unknown[],
    truth: TruthBook,
    seq: SeqState,
  ) =>
    JSON.stringify({
      arg: { channel: 'books', instId: symbol },
      action,
      data: [
        {
          asks,
          bids,
          ts: String(Date.now()),
          checksum: options.checksum === 'real' ? checksumOf(truth) : 0,
          prevSeqId: action === 'snapshot' ? -1 : seq.prev,
          seqId: seq.last,
        },
      ],
    });
  return {
    read(text) {
      if (text === 'ping') return { subs: [], replies: ['pong'] };
      const msg = JSON.parse(text) as { op: string; args: Array<{ channel: string; instId: string }> };
      return {
        subs: msg.args.map((a) => ({
          op: msg.op === 'subscribe' ? ('sub' as const) : ('unsub' as const),
          channel:
            a.channel === 'books'
              ? ('book' as const)
              : a.channel === 'trades'
                ? ('trades' as const)
                : ('other' as const),
          symbol: a.instId,
        })),
        replies: msg.args.map((arg) => JSON.stringify({ event: msg.op, arg, connId: 'fake' })),
      };
    },
    snapshot(symbol, truth, seq) {
      const top = truth.top(400);
      return books('snapshot', symbol, top.bids.map(level), top.asks.map(level), truth, seq);
    },
    update(symbol, changes: readonly Change[], truth, seq) {
      const side = (s: 'bid' | 'ask') => changes.filter(([x]) => x === s).map(([, t, l]) => level([t, l]));
      return books('update', symbol, side('bid'), side('ask'), truth, seq);
    },
    trade(symbol, id) {
      return JSON.stringify({
        arg: { channel: 'trades', instId: symbol },
        data: [
          {
            instId: symbol,
            tradeId: String(id),
            px: px(10_000),
            sz: qty(250),
            side: 'sell',
            ts: String(Date.now()),
          },
        ],
      });
    },
    advance(seq) {
      seq.prev = seq.last;
      if (options.resetNext) {
        options.resetNext = false;
        seq.last = 3;
      } else seq.last += 1 + (seq.last % 3);
    },
  };
}

export async function startOkxFake(options: Partial<OkxFakeOptions> = {}) {
  const server = await FakeServer.start();
  const opts: OkxFakeOptions = { checksum: 'real', resetNext: false, ...options };
  const fake = new StreamFake(server, okxProtocol(opts), 'BTC-USDT');
  server.route((_req, url) => {
    if (url.pathname === '/api/v5/public/instruments') {
      const spot = url.searchParams.get('instType') === 'SPOT';
      return {
        body: {
          code: '0',
          data: spot
            ? [
                {
                  instId: 'BTC-USDT',
                  baseCcy: 'BTC',
                  quoteCcy: 'USDT',
                  tickSz: '0.1',
                  lotSz: '0.001',
                  state: 'live',
                },
              ]
            : [],
        },
      };
    }
    if (url.pathname === '/api/v5/market/books') {
      const top = fake.truth.top(Number(url.searchParams.get('sz') ?? '400'));
      return {
        body: {
          code: '0',
          msg: '',
          data: [{ asks: top.asks.map(level), bids: top.bids.map(level), ts: String(Date.now()) }],
        },
      };
    }
    return null;
  });
  return { fake, options: opts, control: fake.control() };
}

export const okxDriver: VenueDriver = {
  staleDiff: 'resync',
  venue: 'okx',
  restSnapshots: false,
  sequenced: true,
  start: async () => (await startOkxFake()).control,
  urls: (c) => ({ wsUrl: c.server.wsUrl('/ws/v5/public'), restUrl: c.server.httpUrl }),
  connector: (_c, env) => createOkxConnector(env),
};

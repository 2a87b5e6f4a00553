/**
 * Real Binance spot traffic (cryptofeed capture, 2021) through the real Binance code: the
 * adapter's parser, the spot U/u rules and the book core. Exactness is checked against the
 * capture itself: whenever a bookTicker frame carries the book's current update id, the local
 * best bid/ask must equal it; and the final books equal an independent naive replay.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Grid } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';
import { binanceAdapter, createBinanceConnector } from '../../../../src-main/venues/binance/connector';
import { parseRestDepth } from '../../../../src-main/venues/binance/parse';
import {
  BookSync,
  binanceSpotRules,
  type DepthMessage,
  type StreamConnector,
} from '../../../../src-main/venues/kit';
import { readHttpCapture, readWsCapture } from '../../../support/captured';
import { fastEnv } from '../../../support/fake-venues/driver';
import { FakeServer, waitFor } from '../../../support/fake-venues/server';

const frames = readWsCapture('BINANCE.ws.1.0');
const snapshots = readHttpCapture('BINANCE.http.0.0');
const SYMBOLS = ['NKNUSDT', 'BLZETH', 'LRCBTC', 'RUNEEUR'];
// Every price and size in the capture has 8 decimals; this grid represents them exactly.
const grid = new Grid({ tickSize: '0.00000001' as DecimalString, lotSize: '0.00000001' as DecimalString });

const snapshotOf = (symbol: string) =>
  snapshots.get(`https://api.binance.com/api/v3/depth?symbol=${symbol}&limit=1000`);

type Data = { s: string; U?: number; u: number; b: unknown; a: unknown; e?: string };
const dataOf = (text: string) => (JSON.parse(text) as { stream: string; data: Data }).data;

/** Independent naive replay: maps of price string -> size string, the spot rule inline. */
function naiveBook(symbol: string) {
  const snap = snapshotOf(symbol) as { lastUpdateId: number; bids: string[][]; asks: string[][] };
  const norm = (s: string) => s.replace(/\.?0+$/, '');
  const bids = new Map(snap.bids.map(([p, q]) => [norm(p!), norm(q!)]));
  const asks = new Map(snap.asks.map(([p, q]) => [norm(p!), norm(q!)]));
  let id = snap.lastUpdateId;
  for (const f of frames) {
    const d = dataOf(f.text);
    if (d.e !== 'depthUpdate' || d.s !== symbol || d.u <= id) continue;
    if (d.U! > id + 1) throw new Error(`capture has a gap at ${d.U}`);
    for (const [side, levels] of [
      [bids, d.b],
      [asks, d.a],
    ] as const) {
      for (const [p, q] of levels as string[][]) {
        if (Number(q) === 0) side.delete(norm(p!));
        else side.set(norm(p!), norm(q!));
      }
    }
    id = d.u;
  }
  const sorted = (m: Map<string, string>, desc: boolean) =>
    [...m].sort((x, y) => (desc ? Number(y[0]) - Number(x[0]) : Number(x[0]) - Number(y[0])));
  return { id, bids: sorted(bids, true), asks: sorted(asks, false) };
}

describe('captured Binance spot traffic', () => {
  it.each(SYMBOLS)('%s: snapshot + diffs agree with every matching bookTicker', (symbol) => {
    const sync = new BookSync(grid, { mode: 'rest-snapshot', rules: binanceSpotRules });
    let matched = 0;
    let snapshotLoaded = false;
    // bookTicker is real time and often arrives before the 100 ms depth batch that ends at the
    // same update id, so tickers are kept by id and compared once the book reaches that id.
    const tickers = new Map<
      number,
      { bidPrice: string; bidSize: string; askPrice: string; askSize: string }
    >();
    const compare = () => {
      const t = sync.valid && sync.lastId !== undefined ? tickers.get(sync.lastId) : undefined;
      if (!t) return;
      expect(grid.priceToTicks(t.bidPrice)).toEqual({ ok: true, value: sync.book.bestBid()!.ticks });
      expect(grid.priceToTicks(t.askPrice)).toEqual({ ok: true, value: sync.book.bestAsk()!.ticks });
      expect(grid.sizeToLots(t.bidSize)).toEqual({ ok: true, value: sync.book.bestBid()!.lots });
      expect(grid.sizeToLots(t.askSize)).toEqual({ ok: true, value: sync.book.bestAsk()!.lots });
      tickers.delete(sync.lastId!);
      matched += 1;
    };
    for (const frame of frames) {
      const parsed = binanceAdapter.parse(frame.text);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) continue;
      for (const f of parsed.value) {
        if (f.kind === 'depth' && f.symbol === symbol) {
          const outcome = sync.onStream(f.message);
          expect(outcome.kind).not.toBe('fault');
          if (outcome.kind === 'buffered' && outcome.requestSnapshot && !snapshotLoaded) {
            // The capture's snapshot was fetched right after the first buffered diff.
            const snap = parseRestDepth(snapshotOf(symbol));
            expect(snap.ok).toBe(true);
            if (snap.ok) expect(sync.onSnapshot(snap.value as DepthMessage).kind).toBe('applied');
            snapshotLoaded = true;
          }
          compare();
        }
        if (f.kind === 'bbo' && f.symbol === symbol && f.bbo.id !== undefined) {
          tickers.set(f.bbo.id, {
            bidPrice: f.bbo.bidPrice!,
            bidSize: f.bbo.bidSize!,
            askPrice: f.bbo.askPrice!,
            askSize: f.bbo.askSize!,
          });
          compare();
        }
      }
    }
    expect(sync.valid).toBe(true);
    const naive = naiveBook(symbol);
    expect(sync.lastId).toBe(naive.id);
    const all = sync.book.top(10_000);
    expect(all.bids.map((l) => [grid.ticksToPrice(l.ticks), grid.lotsToSize(l.lots)])).toEqual(naive.bids);
    expect(all.asks.map((l) => [grid.ticksToPrice(l.ticks), grid.lotsToSize(l.lots)])).toEqual(naive.asks);
    if (symbol === 'NKNUSDT') expect(matched).toBeGreaterThan(10);
    if (symbol === 'LRCBTC') expect(matched).toBeGreaterThan(0);
  });

  describe('through the real connector and a replaying fake venue', () => {
    let server: FakeServer;
    let connector: StreamConnector;
    afterEach(async () => {
      connector?.stop();
      await server?.stop();
    });

    it('ends with exactly the books of the naive replay, with no resync', async () => {
      server = await FakeServer.start();
      server.route((_req, url) =>
        url.pathname === '/api/v3/exchangeInfo'
          ? {
              body: {
                symbols: SYMBOLS.map((symbol) => ({
                  symbol,
                  baseAsset: symbol.slice(0, 3),
                  quoteAsset: symbol.slice(3),
                  filters: [
                    { filterType: 'PRICE_FILTER', tickSize: '0.00000001' },
                    { filterType: 'LOT_SIZE', stepSize: '0.00000001' },
                  ],
                })),
              },
            }
          : url.pathname === '/api/v3/depth'
            ? { body: snapshotOf(url.searchParams.get('symbol') ?? '') }
            : null,
      );
      let replayed = false;
      server.onMessage((conn, text) => {
        const msg = JSON.parse(text) as { id: number; params: string[] };
        conn.ws.send(JSON.stringify({ result: null, id: msg.id }));
        const all = server.connections.flatMap((c) => c.received).join(' ');
        if (replayed || !SYMBOLS.every((s) => all.includes(`${s.toLowerCase()}@depth`))) return;
        replayed = true;
        for (const f of frames) conn.ws.send(f.text);
      });
      connector = createBinanceConnector(
        fastEnv({ wsUrl: server.wsUrl('/stream'), restUrl: server.httpUrl }, { silenceMs: 10_000 }),
      );
      for (const symbol of SYMBOLS) expect((await connector.watch(symbol)).ok).toBe(true);
      for (const symbol of SYMBOLS) {
        const naive = naiveBook(symbol);
        await waitFor(() => connector.book(symbol) && connector.lastId(symbol) === naive.id, 5000, symbol);
        const book = connector.book(symbol)!;
        const g = book.instrument.grid;
        expect(book.bids.top(10_000).map((l) => [g.ticksToPrice(l.ticks), g.lotsToSize(l.lots)])).toEqual(
          naive.bids,
        );
        expect(book.asks.top(10_000).map((l) => [g.ticksToPrice(l.ticks), g.lotsToSize(l.lots)])).toEqual(
          naive.asks,
        );
      }
      for (const b of connector.health().books) {
        expect(Object.values(b.resyncs).reduce((x, y) => x + y, 0)).toBe(0);
      }
    });
  });
});

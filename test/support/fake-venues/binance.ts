/**
 * A fake Binance (spot or USD-M) speaking the real protocol on 127.0.0.1: combined-stream
 * frames after SUBSCRIBE, diff depth with U/u (and pu, non-contiguous ids, on futures), aggTrade,
 * REST depth snapshots with lastUpdateId and exchangeInfo. Fault injection: drop, duplicate,
 * crossed or malformed diffs, old snapshots, 429s.
 */
import { FakeServer } from './server';
import { TruthBook } from './truth-book';

/** Tick 0.1 and lot 0.001, written with Binance's 8 decimals. */
export const px = (ticks: number) => `${Math.floor(ticks / 10)}.${ticks % 10}0000000`;
export const qty = (lots: number) => (lots / 1000).toFixed(8);

interface SymbolState {
  truth: TruthBook;
  id: number;
  lastU: number;
  /** Past snapshots by id, to serve deliberately old ones. */
  history: Array<{ id: number; bids: Array<[number, number]>; asks: Array<[number, number]> }>;
}

export interface FakeBinanceOptions {
  readonly futures?: boolean;
  readonly symbols?: readonly string[];
}

export class FakeBinance {
  readonly symbols = new Map<string, SymbolState>();
  readonly futures: boolean;
  /** Overrides for the next depth responses, consumed in order. */
  readonly depthPlan: Array<'old' | '429' | '500'> = [];
  retryAfterSeconds = 1;
  /** Where aggTrade goes on futures: /market on Binance USD-M, the single socket on Aster. */
  tradePath = '/market';
  private pumpTimer: ReturnType<typeof setInterval> | null = null;
  private tradeId = 1;

  constructor(
    readonly server: FakeServer,
    options: FakeBinanceOptions = {},
  ) {
    this.futures = options.futures ?? false;
    for (const [i, s] of (options.symbols ?? ['BTCUSDT']).entries()) {
      const id = 5000 + i * 1000;
      this.symbols.set(s, { truth: new TruthBook(7 + i), id, lastU: id, history: [] });
    }
    const prefix = this.futures ? '/fapi/v1' : '/api/v3';
    server.onMessage((conn, text) => {
      if (server.silent) return;
      const msg = JSON.parse(text) as { method?: string; id?: number };
      if (msg.method === 'SUBSCRIBE' || msg.method === 'UNSUBSCRIBE') {
        conn.ws.send(JSON.stringify({ result: null, id: msg.id }));
      }
    });
    server.route((_req, url) => {
      if (url.pathname !== `${prefix}/exchangeInfo`) return null;
      return {
        body: {
          symbols: [...this.symbols.keys()].map((symbol) => ({
            symbol,
            status: 'TRADING',
            baseAsset: symbol.replace(/USDT$/, ''),
            quoteAsset: 'USDT',
            filters: [
              { filterType: 'PRICE_FILTER', tickSize: '0.10000000', minPrice: '0.1', maxPrice: '1000000' },
              { filterType: 'LOT_SIZE', stepSize: '0.00100000', minQty: '0.001', maxQty: '9000' },
            ],
          })),
        },
      };
    });
    server.route((_req, url) => {
      if (url.pathname !== `${prefix}/depth`) return null;
      const state = this.symbols.get(url.searchParams.get('symbol') ?? '');
      if (!state) return { status: 400, body: { code: -1121, msg: 'Invalid symbol.' } };
      const plan = this.depthPlan.shift();
      if (plan === '429') {
        return {
          status: 429,
          headers: { 'retry-after': String(this.retryAfterSeconds) },
          body: { code: -1003 },
        };
      }
      if (plan === '500') return { status: 500, body: { msg: 'busy' } };
      const snap = plan === 'old' && state.history.length > 0 ? state.history[0]! : this.current(state);
      return {
        body: {
          lastUpdateId: snap.id,
          ...(this.futures ? { E: Date.now(), T: Date.now() } : {}),
          bids: snap.bids.map(([t, l]) => [px(t), qty(l)]),
          asks: snap.asks.map(([t, l]) => [px(t), qty(l)]),
        },
      };
    });
  }

  state(symbol = 'BTCUSDT'): SymbolState {
    return this.symbols.get(symbol)!;
  }

  /** Produces one diff event (applied to the truth); returns its frame without sending it. */
  nextEvent(symbol = 'BTCUSDT', changes = 3): string {
    const state = this.state(symbol);
    state.history.push(this.current(state));
    if (state.history.length > 50) state.history.shift();
    const diff = state.truth.change(changes);
    const U = state.id + 1 + (this.futures ? Math.floor(state.truth.random() * 5) : 0);
    const u = U + Math.max(0, changes - 1);
    const data: Record<string, unknown> = {
      e: 'depthUpdate',
      E: Date.now(),
      s: symbol,
      U,
      u,
      ...(this.futures ? { T: Date.now(), pu: state.lastU } : {}),
      b: diff.filter(([s]) => s === 'bid').map(([, t, l]) => [px(t), qty(l)]),
      a: diff.filter(([s]) => s === 'ask').map(([, t, l]) => [px(t), qty(l)]),
    };
    state.id = u;
    state.lastU = u;
    return JSON.stringify({ stream: `${symbol.toLowerCase()}@depth@100ms`, data });
  }

  /** Generates and broadcasts `count` events. */
  emit(count = 1, symbol = 'BTCUSDT'): string[] {
    const frames: string[] = [];
    for (let i = 0; i < count; i++) {
      const frame = this.nextEvent(symbol);
      frames.push(frame);
      this.server.broadcast(frame, this.futures ? '/public' : undefined);
    }
    return frames;
  }

  /** A gap: an event happens at the venue but never reaches the client. */
  dropOne(symbol = 'BTCUSDT'): void {
    this.nextEvent(symbol);
  }

  /**
   * An event that crosses the book (a bid at or above the best ask), immediately followed by the
   * venue's correction removing it, as a real glitch would be.
   */
  emitCrossed(symbol = 'BTCUSDT'): void {
    const state = this.state(symbol);
    const bestAsk = Math.min(...state.truth.asks.keys());
    const send = (lots: number) => {
      const U = state.id + 1;
      const data = {
        e: 'depthUpdate',
        E: Date.now(),
        s: symbol,
        U,
        u: U,
        ...(this.futures ? { T: Date.now(), pu: state.lastU } : {}),
        b: [[px(bestAsk + 2), qty(lots)]],
        a: [],
      };
      state.id = U;
      state.lastU = U;
      this.server.broadcast(
        JSON.stringify({ stream: `${symbol.toLowerCase()}@depth@100ms`, data }),
        this.futures ? '/public' : undefined,
      );
    };
    send(5);
    send(0);
  }

  emitTrade(symbol = 'BTCUSDT', buyerIsMaker = false): void {
    const data = {
      e: 'aggTrade',
      E: Date.now(),
      s: symbol,
      a: this.tradeId++,
      p: px(10_000),
      q: qty(1500),
      f: 1,
      l: 1,
      T: Date.now(),
      m: buyerIsMaker,
    };
    this.server.broadcast(
      JSON.stringify({ stream: `${symbol.toLowerCase()}@aggTrade`, data }),
      this.futures ? this.tradePath : undefined,
    );
  }

  emitBookTicker(symbol = 'BTCUSDT', path?: string): void {
    const top = this.state(symbol).truth.top(1);
    const [bid, ask] = [top.bids[0]!, top.asks[0]!];
    const data = {
      e: 'bookTicker',
      u: this.state(symbol).id,
      E: Date.now(),
      T: Date.now(),
      s: symbol,
      b: px(bid[0]),
      B: qty(bid[1]),
      a: px(ask[0]),
      A: qty(ask[1]),
    };
    this.server.broadcast(JSON.stringify({ stream: `${symbol.toLowerCase()}@bookTicker`, data }), path);
  }

  pump(everyMs = 5, symbol = 'BTCUSDT'): void {
    this.stopPump();
    this.pumpTimer = setInterval(() => this.emit(1, symbol), everyMs);
  }

  stopPump(): void {
    if (this.pumpTimer) clearInterval(this.pumpTimer);
    this.pumpTimer = null;
  }

  private current(state: SymbolState) {
    const top = state.truth.top(1000);
    return { id: state.id, bids: top.bids, asks: top.asks };
  }
}

import type { FakeVenueControl, VenueDriver } from './driver';
import { createBinanceConnector } from '../../../src-main/venues/binance/connector';
import { createBinanceUsdmConnector } from '../../../src-main/venues/binance-usdm/connector';

export function binanceControl(
  fake: FakeBinance,
  symbol = 'BTCUSDT',
): FakeVenueControl & { fake: FakeBinance } {
  const sent: string[] = [];
  const depthPath = fake.futures ? '/fapi/v1/depth' : '/api/v3/depth';
  const streamPath = fake.futures ? '/public' : undefined;
  return {
    fake,
    server: fake.server,
    symbol,
    emit: (n = 1) => {
      sent.push(...fake.emit(n, symbol));
      sent.splice(0, Math.max(0, sent.length - 10));
    },
    dropOne: () => fake.dropOne(symbol),
    duplicateLast: () => {
      const last = sent[sent.length - 1];
      if (last) fake.server.broadcast(last, streamPath);
    },
    replayStale: () => {
      const old = sent[sent.length - 3];
      if (old) fake.server.broadcast(old, streamPath);
    },
    emitCrossed: () => fake.emitCrossed(symbol),
    emitTrade: () => fake.emitTrade(symbol),
    truthTop: (n) => fake.state(symbol).truth.top(n),
    truthVersions: () => fake.state(symbol).truth.versions,
    snapshotsServed: () => fake.server.restLog.filter((r) => r.path === depthPath && r.status === 200).length,
    subscribeRequests: () =>
      fake.server.connections.flatMap((c) => c.received).filter((m) => m.includes('"SUBSCRIBE"')).length,
  };
}

export function binanceDriver(futures: boolean): VenueDriver {
  return {
    venue: futures ? 'binance-usdm' : 'binance',
    restSnapshots: true,
    sequenced: true,
    staleDiff: 'dropped',
    async start() {
      const server = await FakeServer.start();
      return binanceControl(new FakeBinance(server, { futures }));
    },
    urls: (c) => ({
      wsUrl: c.server.wsUrl(futures ? '/public/stream' : '/stream'),
      restUrl: c.server.httpUrl,
    }),
    connector: (_c, env) => (futures ? createBinanceUsdmConnector(env) : createBinanceConnector(env)),
  };
}

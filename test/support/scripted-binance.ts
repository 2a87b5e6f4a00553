/**
 * Scripting the fake Binance (test/support/fake-venues) for paper-trading tests: exact books and
 * exact prints instead of random changes. Prices are in 0.1 ticks and sizes in 0.001 lots, the
 * grid the fake advertises; a scripted diff moves the fake's truth book and sends it with the next
 * update id, so the real connector keeps its book in sync through its normal rules.
 */
import { createBinanceConnector } from '../../src-main/venues/binance/connector';
import type { StreamConnector } from '../../src-main/venues/kit';
import { FakeBinance, px, qty } from './fake-venues/binance';
import { fastEnv } from './fake-venues/driver';
import { FakeServer, waitFor } from './fake-venues/server';

export const SYMBOL = 'BTCUSDT';
type Levels = ReadonlyArray<readonly [number, number]>;

export class ScriptedBinance {
  private tradeId = 1;
  private constructor(
    readonly server: FakeServer,
    readonly fake: FakeBinance,
  ) {}

  static async start(): Promise<ScriptedBinance> {
    const server = await FakeServer.start();
    return new ScriptedBinance(server, new FakeBinance(server));
  }

  connector(): StreamConnector {
    return createBinanceConnector(
      fastEnv({ wsUrl: this.server.wsUrl('/stream'), restUrl: this.server.httpUrl }),
    );
  }

  /** Replaces the whole truth book (served by the next REST snapshot). */
  setBook(bids: Levels, asks: Levels): void {
    const truth = this.fake.state(SYMBOL).truth;
    truth.bids.clear();
    truth.asks.clear();
    for (const [t, l] of bids) truth.bids.set(t, l);
    for (const [t, l] of asks) truth.asks.set(t, l);
  }

  /** One depth update: absolute sizes (0 deletes), applied to the truth and sent. */
  diff(bids: Levels, asks: Levels): void {
    const state = this.fake.state(SYMBOL);
    const apply = (levels: Map<number, number>, [t, l]: readonly [number, number]) => {
      if (l === 0) levels.delete(t);
      else levels.set(t, l);
    };
    for (const level of bids) apply(state.truth.bids, level);
    for (const level of asks) apply(state.truth.asks, level);
    const U = state.id + 1;
    state.id = U;
    state.lastU = U;
    const data = {
      e: 'depthUpdate',
      E: Date.now(),
      s: SYMBOL,
      U,
      u: U,
      b: bids.map(([t, l]) => [px(t), qty(l)]),
      a: asks.map(([t, l]) => [px(t), qty(l)]),
    };
    this.server.broadcast(JSON.stringify({ stream: `${SYMBOL.toLowerCase()}@depth@100ms`, data }));
  }

  /** A trade print; `aggressor` is the taker's side. */
  trade(ticks: number, lots: number, aggressor: 'buy' | 'sell'): void {
    const data = {
      e: 'aggTrade',
      E: Date.now(),
      s: SYMBOL,
      a: this.tradeId++,
      p: px(ticks),
      q: qty(lots),
      f: 1,
      l: 1,
      T: Date.now(),
      m: aggressor === 'sell',
    };
    this.server.broadcast(JSON.stringify({ stream: `${SYMBOL.toLowerCase()}@aggTrade`, data }));
  }

  /** Waits until the connector's book shows exactly the truth's top levels. */
  async synced(connector: StreamConnector): Promise<void> {
    await waitFor(
      () => {
        const book = connector.book(SYMBOL);
        if (!book) return false;
        const truth = this.fake.state(SYMBOL).truth.top(50);
        const mine = (levels: ReadonlyArray<{ ticks: number; lots: number }>) =>
          levels.map((l) => [l.ticks, l.lots]);
        return (
          JSON.stringify(mine(book.bids.top(50))) === JSON.stringify(truth.bids) &&
          JSON.stringify(mine(book.asks.top(50))) === JSON.stringify(truth.asks)
        );
      },
      5000,
      'the paper book to match the fake venue',
    );
  }

  stop(): Promise<void> {
    return this.server.stop();
  }
}

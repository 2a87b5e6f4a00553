/**
 * A paper venue on a live venue's book, end to end against the fake Binance (the same fake the
 * connector conformance suite uses): scripted books and prints through the real connector give
 * exact fills (book walks, partial fills, slippage, fees), queue positions that follow prints and
 * cancels, no double fills of the same visible liquidity, and no fills at all from a stale book,
 * with the reason reported.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../src-shared/domain';
import { silentLogger } from '../../../src-main/core/ports';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import type {
  OrderView,
  PlaceOrderRequest,
  VenueEvent,
  VenueResult,
  VenuePort,
} from '../../../src-main/gateway/venue-port';
import { createPaperVenues, type PaperVenues } from '../../../src-main/paper/create';
import type { StreamConnector } from '../../../src-main/venues/kit';
import { waitFor } from '../../support/fake-venues/server';
import { paperSettings, resolve } from '../../support/paper';
import { ScriptedBinance, SYMBOL } from '../../support/scripted-binance';

const d = (s: string) => s as DecimalString;

describe('paper venue on the fake Binance', () => {
  let exchange: ScriptedBinance;
  let connector: StreamConnector;
  let paper: PaperVenues;
  let venue: VenuePort;
  let events: VenueEvent[];

  beforeEach(async () => {
    exchange = await ScriptedBinance.start();
    exchange.setBook(
      [
        [10_000, 1_000],
        [9_990, 2_000],
        [9_980, 3_000],
      ],
      [
        [10_010, 1_500],
        [10_020, 2_500],
        [10_030, 4_000],
      ],
    );
    connector = exchange.connector();
    paper = createPaperVenues({
      settings: paperSettings(),
      connectors: new Map([['binance', connector]]),
      clock: systemClock,
      timers: nodeTimers,
      log: silentLogger,
    });
    venue = paper.venues[0]!;
    events = [];
    venue.onEvent((e) => events.push(e));
    await paper.start(null);
    await waitFor(() => exchange.server.open().length > 0, 3000, 'socket');
    exchange.diff([[9_970, 500]], []);
    await exchange.synced(connector);
  });

  afterEach(async () => {
    paper.stop();
    connector.stop();
    await exchange.stop();
  });

  const order = (agentId: string, over: Partial<PlaceOrderRequest>): PlaceOrderRequest => ({
    agentId,
    symbol: SYMBOL,
    side: 'buy',
    orderType: 'market',
    quantity: d('1'),
    timeInForce: 'IOC',
    ...over,
  });
  const fills = (orderId: string) =>
    events.flatMap((e) => (e.kind === 'order_filled' && e.fill.orderId === orderId ? [e.fill] : []));

  it('is a paper venue: paper: id, paper views, instruments from the live venue', async () => {
    expect(venue.venueId).toBe('paper:binance');
    expect(venue.available).toBe(true);
    expect(venue.instruments()).toEqual([
      { symbol: SYMBOL, base: 'BTC', quote: 'USDT', tickSize: '0.1', lotSize: '0.001', minSize: '0.001' },
    ]);
    const alice = await resolve(venue.registerAgent({ name: 'alice', startingCapital: d('10000') }));
    const view = await resolve(venue.portfolio(alice.agentId));
    expect(view).toMatchObject({ paper: true, cash: '10000', quoteAsset: 'USDT', equity: '10000', pnl: '0' });
    const [book] = venue.books(2);
    expect(book!.asks.map((l) => l.px)).toEqual(['1001', '1002']);
  });

  it('a market buy walks the live book: partial fills, slippage and taker fees, exactly', async () => {
    const alice = await resolve(venue.registerAgent({ name: 'alice', startingCapital: d('10000') }));
    const placed = await resolve(venue.placeOrder(order(alice.agentId, { quantity: d('2.5') })));
    expect(placed).toMatchObject({ paper: true, status: 'filled', filledQuantity: '2.5' });
    expect(fills(placed.orderId).map((f) => [f.price, f.quantity, f.liquidity, f.fee, f.paper])).toEqual([
      ['1001', '1.5', 'taker', '1.5015', true],
      ['1002', '1', 'taker', '1.002', true],
    ]);
    // 1501.5 + 1002 = 2503.5 plus fees 2.5035.
    const view = await resolve(venue.portfolio(alice.agentId));
    expect(view.cash).toBe('7493.9965');
    expect(view.holdings.find((h) => h.asset === 'BTC')).toEqual({ asset: 'BTC', free: '2.5', locked: '0' });
  });

  it('the same visible liquidity does not fill twice until the level refreshes', async () => {
    const [a, b] = await Promise.all([
      resolve(venue.registerAgent({ name: 'a', startingCapital: d('10000') })),
      resolve(venue.registerAgent({ name: 'b', startingCapital: d('10000') })),
    ]);
    const limit = (agentId: string, q: string) =>
      resolve(venue.placeOrder(order(agentId, { orderType: 'limit', price: d('1001'), quantity: d(q) })));
    expect((await limit(a.agentId, '1')).filledQuantity).toBe('1');
    expect((await limit(b.agentId, '1')).filledQuantity).toBe('0.5');
    // The venue's level changes size without disappearing: still only what joined is offered.
    exchange.diff([], [[10_010, 1_800]]);
    await waitFor(() => connector.book(SYMBOL)?.asks.best()?.lots === 1_800);
    expect((await limit(b.agentId, '1')).filledQuantity).toBe('0.3');
    // The level disappears and comes back: fresh liquidity.
    exchange.diff([], [[10_010, 0]]);
    exchange.diff([], [[10_010, 700]]);
    await waitFor(() => connector.book(SYMBOL)?.asks.best()?.lots === 700);
    expect((await limit(a.agentId, '1')).filledQuantity).toBe('0.7');
  });

  it('a resting limit queues behind the visible size and fills from prints beyond it (maker fee)', async () => {
    const alice = await resolve(venue.registerAgent({ name: 'alice', startingCapital: d('10000') }));
    const bid = await resolve(
      venue.placeOrder(
        order(alice.agentId, {
          orderType: 'limit',
          price: d('1000'),
          quantity: d('0.8'),
          timeInForce: 'GTC',
        }),
      ),
    );
    expect(bid).toMatchObject({
      status: 'open',
      queue: { ahead: '1', confidence: 'medium' },
      noFillReason: 'queue_ahead',
    });
    exchange.trade(10_000, 600, 'sell');
    await waitFor(() => events.some((e) => e.kind === 'trade'));
    let open = (await resolve(venue.openOrders(alice.agentId)))[0]!;
    expect(open.queue).toEqual({ ahead: '0.4', confidence: 'high' });
    // A cancel ahead: 300 lots leave the level beyond the 600 printed (book catches up: 1000 -> 100).
    exchange.diff([[10_000, 100]], []);
    await waitFor(() => connector.book(SYMBOL)?.bids.best()?.lots === 100);
    open = (await resolve(venue.openOrders(alice.agentId)))[0]!;
    expect(open.queue?.ahead).toBe('0.1');
    // A print through the queue: 0.1 ahead, then 0.5 for the paper bid, at its price, maker fee.
    exchange.trade(10_000, 600, 'sell');
    await waitFor(() => fills(bid.orderId).length === 1);
    expect(fills(bid.orderId)[0]).toMatchObject({
      price: '1000',
      quantity: '0.5',
      liquidity: 'maker',
      fee: '0.25',
      remainingQuantity: '0.3',
    });
    // A print below the price fills the rest.
    exchange.trade(9_990, 2_000, 'sell');
    await waitFor(() => fills(bid.orderId).length === 2);
    expect(fills(bid.orderId)[1]).toMatchObject({ price: '1000', quantity: '0.3', remainingQuantity: '0' });
    expect(await resolve(venue.openOrders(alice.agentId))).toEqual([]);
  });

  it('a stale book fills nothing, refuses new orders and says why; fills resume after resync', async () => {
    const alice = await resolve(venue.registerAgent({ name: 'alice', startingCapital: d('10000') }));
    const bid = await resolve(
      venue.placeOrder(
        order(alice.agentId, {
          orderType: 'limit',
          price: d('1000.5'),
          quantity: d('1'),
          timeInForce: 'GTC',
        }),
      ),
    );
    exchange.server.silent = true;
    await waitFor(() => connector.bookState(SYMBOL)?.status === 'stale', 3000, 'stale book');
    const [open] = await resolve(venue.openOrders(alice.agentId));
    expect(open).toMatchObject({ noFillReason: 'book_stale', queue: { confidence: 'low' } });
    const refused = (await venue.placeOrder(order(alice.agentId, {}))) as VenueResult<OrderView>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    expect(!refused.ok && refused.error.message).toMatch(/book is stale.*book_stale/);
    // Back to normal: the connector reconnects, resyncs, and the order can fill again.
    exchange.server.silent = false;
    await waitFor(() => connector.book(SYMBOL) !== null, 5000, 'live again');
    exchange.trade(10_000, 500, 'sell');
    await waitFor(() => fills(bid.orderId).length === 1, 3000, 'a fill after resync');
    expect(fills(bid.orderId)[0]).toMatchObject({ quantity: '0.5', price: '1000.5' });
  });
});

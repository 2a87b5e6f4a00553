/**
 * Exact event sequences per order type (nautilus style: resting limit then cancel gives
 * [Accepted, Canceled]; a marketable IOC partial gives [Accepted, Filled..., Canceled(remainder)] and
 * never leaves the remainder resting), with full event payloads where the numbers matter.
 */
import { describe, expect, it } from 'vitest';
import { fixture, kinds } from './support/fixture';

describe('event sequences', () => {
  it('resting limit then cancel: [accepted, level] then [canceled(user), level gone]', () => {
    const f = fixture();
    const placed = f.place({ account: f.alice, side: 'buy', price: 10000, qty: 1000 });
    expect(placed).toEqual([
      {
        type: 'accepted',
        ts: 1,
        orderId: 1,
        account: f.alice,
        instrument: 'BTC-USD',
        side: 'buy',
        orderType: 'limit',
        tif: 'GTC',
        price: 10000,
        qty: 1000,
        clientOrderId: null,
      },
      { type: 'level', ts: 1, instrument: 'BTC-USD', side: 'buy', price: 10000, qty: 1000, orders: 1 },
    ]);
    expect(f.engine.cancelOrder({ account: f.alice, orderId: 1, ts: 9 })).toEqual({
      ok: true,
      value: { orderId: 1, canceledQty: 1000 },
    });
    expect(f.take()).toEqual([
      {
        type: 'canceled',
        ts: 9,
        orderId: 1,
        account: f.alice,
        instrument: 'BTC-USD',
        reason: 'user',
        canceledQty: 1000,
        filledQty: 0,
      },
      { type: 'level', ts: 9, instrument: 'BTC-USD', side: 'buy', price: 10000, qty: 0, orders: 0 },
    ]);
    expect(f.engine.balance(f.alice, 'USD')).toEqual({ free: 100_000_000_000, locked: 0 });
  });

  it('marketable IOC partial: [accepted, trade, canceled(ioc remainder)], nothing rests', () => {
    const f = fixture();
    f.place({ account: f.bob, side: 'sell', price: 10000, qty: 600 });
    const events = f.place({ account: f.alice, side: 'buy', price: 10100, qty: 1000, tif: 'IOC' });
    expect(kinds(events)).toEqual(['accepted', 'trade', 'canceled:ioc']);
    expect(events[1]).toEqual({
      type: 'trade',
      ts: 2,
      tradeId: 1,
      instrument: 'BTC-USD',
      price: 10000, // the maker's price, not the taker's limit
      qty: 600,
      takerSide: 'buy',
      makerOrderId: 1,
      makerAccount: f.bob,
      makerFee: 60_000, // 0.1% of 60 USD = 0.06 USD
      makerLeaves: 0,
      takerOrderId: 2,
      takerAccount: f.alice,
      takerFee: 120_000, // 0.2%
      takerLeaves: 400,
    });
    expect(events.at(-1)).toMatchObject({ type: 'canceled', orderId: 2, canceledQty: 400, filledQty: 600 });
    expect(f.engine.depth('BTC-USD', 'buy', 10)).toEqual([]);
    expect(f.engine.depth('BTC-USD', 'sell', 10)).toEqual([]);
    expect(f.engine.balance(f.alice, 'USD')).toEqual({
      free: 100_000_000_000 - 60_000_000 - 120_000,
      locked: 0,
    });
    expect(f.engine.balance(f.bob, 'USD').free).toBe(100_000_000_000 + 60_000_000 - 60_000);
    expect(f.engine.balance(0, 'USD').free).toBe(180_000);
  });

  it('GTC sweeps levels best first, then rests the remainder at its limit', () => {
    const f = fixture();
    f.place({ account: f.bob, side: 'sell', price: 10002, qty: 300 });
    f.place({ account: f.bob, side: 'sell', price: 10001, qty: 200 });
    const events = f.place({ account: f.alice, side: 'buy', price: 10002, qty: 700 });
    expect(events.map((e) => e.type)).toEqual(['accepted', 'trade', 'level', 'trade', 'level', 'level']);
    expect(events.filter((e) => e.type === 'trade').map((e) => [e.price, e.qty])).toEqual([
      [10001, 200],
      [10002, 300],
    ]);
    expect(events.at(-1)).toEqual({
      type: 'level',
      ts: 3,
      instrument: 'BTC-USD',
      side: 'buy',
      price: 10002,
      qty: 200,
      orders: 1,
    });
    expect(f.engine.order(3)).toMatchObject({ filledQty: 500, leavesQty: 200, qty: 700 });
  });

  it('price-time priority: the earlier order at a price fills first', () => {
    const f = fixture();
    f.place({ account: f.bob, side: 'sell', price: 10000, qty: 200, clientOrderId: 'first' });
    f.place({ account: f.alice, side: 'sell', price: 10000, qty: 200, clientOrderId: 'second' });
    const events = f.place({ account: f.bob, side: 'buy', price: 10000, qty: 300, tif: 'IOC' });
    // bob's own order is first in the queue: STP cancels it, then alice's fills.
    expect(kinds(events)).toEqual(['accepted', 'canceled:stp', 'trade', 'canceled:ioc']);
    expect(events.find((e) => e.type === 'trade')).toMatchObject({
      makerOrderId: 2,
      qty: 200,
      takerLeaves: 100,
    });
  });

  it('FOK that cannot fill completely expires without trading', () => {
    const f = fixture();
    f.place({ account: f.bob, side: 'sell', price: 10000, qty: 500 });
    const hash = f.engine.stateHash();
    const events = f.place({ account: f.alice, side: 'buy', price: 10000, qty: 501, tif: 'FOK' });
    expect(events).toEqual([
      expect.objectContaining({ type: 'accepted', orderId: 2, tif: 'FOK' }),
      { type: 'expired', ts: 2, orderId: 2, account: f.alice, instrument: 'BTC-USD', qty: 501 },
    ]);
    expect(f.engine.restingVolume('BTC-USD', 'sell')).toBe(500);
    expect(f.engine.balance(f.alice, 'USD')).toEqual({ free: 100_000_000_000, locked: 0 });
    expect(f.engine.stateHash()).not.toBe(hash); // the order id counter moved: it was accepted
  });

  it('FOK that can fill trades all of it', () => {
    const f = fixture();
    f.place({ account: f.bob, side: 'sell', price: 10000, qty: 300 });
    f.place({ account: f.bob, side: 'sell', price: 10001, qty: 300 });
    const events = f.place({ account: f.alice, side: 'buy', price: 10001, qty: 600, tif: 'FOK' });
    expect(kinds(events)).toEqual(['accepted', 'trade', 'trade']);
    expect(f.engine.restingVolume('BTC-USD', 'sell')).toBe(0);
  });

  it('market order on an empty book is accepted then canceled', () => {
    const f = fixture();
    const events = f.place({ account: f.alice, side: 'buy', type: 'market', qty: 100 });
    expect(events).toEqual([
      expect.objectContaining({ type: 'accepted', orderType: 'market', tif: 'IOC', price: 0 }),
      {
        type: 'canceled',
        ts: 1,
        orderId: 1,
        account: f.alice,
        instrument: 'BTC-USD',
        reason: 'ioc',
        canceledQty: 100,
        filledQty: 0,
      },
    ]);
  });

  it('market sell walks the bids at any price', () => {
    const f = fixture();
    f.place({ account: f.bob, side: 'buy', price: 9000, qty: 200 });
    f.place({ account: f.bob, side: 'buy', price: 9500, qty: 200 });
    const events = f.place({ account: f.alice, side: 'sell', type: 'market', qty: 500 });
    expect(kinds(events)).toEqual(['accepted', 'trade', 'trade', 'canceled:ioc']);
    expect(events.filter((e) => e.type === 'trade').map((e) => e.price)).toEqual([9500, 9000]);
  });

  it('market buy is capped by free quote: fills what it can pay, cancels the rest (funds)', () => {
    const f = fixture();
    f.engine.registerAccount({ label: 'carol', ts: 0 });
    f.engine.deposit({ account: 3, asset: 'USD', amount: '250.5' as never, ts: 0 });
    f.place({ account: f.bob, side: 'sell', price: 10000, qty: 1000 });
    f.place({ account: f.bob, side: 'sell', price: 20000, qty: 1000 });
    f.take();
    const events = f.place({ account: 3, side: 'buy', type: 'market', qty: 2000 });
    // 1 BTC at 100 + 0.2 fee = 100.2; the remaining 150.3 buys 0.75 BTC at 200 (150 + 0.3 fee).
    expect(kinds(events)).toEqual(['accepted', 'trade', 'trade', 'canceled:funds']);
    expect(events.filter((e) => e.type === 'trade').map((e) => e.qty)).toEqual([1000, 750]);
    expect(f.engine.balance(3, 'USD')).toEqual({ free: 0, locked: 0 });
    expect(f.engine.balance(3, 'BTC').free).toBe(175_000_000);
  });

  it('a funds-capped fill keeps the partly filled maker first in line (regression)', () => {
    const f = fixture({ stp: 'cancel_incoming' });
    f.engine.registerAccount({ label: 'carol', ts: 0 });
    f.engine.deposit({ account: 3, asset: 'USD', amount: '50.1' as never, ts: 0 });
    f.engine.deposit({ account: 3, asset: 'BTC', amount: '1' as never, ts: 0 });
    f.place({ account: f.bob, side: 'sell', price: 10000, qty: 1000 });
    f.place({ account: 3, side: 'sell', price: 10000, qty: 1000 }); // carol's own order, next in line
    f.take();
    const events = f.place({ account: 3, side: 'buy', type: 'market', qty: 2000 });
    // 0.5 BTC (50 USD + 0.1 fee) exhausts carol's quote while bob's order is still open: the stop is
    // `funds`, and carol's own order behind it is never reached (no STP).
    expect(kinds(events)).toEqual(['accepted', 'trade', 'canceled:funds']);
    expect(f.engine.queue('BTC-USD', 'sell', 10000).map((o) => [o.orderId, o.leavesQty])).toEqual([
      [1, 500],
      [2, 1000],
    ]);
  });

  it('post-only rests when it would not cross and is rejected when it would', () => {
    const f = fixture();
    f.place({ account: f.bob, side: 'sell', price: 10000, qty: 200 });
    expect(
      kinds(f.place({ account: f.alice, side: 'buy', price: 9999, qty: 200, tif: 'POST_ONLY' })),
    ).toEqual(['accepted']);
    const hash = f.engine.stateHash();
    expect(f.place({ account: f.alice, side: 'buy', price: 10000, qty: 200, tif: 'POST_ONLY' })).toEqual([
      {
        type: 'rejected',
        ts: 3,
        command: 'place',
        account: f.alice,
        reason: 'WOULD_CROSS',
        orderId: 0,
        clientOrderId: null,
      },
    ]);
    expect(f.engine.stateHash()).toBe(hash);
  });

  it('amend: a smaller size keeps priority; a larger size or new price loses it', () => {
    const f = fixture();
    f.place({ account: f.alice, side: 'buy', price: 10000, qty: 300 });
    f.place({ account: f.bob, side: 'buy', price: 10000, qty: 300 });
    const queue = () => f.engine.queue('BTC-USD', 'buy', 10000).map((o) => [o.orderId, o.leavesQty]);
    f.engine.amendOrder({ account: f.alice, orderId: 1, qty: 200, ts: 5 });
    expect(f.take()).toEqual([
      {
        type: 'amended',
        ts: 5,
        orderId: 1,
        account: f.alice,
        instrument: 'BTC-USD',
        price: 10000,
        qty: 200,
        leavesQty: 200,
        priorityKept: true,
      },
      { type: 'level', ts: 5, instrument: 'BTC-USD', side: 'buy', price: 10000, qty: 500, orders: 2 },
    ]);
    expect(queue()).toEqual([
      [1, 200],
      [2, 300],
    ]);
    f.engine.amendOrder({ account: f.alice, orderId: 1, qty: 250, ts: 6 });
    expect(kinds(f.take())).toEqual(['amended']);
    expect(queue()).toEqual([
      [2, 300],
      [1, 250],
    ]);
    f.engine.amendOrder({ account: f.bob, orderId: 2, price: 10001, ts: 7 });
    expect(f.take().map((e) => e.type)).toEqual(['amended', 'level', 'level']);
    expect(f.engine.bestBid('BTC-USD')).toBe(10001);
  });

  it('amend to a crossing price trades as a taker, then rests the remainder', () => {
    const f = fixture();
    f.place({ account: f.bob, side: 'sell', price: 10005, qty: 100 });
    f.place({ account: f.alice, side: 'buy', price: 10000, qty: 300 });
    f.engine.amendOrder({ account: f.alice, orderId: 2, price: 10005, ts: 9 });
    const events = f.take();
    expect(kinds(events)).toEqual(['amended', 'trade']);
    expect(events.find((e) => e.type === 'trade')).toMatchObject({
      takerOrderId: 2,
      takerFee: 20_010,
      qty: 100,
    });
    expect(f.engine.order(2)).toMatchObject({ price: 10005, filledQty: 100, leavesQty: 200, ts: 9 });
  });

  it('cancel by client order id, which is reusable once the order is gone', () => {
    const f = fixture();
    f.place({ account: f.alice, side: 'buy', price: 10000, qty: 300, clientOrderId: 'x-1' });
    expect(f.engine.cancelOrder({ account: f.alice, clientOrderId: 'x-1', ts: 3 }).ok).toBe(true);
    expect(kinds(f.take())).toEqual(['canceled:user']);
    expect(
      kinds(f.place({ account: f.alice, side: 'buy', price: 10000, qty: 300, clientOrderId: 'x-1' })),
    ).toEqual(['accepted']);
    // Client ids are per account: bob may use the same one.
    expect(
      kinds(f.place({ account: f.bob, side: 'buy', price: 10000, qty: 300, clientOrderId: 'x-1' })),
    ).toEqual(['accepted']);
  });

  it('cancelAll cancels in acceptance order, optionally per instrument', () => {
    const f = fixture();
    f.place({ account: f.alice, side: 'buy', price: 10000, qty: 300 });
    f.place({ account: f.bob, side: 'buy', price: 10000, qty: 300 });
    f.place({ account: f.alice, side: 'sell', price: 11000, qty: 300 });
    expect(f.engine.cancelAll({ account: f.alice, instrument: 'BTC-USD', ts: 8 })).toEqual({
      ok: true,
      value: 2,
    });
    expect(
      f
        .take()
        .filter((e) => e.type === 'canceled')
        .map((e) => e.type === 'canceled' && e.orderId),
    ).toEqual([1, 3]);
    expect(f.engine.openOrders(f.bob).map((o) => o.orderId)).toEqual([2]);
    expect(f.engine.cancelAll({ account: f.alice, ts: 9 })).toEqual({ ok: true, value: 0 });
  });
});

/**
 * The trigger layer on a sim-like venue (the core matching engine behind a VenuePort): stops fire
 * on prints in event order, brackets follow their entry (re-sized on partial fills, OCO, entry
 * cancel), released orders keep the trigger's id, and refused or invalid requests change nothing.
 */
import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../../src-shared/domain';
import type {
  OrderView,
  PlaceOrderRequest,
  VenueEvent,
  VenueResult,
} from '../../../../src-main/gateway/venue-port';
import type { TriggerRecord } from '../../../../src-main/trading/triggers/records';
import { TriggerVenue } from '../../../../src-main/trading/triggers/trigger-venue';
import { ENGINE_SYMBOL, EngineVenue } from '../../../support/engine-venue';

const d = (s: string) => s as DecimalString;
const settle = () => new Promise((r) => setImmediate(r));

function ok<T>(r: VenueResult<T> | Promise<VenueResult<T>>): T {
  if (r instanceof Promise) throw new Error('expected a synchronous answer');
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}

async function setup() {
  const engine = new EngineVenue();
  const venue = new TriggerVenue({ inner: engine, now: () => engine.now });
  const events: VenueEvent[] = [];
  venue.onEvent((e) => events.push(e));
  const agent = (name: string, usd: string, btc?: string) => {
    const registered = engine.registerAgent({ name, startingCapital: d(usd) });
    if (!registered.ok) throw new Error(registered.error.message);
    const id = registered.value.agentId;
    if (btc) engine.grant(id, 'BTC', btc);
    return id;
  };
  const mm = agent('mm', '10000000', '1000');
  const taker = agent('taker', '10000000', '1000');
  const alice = agent('alice', '100000', '10');
  const order = (agentId: string, over: Partial<PlaceOrderRequest>): PlaceOrderRequest => ({
    agentId,
    symbol: ENGINE_SYMBOL,
    side: 'buy',
    orderType: 'limit',
    quantity: d('1'),
    timeInForce: 'GTC',
    ...over,
  });
  /** A print at `price`: mm rests `qty`, the taker trades against it (aggressor `side`). */
  const print = async (price: string, side: 'buy' | 'sell' = 'buy', qty = '0.001') => {
    ok(
      venue.placeOrder(
        order(mm, { side: side === 'buy' ? 'sell' : 'buy', price: d(price), quantity: d(qty) }),
      ),
    );
    ok(venue.placeOrder(order(taker, { side, price: d(price), quantity: d(qty), timeInForce: 'IOC' })));
    await settle();
  };
  const mine = (id: string) =>
    events.filter(
      (e) =>
        (e.kind === 'order_placed' && e.order.orderId === id) ||
        (e.kind === 'order_filled' && e.fill.orderId === id) ||
        (e.kind === 'order_canceled' && e.canceled.orderId === id),
    );
  const btc = () => ok(engine.portfolio(alice)).holdings.find((h) => h.asset === 'BTC');
  return { engine, venue, events, mm, taker, alice, order, print, mine, btc };
}

describe('stop orders on a sim-like venue', () => {
  it('a stop-market sell fires on the print that reaches it and is filled under its own id', async () => {
    const t = await setup();
    await t.print('100');
    const stop = ok(
      t.venue.placeOrder(
        t.order(t.alice, {
          side: 'sell',
          orderType: 'stop_market',
          triggerPrice: d('95'),
          quantity: d('2'),
          timeInForce: 'IOC',
          clientOrderId: 'protect',
        }),
      ),
    );
    expect(stop).toMatchObject({
      status: 'open',
      orderType: 'market',
      noFillReason: 'trigger_pending',
      trigger: { type: 'stop_market', triggerPrice: '95', state: 'pending' },
    });
    // Liquidity for the released market sell: bids at 94 for 5 BTC.
    ok(t.venue.placeOrder(t.order(t.mm, { side: 'buy', price: d('94'), quantity: d('5') })));
    await t.print('96', 'sell');
    expect(t.venue.pending()).toHaveLength(1);
    await t.print('95', 'sell');
    expect(t.venue.pending()).toHaveLength(0);
    const fills = t.mine(stop.orderId).filter((e) => e.kind === 'order_filled');
    expect(fills).toHaveLength(1);
    expect(fills[0]).toMatchObject({
      fill: {
        orderId: stop.orderId,
        clientOrderId: 'protect',
        price: '94',
        quantity: '2',
        liquidity: 'taker',
      },
    });
    const placed = t.mine(stop.orderId).filter((e) => e.kind === 'order_placed');
    expect(placed.at(-1)).toMatchObject({
      order: { orderId: stop.orderId, trigger: { state: 'triggered' } },
    });
    expect(t.btc()?.free).toBe('8');
  });

  it('a stop-limit buy releases a resting limit at its price', async () => {
    const t = await setup();
    await t.print('100');
    const stop = ok(
      t.venue.placeOrder(
        t.order(t.alice, {
          orderType: 'stop_limit',
          triggerPrice: d('105'),
          price: d('106'),
          quantity: d('0.5'),
        }),
      ),
    );
    await t.print('105.5');
    const open = ok(t.venue.openOrders(t.alice));
    expect(open).toEqual([
      expect.objectContaining({
        orderId: stop.orderId,
        orderType: 'limit',
        price: '106',
        status: 'open',
        trigger: expect.objectContaining({ state: 'triggered' }),
      }),
    ]);
    // Canceling it by the trigger's id reaches the released order.
    const canceled = ok(
      await t.venue.cancelOrder({ agentId: t.alice, symbol: ENGINE_SYMBOL, orderId: stop.orderId }),
    );
    expect(canceled).toMatchObject({ orderId: stop.orderId, canceledQuantity: '0.5' });
    expect(ok(t.venue.openOrders(t.alice))).toEqual([]);
  });

  it('a mark-price stop watches the mid of the best bid and ask, not prints', async () => {
    const t = await setup();
    const marked = new TriggerVenue({ inner: t.engine, now: () => t.engine.now, priceSource: 'mark' });
    const quote = (side: 'buy' | 'sell', price: string) =>
      ok(
        marked.placeOrder(
          t.order(t.mm, {
            side,
            price: d(price),
            quantity: d(side === 'buy' && price === '99' ? '1' : '10'),
          }),
        ),
      );
    quote('buy', '99');
    quote('buy', '95');
    quote('sell', '101');
    const stop = ok(
      marked.placeOrder(
        t.order(t.alice, {
          side: 'sell',
          orderType: 'stop_market',
          triggerPrice: d('96'),
          quantity: d('1'),
          timeInForce: 'IOC',
        }),
      ),
    );
    // A seller sweeps the thin bid: prints at 99 and 95 (a last-price stop at 96 would fire);
    // the mid is (95 + 101) / 2 = 98.
    ok(
      marked.placeOrder(
        t.order(t.taker, { side: 'sell', price: d('95'), quantity: d('2'), timeInForce: 'IOC' }),
      ),
    );
    await settle();
    expect(marked.pending().map((p) => p.id)).toEqual([stop.orderId]);
    // The quotes move down: mid (90 + 101) / 2 = 95.5 <= 96 fires it.
    ok(await marked.cancelAll({ agentId: t.mm }));
    quote('buy', '90');
    quote('sell', '101');
    await settle();
    expect(marked.pending()).toEqual([]);
    expect(t.btc()?.free).toBe('9'); // its market sell went to the bid at 90
  });

  it('several stops reached by one print fire in the order they were placed', async () => {
    const t = await setup();
    await t.print('100');
    ok(t.venue.placeOrder(t.order(t.mm, { side: 'buy', price: d('80'), quantity: d('50') })));
    const ids = ['98', '99', '97'].map(
      (p) =>
        ok(
          t.venue.placeOrder(
            t.order(t.alice, {
              side: 'sell',
              orderType: 'stop_market',
              triggerPrice: d(p),
              quantity: d('1'),
              timeInForce: 'IOC',
            }),
          ),
        ).orderId,
    );
    await t.print('96', 'sell');
    const order = t.events
      .filter((e) => e.kind === 'order_filled' && ids.includes(e.fill.orderId))
      .map((e) => e.kind === 'order_filled' && e.fill.orderId);
    expect(order).toEqual(ids);
  });

  it('refuses bad stops with the port codes and changes nothing', async () => {
    const t = await setup();
    await t.print('100');
    const before = t.events.length;
    const stop = (over: Partial<PlaceOrderRequest>) =>
      t.venue.placeOrder(
        t.order(t.alice, {
          side: 'sell',
          orderType: 'stop_market',
          triggerPrice: d('95'),
          timeInForce: 'IOC',
          ...over,
        }),
      );
    expect(stop({ triggerPrice: d('100') })).toMatchObject({ ok: false, error: { code: 'INVALID_PRICE' } });
    expect(stop({ triggerPrice: d('95.2') })).toMatchObject({ ok: false, error: { code: 'OFF_TICK' } });
    expect(stop({ quantity: d('0.0001') })).toMatchObject({ ok: false, error: { code: 'OFF_LOT' } });
    expect(stop({ symbol: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_SYMBOL' } });
    expect(stop({ agentId: '999' })).toMatchObject({ ok: false, error: { code: 'UNKNOWN_AGENT' } });
    const { triggerPrice: _missing, ...noTrigger } = t.order(t.alice, {
      side: 'sell',
      orderType: 'stop_market',
      timeInForce: 'IOC',
    });
    expect(t.venue.placeOrder(noTrigger)).toMatchObject({ ok: false, error: { code: 'INVALID_PRICE' } });
    expect(t.events.length).toBe(before);
    expect(t.venue.pending()).toEqual([]);
  });

  it('a release the venue refuses cancels the trigger (reason venue)', async () => {
    const t = await setup();
    await t.print('100');
    const stop = ok(
      t.venue.placeOrder(
        t.order(t.alice, {
          side: 'sell',
          orderType: 'stop_market',
          triggerPrice: d('95'),
          quantity: d('50'),
          timeInForce: 'IOC',
        }),
      ),
    );
    await t.print('95', 'sell');
    expect(t.mine(stop.orderId).at(-1)).toMatchObject({ kind: 'order_canceled', reason: 'venue' });
  });

  it('only the owner cancels a pending trigger; cancelAll includes triggers', async () => {
    const t = await setup();
    await t.print('100');
    const stop = ok(
      t.venue.placeOrder(
        t.order(t.alice, {
          side: 'sell',
          orderType: 'stop_market',
          triggerPrice: d('90'),
          timeInForce: 'IOC',
        }),
      ),
    );
    expect(
      t.venue.cancelOrder({ agentId: t.mm, symbol: ENGINE_SYMBOL, orderId: stop.orderId }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_YOUR_ORDER' } });
    ok(t.venue.placeOrder(t.order(t.alice, { price: d('50') })));
    expect(ok(t.venue.cancelAll({ agentId: t.alice }))).toEqual({ canceled: 2 });
    expect(t.mine(stop.orderId).at(-1)).toMatchObject({ kind: 'order_canceled', reason: 'requested' });
  });
});

describe('brackets on a sim-like venue', () => {
  async function entry(t: Awaited<ReturnType<typeof setup>>, over: Partial<PlaceOrderRequest> = {}) {
    await t.print('100');
    const placed = t.venue.placeOrder(
      t.order(t.alice, {
        price: d('100'),
        quantity: d('2'),
        bracket: { takeProfit: d('110'), stopLoss: d('95') },
        ...over,
      }),
    );
    const view = ok(placed as VenueResult<OrderView>);
    await settle();
    const legs = () =>
      t.events.flatMap((e) =>
        e.kind === 'order_placed' && e.order.trigger?.parentOrderId === view.orderId ? [e.order] : [],
      );
    const leg = (type: 'take_profit' | 'stop_loss') =>
      legs()
        .filter((l) => l.trigger?.type === type)
        .at(-1)!;
    return { view, leg };
  }

  it('legs wait for the entry, are re-sized on partial fills, and one firing cancels the other', async () => {
    const t = await setup();
    const { view, leg } = await entry(t);
    expect(leg('take_profit')).toMatchObject({
      side: 'sell',
      quantity: '0',
      trigger: { state: 'waiting_entry', siblingOrderId: leg('stop_loss').orderId },
    });
    await t.print('100', 'sell', '0.5'); // the taker sells 0.5 into alice's bid (and mm's).
    expect(leg('stop_loss')).toMatchObject({ quantity: '0.5', trigger: { state: 'pending' } });
    await t.print('100', 'sell', '1.5');
    expect(leg('take_profit').quantity).toBe('2');
    expect(t.mine(view.orderId).at(-1)).toMatchObject({
      kind: 'order_filled',
      fill: { remainingQuantity: '0' },
    });
    // Bids for the take-profit's market sell, then a print at the target.
    ok(t.venue.placeOrder(t.order(t.mm, { side: 'buy', price: d('109'), quantity: d('5') })));
    await t.print('110');
    const tp = leg('take_profit').orderId;
    expect(t.mine(tp).some((e) => e.kind === 'order_filled' && e.fill.quantity === '2')).toBe(true);
    expect(t.mine(leg('stop_loss').orderId).at(-1)).toMatchObject({
      kind: 'order_canceled',
      reason: 'venue',
    });
    expect(t.venue.pending()).toEqual([]);
    expect(t.btc()?.free).toBe('10');
  });

  it('a leg firing while the entry still rests cancels the entry remainder', async () => {
    const t = await setup();
    // A short entry: sell 2 at 100, take profit at 90.
    const { view, leg } = await entry(t, {
      side: 'sell',
      bracket: { takeProfit: d('90'), stopLoss: d('105') },
    });
    await t.print('100', 'buy', '0.5'); // 0.5 of the entry fills
    expect(leg('take_profit')).toMatchObject({ side: 'buy', quantity: '0.5' });
    ok(t.venue.placeOrder(t.order(t.mm, { side: 'sell', price: d('91'), quantity: d('5') })));
    await t.print('90', 'sell');
    await settle();
    expect(
      t.mine(leg('take_profit').orderId).some((e) => e.kind === 'order_filled' && e.fill.quantity === '0.5'),
    ).toBe(true);
    expect(t.mine(leg('stop_loss').orderId).at(-1)).toMatchObject({ kind: 'order_canceled' });
    expect(t.mine(view.orderId).at(-1)).toMatchObject({
      kind: 'order_canceled',
      canceled: { canceledQuantity: '1.5' },
    });
    expect(t.btc()?.free).toBe('10');
  });

  it('an entry canceled before any fill cancels its legs; after a partial fill they stay', async () => {
    const t = await setup();
    const first = await entry(t);
    ok(await t.venue.cancelOrder({ agentId: t.alice, symbol: ENGINE_SYMBOL, orderId: first.view.orderId }));
    await settle();
    expect(t.venue.pending()).toEqual([]);
    const second = await entry(t);
    await t.print('100', 'sell', '0.3');
    ok(await t.venue.cancelOrder({ agentId: t.alice, symbol: ENGINE_SYMBOL, orderId: second.view.orderId }));
    await settle();
    expect(t.venue.pending().map((p) => [p.kind, p.qty])).toEqual([
      ['take_profit', 300],
      ['stop_loss', 300],
    ]);
  });

  it('refuses brackets on the wrong sides of the entry', async () => {
    const t = await setup();
    await t.print('100');
    const bad = t.venue.placeOrder(
      t.order(t.alice, { price: d('100'), bracket: { takeProfit: d('99'), stopLoss: d('95') } }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_PRICE' } });
    const crossed = t.venue.placeOrder(
      t.order(t.alice, {
        side: 'sell',
        price: d('100'),
        bracket: { takeProfit: d('90'), stopLoss: d('99.5') },
      }),
    );
    expect(crossed).toMatchObject({ ok: false, error: { code: 'INVALID_PRICE' } });
    const short = t.venue.placeOrder(
      t.order(t.alice, {
        side: 'sell',
        price: d('100'),
        bracket: { takeProfit: d('90'), stopLoss: d('101') },
      }),
    );
    expect(short).toMatchObject({ ok: true });
    expect(
      t.venue.placeOrder(t.order(t.alice, { side: 'sell', price: d('100'), bracket: { stopLoss: d('90') } })),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_PRICE' } });
  });

  it('after a restart, restored legs catch up with what their entry filled meanwhile', async () => {
    const t = await setup();
    const saved: TriggerRecord[] = [];
    const durable = new TriggerVenue({
      inner: t.engine,
      now: () => t.engine.now,
      store: { save: (r) => saved.push(r) },
    });
    await t.print('100');
    const entry = ok(
      durable.placeOrder(
        t.order(t.alice, { price: d('100'), quantity: d('2'), bracket: { stopLoss: d('90') } }),
      ) as VenueResult<OrderView>,
    );
    await settle();
    // The entry fills 0.7 with nothing listening (the layer is down), then the layer restarts.
    const latest = new Map(saved.map((r) => [r.id, r]));
    ok(
      t.engine.placeOrder(
        t.order(t.taker, { side: 'sell', price: d('100'), quantity: d('0.7'), timeInForce: 'IOC' }),
      ),
    );
    const restarted = new TriggerVenue({
      inner: t.engine,
      now: () => t.engine.now,
      restored: [...latest.values()],
    });
    await settle();
    expect(restarted.pending().map((p) => [p.kind, p.qty, p.parent])).toEqual([
      ['stop_loss', 700, entry.orderId],
    ]);
  });
});

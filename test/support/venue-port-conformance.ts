/**
 * A conformance suite for VenuePort implementations: the fake venue runs it today; the real
 * simulated venue should run it too (`describeVenuePortConformance('sim', () => …)`). It uses only
 * the port, so "state unchanged" is checked on everything a bot can observe (every agent's
 * portfolio, the books, the agents list) and on the events: a rejected call emits none.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src-shared/domain';
import type {
  PlaceOrderRequest,
  VenueEvent,
  VenuePort,
  VenueRejectCode,
  VenueResult,
} from '../../src-main/gateway/venue-port';

export interface ConformanceFixture {
  readonly venue: VenuePort;
  /**
   * Optional: an agent id that holds base of `symbol` and may sell `quantity` of it (e.g. a
   * built-in liquidity agent); without it the crossing checks are skipped.
   */
  readonly seller?: string;
  /**
   * True when the venue implements amendOrder, cancelAll, openOrders and recentFills in full: the
   * extended checks run (the gateway's fake venue does not amend).
   */
  readonly extended?: boolean;
  /** Called after each test (close storage, stop timers). */
  readonly close?: () => Promise<void> | void;
}

const d = (s: string) => s as DecimalString;

export function describeVenuePortConformance(
  name: string,
  make: () => ConformanceFixture | Promise<ConformanceFixture>,
): void {
  describe(`VenuePort conformance: ${name}`, () => {
    const opened: ConformanceFixture[] = [];
    afterEach(async () => {
      for (const f of opened.splice(0)) await f.close?.();
    });

    async function setup() {
      const fixture = await make();
      opened.push(fixture);
      const { venue } = fixture;
      const spec = venue.instruments()[0];
      if (!spec) throw new Error('the venue lists no instruments');
      const events: VenueEvent[] = [];
      venue.onEvent((e) => events.push(e));
      const alice = expectOk(await venue.registerAgent({ name: 'conf-alice', startingCapital: d('1000') }));
      const bob = expectOk(await venue.registerAgent({ name: 'conf-bob', startingCapital: d('1000') }));
      const observable = () =>
        JSON.stringify({
          portfolios: [alice.agentId, bob.agentId, fixture.seller]
            .filter((id): id is string => id !== undefined)
            .map((id) => stripTime(venue.portfolio(id))),
          books: venue.books(50).map((b) => ({ ...b, time: 0 })),
          agents: venue.agents(),
        });
      const order = (agentId: string, over: Partial<PlaceOrderRequest> = {}): PlaceOrderRequest => ({
        agentId,
        symbol: spec.symbol,
        side: 'buy',
        orderType: 'limit',
        price: spec.tickSize,
        quantity: spec.minSize,
        timeInForce: 'GTC',
        ...over,
      });
      /** A call that must be rejected with `code`, changing nothing and emitting nothing. */
      const rejected = async <T>(
        call: () => VenueResult<T> | Promise<VenueResult<T>>,
        code: VenueRejectCode,
      ) => {
        await new Promise((r) => setImmediate(r)); // let events of earlier calls arrive first
        const before = observable();
        const eventsBefore = events.length;
        const result = await call();
        expect(result.ok ? 'ok' : result.error.code).toBe(code);
        if (!result.ok) expect(result.error.message.length).toBeGreaterThan(0);
        await new Promise((r) => setImmediate(r));
        expect(observable()).toBe(before);
        expect(events.slice(eventsBefore)).toEqual([]);
      };
      return { fixture, venue, spec, events, alice, bob, order, rejected };
    }

    it('registers agents; the same name again returns the same agent', async () => {
      const { venue, alice } = await setup();
      expect(alice.created).toBe(true);
      const again = expectOk(await venue.registerAgent({ name: 'conf-alice', startingCapital: d('5') }));
      expect(again).toEqual({ agentId: alice.agentId, created: false });
      const p = expectOk(venue.portfolio(alice.agentId));
      expect(p.cash).toBe('1000');
      expect(p.equity).toBe('1000');
      expect(venue.portfolio('no-such-agent')).toMatchObject({ ok: false, error: { code: 'UNKNOWN_AGENT' } });
    });

    it('refuses bad orders with the right code and no effect', async () => {
      const { venue, spec, alice, order, rejected } = await setup();
      const offTick = `${spec.tickSize}1`;
      await rejected(() => venue.placeOrder(order(alice.agentId, { price: d(offTick) })), 'OFF_TICK');
      await rejected(
        () => venue.placeOrder(order(alice.agentId, { quantity: d(`${spec.lotSize}1`) })),
        'OFF_LOT',
      );
      await rejected(() => venue.placeOrder(order(alice.agentId, { symbol: 'NOPE-NOPE' })), 'UNKNOWN_SYMBOL');
      await rejected(() => venue.placeOrder(order(alice.agentId, { side: 'sell' })), 'INSUFFICIENT_BALANCE');
      await rejected(
        () => venue.placeOrder(order(alice.agentId, { price: d('100000000'), quantity: spec.minSize })),
        'INSUFFICIENT_FUNDS',
      );
      await rejected(() => venue.placeOrder(order('no-such-agent')), 'UNKNOWN_AGENT');
    });

    it('places, enforces ownership and duplicate client ids, cancels once', async () => {
      const { venue, alice, bob, order, rejected, events } = await setup();
      const placed = expectOk(await venue.placeOrder(order(alice.agentId, { clientOrderId: 'c-1' })));
      expect(placed).toMatchObject({ status: 'open', agentId: alice.agentId, clientOrderId: 'c-1' });
      // Events may follow the answer (asynchronous venues emit after resolving).
      await new Promise((r) => setImmediate(r));
      expect(events.some((e) => e.kind === 'order_placed' && e.order.orderId === placed.orderId)).toBe(true);
      expect(expectOk(venue.portfolio(alice.agentId)).lockedCash).not.toBe('0');
      await rejected(
        () => venue.placeOrder(order(alice.agentId, { clientOrderId: 'c-1' })),
        'DUPLICATE_CLIENT_ORDER_ID',
      );
      const cancel = { symbol: placed.symbol, orderId: placed.orderId };
      await rejected(() => venue.cancelOrder({ ...cancel, agentId: bob.agentId }), 'NOT_YOUR_ORDER');
      const canceled = expectOk(await venue.cancelOrder({ ...cancel, agentId: alice.agentId }));
      expect(canceled).toMatchObject({ orderId: placed.orderId, canceledQuantity: placed.quantity });
      expect(expectOk(venue.portfolio(alice.agentId)).lockedCash).toBe('0');
      await rejected(() => venue.cancelOrder({ ...cancel, agentId: alice.agentId }), 'UNKNOWN_ORDER');
    });

    it('trades between agents with symmetric fills and events', async () => {
      const { fixture, venue, spec, alice, order, events } = await setup();
      if (!fixture.seller) return;
      const price = d('100');
      expectOk(
        await venue.placeOrder(order(fixture.seller, { side: 'sell', price, quantity: spec.minSize })),
      );
      const taken = expectOk(
        await venue.placeOrder(order(alice.agentId, { price, quantity: spec.minSize, timeInForce: 'IOC' })),
      );
      expect(taken).toMatchObject({ status: 'filled', filledQuantity: spec.minSize, remainingQuantity: '0' });
      await new Promise((r) => setImmediate(r));
      const fills = events.flatMap((e) => (e.kind === 'order_filled' ? [e.fill] : []));
      expect(fills.map((f) => [f.agentId, f.side, f.liquidity, f.price, f.quantity])).toEqual(
        expect.arrayContaining([
          [fixture.seller, 'sell', 'maker', '100', spec.minSize],
          [alice.agentId, 'buy', 'taker', '100', spec.minSize],
        ]),
      );
      expect(events.some((e) => e.kind === 'trade' && e.trade.price === '100')).toBe(true);
      const holding = expectOk(venue.portfolio(alice.agentId)).holdings.find((h) => h.asset === spec.base);
      expect(holding?.free).toBe(spec.minSize);
    });

    it('amends: smaller keeps priority, a new price moves it; bad amends change nothing', async () => {
      const { fixture, venue, spec, alice, bob, order, rejected } = await setup();
      if (!fixture.extended) return;
      const two = d(times(spec.minSize, 2));
      const placed = expectOk(
        await venue.placeOrder(order(alice.agentId, { quantity: two, price: d('10') })),
      );
      const ref = { agentId: alice.agentId, symbol: spec.symbol, orderId: placed.orderId };
      const smaller = expectOk(await venue.amendOrder({ ...ref, quantity: spec.minSize }));
      expect(smaller).toMatchObject({
        orderId: placed.orderId,
        status: 'open',
        quantity: spec.minSize,
        price: '10',
      });
      const moved = expectOk(await venue.amendOrder({ ...ref, price: d('11') }));
      expect(moved).toMatchObject({ orderId: placed.orderId, status: 'open', price: '11' });
      expect(expectOk(await venue.openOrders(alice.agentId)).map((o) => [o.orderId, o.price])).toEqual([
        [placed.orderId, '11'],
      ]);
      await rejected(() => venue.amendOrder({ ...ref, agentId: bob.agentId }), 'NOT_YOUR_ORDER');
      await rejected(() => venue.amendOrder({ ...ref, price: d(`${spec.tickSize}1`) }), 'OFF_TICK');
      await rejected(() => venue.amendOrder({ ...ref, quantity: d(`${spec.lotSize}1`) }), 'OFF_LOT');
      await rejected(() => venue.amendOrder({ ...ref, price: d('100000000') }), 'INSUFFICIENT_FUNDS');
      await rejected(() => venue.amendOrder({ ...ref, orderId: '999999999' }), 'UNKNOWN_ORDER');
    });

    it('cancels all (per symbol or everything) and lists open orders and recent fills', async () => {
      const { fixture, venue, spec, alice, order } = await setup();
      if (!fixture.extended) return;
      expectOk(await venue.placeOrder(order(alice.agentId, { price: d('10') })));
      expectOk(await venue.placeOrder(order(alice.agentId, { price: d('11') })));
      expect(expectOk(await venue.openOrders(alice.agentId))).toHaveLength(2);
      expect(expectOk(await venue.cancelAll({ agentId: alice.agentId, symbol: spec.symbol }))).toEqual({
        canceled: 2,
      });
      expect(expectOk(await venue.openOrders(alice.agentId))).toEqual([]);
      expect(expectOk(await venue.cancelAll({ agentId: alice.agentId }))).toEqual({ canceled: 0 });
      expect(expectOk(venue.portfolio(alice.agentId)).lockedCash).toBe('0');
      expect(await venue.openOrders('no-such-agent')).toMatchObject({
        ok: false,
        error: { code: 'UNKNOWN_AGENT' },
      });
      if (fixture.seller) {
        expectOk(await venue.placeOrder(order(fixture.seller, { side: 'sell', price: d('100') })));
        expectOk(await venue.placeOrder(order(alice.agentId, { price: d('100'), timeInForce: 'IOC' })));
        const fills = expectOk(await venue.recentFills(alice.agentId, 10));
        expect(fills.map((f) => [f.side, f.price, f.quantity, f.liquidity])).toEqual([
          ['buy', '100', spec.minSize, 'taker'],
        ]);
      }
    });
  });
}

/** A decimal string times a small integer, exactly (test helper). */
function times(value: string, n: number): string {
  const [whole = '0', frac = ''] = value.split('.');
  const scaled = BigInt(whole + frac) * BigInt(n);
  const text = scaled.toString().padStart(frac.length + 1, '0');
  return frac.length
    ? `${text.slice(0, -frac.length)}.${text.slice(-frac.length)}`.replace(/\.?0+$/, '')
    : text;
}

function expectOk<T>(result: VenueResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

function stripTime<T>(result: VenueResult<T>): unknown {
  return result.ok ? { ...result.value, time: 0 } : result;
}

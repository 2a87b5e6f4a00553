/**
 * The trading and sim contracts over the real composition root (hand-driven time): the user trades
 * on the simulated venue as "you" with outcome values, and follows orders, fills, portfolio, equity,
 * agents, news, candles, books and health as streams folded with the contract's own reducers.
 */
import { describe, expect, it } from 'vitest';
import type { RequestInput, RequestName } from '../../../src-shared/contract';
import type { DecimalString } from '../../../src-shared/domain';
import { follow } from '../../support/follow-stream';
import { systemApp } from '../../support/system-app';

const ctx = { transport: 'test', principal: 'user' } as const;

function app() {
  const sys = systemApp();
  const call = async <N extends RequestName>(name: N, input: RequestInput<N>) => {
    const reply = await sys.server.call(name, input, ctx);
    if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
    return reply.value as Record<string, unknown> & { status?: string };
  };
  return { ...sys, call };
}

describe('trading contract on the simulated venue', () => {
  it('places a stop through the trigger layer: listed as pending with its trigger, then canceled', async () => {
    const { call, tick, server } = app();
    tick(2000);
    const orders = follow(server, 'trading.orders', { venue: 'sim' });
    const placed = (await call('trading.place', {
      venue: 'sim',
      symbol: 'BTC-USD',
      side: 'sell',
      type: 'stop_market',
      tif: 'IOC',
      triggerPrice: '1000',
      quantity: '0.01',
    })) as { status: string; order: { orderId: string } };
    expect(placed).toMatchObject({
      status: 'accepted',
      order: {
        status: 'open',
        orderType: 'market',
        trigger: { type: 'stop_market', triggerPrice: '1000', state: 'pending' },
      },
    });
    tick(200);
    expect(orders.state!.orders).toEqual([
      expect.objectContaining({ orderId: placed.order.orderId, noFillReason: 'trigger_pending' }),
    ]);
    expect(await call('trading.cancel', { venue: 'sim', orderId: placed.order.orderId })).toMatchObject({
      status: 'accepted',
      order: { status: 'canceled' },
    });
    tick(200);
    expect(orders.state!.orders).toEqual([]);
    // A stop without its trigger price is a rejection value, not a crash.
    expect(
      await call('trading.place', {
        venue: 'sim',
        symbol: 'BTC-USD',
        side: 'sell',
        type: 'stop_market',
        tif: 'IOC',
        quantity: '0.01',
      }),
    ).toMatchObject({ status: 'rejected', code: 'INVALID_PRICE' });
  });

  it('places, amends, cancels and cancels all; the orders stream follows by upserts and removals', async () => {
    const { call, tick, server } = app();
    tick(2000); // the market makers quote
    const orders = follow(server, 'trading.orders', { venue: 'sim' });
    expect(orders.state).toEqual({ orders: [] });
    const placed = (await call('trading.place', {
      venue: 'sim',
      symbol: 'BTC-USD',
      side: 'buy',
      type: 'limit',
      tif: 'GTC',
      price: '1000',
      quantity: '0.01',
      clientOrderId: 'mine-1',
    })) as { status: string; order: { orderId: string } };
    expect(placed).toMatchObject({
      status: 'accepted',
      order: { status: 'open', price: '1000', clientOrderId: 'mine-1' },
    });
    const id = placed.order.orderId;
    tick(200);
    expect(orders.state!.orders.map((o) => [o.orderId, o.price])).toEqual([[id, '1000']]);

    expect(
      await call('trading.amend', { venue: 'sim', orderId: id, price: '1001', quantity: '0.02' }),
    ).toMatchObject({
      status: 'accepted',
      order: { orderId: id, price: '1001', quantity: '0.02' },
    });
    tick(200);
    expect(orders.state!.orders.map((o) => [o.orderId, o.price, o.quantity])).toEqual([[id, '1001', '0.02']]);

    expect(await call('trading.amend', { venue: 'sim', orderId: id, price: '1001.001' })).toMatchObject({
      status: 'rejected',
      code: 'OFF_TICK',
      retryable: false,
    });
    expect(await call('trading.cancel', { venue: 'sim', orderId: id })).toMatchObject({
      status: 'accepted',
      order: { orderId: id, status: 'canceled', remainingQuantity: '0' },
    });
    tick(200);
    expect(orders.state!.orders).toEqual([]);
    expect(await call('trading.cancel', { venue: 'sim', orderId: id })).toMatchObject({
      status: 'rejected',
      code: 'UNKNOWN_ORDER',
    });

    for (const price of ['900', '901']) {
      await call('trading.place', {
        venue: 'sim',
        symbol: 'ETH-USD',
        side: 'buy',
        type: 'limit',
        tif: 'GTC',
        price,
        quantity: '0.1',
      });
    }
    expect(await call('trading.cancelAll', { venue: 'sim', symbol: 'ETH-USD' })).toEqual({
      status: 'accepted',
      canceled: 2,
    });
    // Another agent's order id is simply unknown to you.
    const mmOrders = await server.call('trading.cancel', { venue: 'sim', orderId: '1' }, ctx);
    expect(mmOrders).toMatchObject({ ok: true, value: { status: 'rejected', code: 'UNKNOWN_ORDER' } });
    expect(
      await server.call(
        'trading.place',
        { venue: 'nowhere', symbol: 'X', side: 'buy', type: 'market', tif: 'IOC', quantity: '1' },
        ctx,
      ),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    orders.dispose();
  });

  it('a market buy fills; fills and portfolio streams follow; flatten sells the free base', async () => {
    const { call, tick, server } = app();
    tick(2000);
    const fills = follow(server, 'trading.fills', { venue: 'sim' });
    const portfolio = follow(server, 'trading.portfolio', { venue: 'sim' });
    expect(portfolio.state).toMatchObject({
      venue: 'sim',
      cash: '100000',
      equity: '100000',
      pnl: '0',
      startingCapital: '100000',
    });
    expect(
      await call('trading.place', {
        venue: 'sim',
        symbol: 'SOL-USD',
        side: 'buy',
        type: 'market',
        tif: 'IOC',
        quantity: '3.5',
      }),
    ).toMatchObject({
      status: 'accepted',
      order: { status: 'filled', filledQuantity: '3.5' },
    });
    tick(200);
    expect(fills.state!.fills.length).toBeGreaterThan(0);
    expect(
      fills.state!.fills.every((f) => f.side === 'buy' && f.liquidity === 'taker' && f.symbol === 'SOL-USD'),
    ).toBe(true);
    const position = portfolio.state!.positions.find((p) => p.symbol === 'SOL-USD');
    expect(position).toMatchObject({ quantity: '3.5' });
    expect(position!.averageCost).toMatch(/^1[45]\d\.\d+$/);

    expect(await call('trading.flatten', { venue: 'sim', symbol: 'SOL-USD' })).toMatchObject({
      status: 'accepted',
      order: { side: 'sell', orderType: 'market', quantity: '3.5' },
    });
    tick(200);
    expect(portfolio.state!.holdings.find((h) => h.asset === 'SOL')).toBeUndefined();
    // The round trip's realised PnL (net of fees) is on the position, and is the whole portfolio's.
    const closed = portfolio.state!.positions.find((p) => p.symbol === 'SOL-USD')!;
    expect(closed.realizedPnl).toMatch(/^-?\d+(\.\d+)?$/);
    expect(closed.realizedPnl).toBe(portfolio.state!.realizedPnl);
    expect(closed.realizedPnl!.startsWith('-')).toBe(true); // crossed the spread twice and paid fees
    expect(await call('trading.flatten', { venue: 'sim', symbol: 'SOL-USD' })).toMatchObject({
      status: 'rejected',
      code: 'NOTHING_TO_FLATTEN',
    });
    expect(
      await call('trading.place', {
        venue: 'sim',
        symbol: 'BTC-USD',
        side: 'sell',
        type: 'limit',
        tif: 'GTC',
        price: '70000',
        quantity: '1',
      }),
    ).toMatchObject({
      status: 'rejected',
      code: 'INSUFFICIENT_BALANCE',
    });
    fills.dispose();
    portfolio.dispose();
  });

  it('streams the equity curve, agents (with pause), news, status and venues', async () => {
    const { call, tick, server, app: composed } = app();
    // A bot registered through the venue port (as the gateway does) is an external agent.
    expect(
      await composed.sim.port.registerAgent({ name: 'bot-x', startingCapital: '5000' as DecimalString }),
    ).toMatchObject({
      ok: true,
    });
    const equity = follow(server, 'trading.equity', { venue: 'sim' });
    const agents = follow(server, 'sim.agents', {});
    const news = follow(server, 'sim.news', {});
    tick(60_000);
    expect(equity.state!.points.length).toBe(12);
    expect(equity.state!.points[0]).toMatchObject({ time: expect.any(Number), equity: '100000' });
    const rows = agents.state!.agents;
    expect(rows.find((r) => r.name === 'bot-x')).toMatchObject({
      kind: 'external',
      strategy: 'bot',
      connected: false,
      cash: '5000',
      pnl: '0',
    });
    expect(rows.map((r) => r.kind).sort()).toEqual([
      'builtin',
      'builtin',
      'builtin',
      'builtin',
      'builtin',
      'builtin',
      'builtin',
      'external',
      'user',
    ]);
    expect(rows.find((r) => r.name === 'mm-alpha')).toMatchObject({
      strategy: 'market-maker',
      paused: false,
      connected: null,
    });
    expect(agents.deltas).toBeLessThanOrEqual(61); // coalesced: at most about one per second
    expect(news.state!.items.length).toBeGreaterThan(0);
    expect(news.state!.items[0]).toMatchObject({
      id: expect.stringMatching(/^n\d+$/),
      sentiment: expect.stringMatching(/^-?[01]\.\d\d$/),
    });

    const mm = rows.find((r) => r.name === 'mm-alpha')!;
    const mmEquity = follow(server, 'trading.equity', { venue: 'sim', agentId: mm.agentId });
    expect(mmEquity.state!.points.length).toBe(12);
    expect(await call('sim.setAgentPaused', { agentId: mm.agentId, paused: true })).toEqual({
      agentId: mm.agentId,
      paused: true,
    });
    tick(2000);
    expect(agents.state!.agents.find((r) => r.agentId === mm.agentId)!.paused).toBe(true);
    expect(await call('sim.setAllPaused', { paused: true })).toEqual({ paused: true, agents: 7 });
    const status = await call('sim.status', {});
    expect(status).toMatchObject({ status: 'running', seed: 42, persistence: 'memory', running: 0 });
    expect((status.instruments as Array<{ symbol: string }>).map((i) => i.symbol)).toEqual([
      'BTC-USD',
      'ETH-USD',
      'SOL-USD',
      'AAPL-USD',
      'NVDA-USD',
    ]);
    expect(await server.call('sim.setAgentPaused', { agentId: 'a999', paused: true }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await call('trading.venues', {})).toEqual([
      {
        venue: 'sim',
        name: 'Simulated venue',
        kind: 'simulated',
        available: true,
        reason: null,
        userAgentId: expect.stringMatching(/^a\d+$/),
      },
    ]);
  });

  it('serves the simulated venue as market data: instruments, grouped books, trades, candles, health', async () => {
    const { call, tick, server } = app();
    expect(await call('market.instruments', { venue: 'sim' })).toContainEqual({
      symbol: 'BTC-USD',
      base: 'BTC',
      quote: 'USD',
      tickSize: '0.01',
      lotSize: '0.0001',
    });
    const book = follow(server, 'market.book', { venue: 'sim', symbol: 'BTC-USD', depth: 5 });
    const grouped = follow(server, 'market.book', {
      venue: 'sim',
      symbol: 'BTC-USD',
      depth: 3,
      grouping: { kind: 'sigfigs', nSigFigs: 3 },
    });
    const trades = follow(server, 'market.trades', { venue: 'sim', symbol: 'BTC-USD' });
    const candles = follow(server, 'market.candles', { venue: 'sim', symbol: 'BTC-USD', intervalSec: 5 });
    const health = follow(server, 'market.health', {});
    await new Promise((r) => setImmediate(r)); // the streams' watches are acquired asynchronously
    for (let i = 0; i < 300; i++) tick(100); // step by step, so prints carry advancing times
    expect(book.state).toMatchObject({ venue: 'sim', status: 'live', source: 'stream' });
    expect(book.state!.bids).toHaveLength(5);
    expect(Number(book.state!.bids[0]!.price)).toBeLessThan(Number(book.state!.asks[0]!.price));
    for (const level of grouped.state!.bids) expect(level.price).toMatch(/^\d{2}[0-9]00$/);
    expect(trades.state!.trades.length).toBeGreaterThan(0);
    const c = candles.state!.candles;
    expect(c.length).toBeGreaterThanOrEqual(5);
    expect(c.every((x, i) => i === 0 || x.openTime - c[i - 1]!.openTime >= 5000)).toBe(true);
    for (const x of c) expect(Number(x.low)).toBeLessThanOrEqual(Number(x.high));
    expect(health.state!.venues.find((v) => v.venue === 'sim')).toMatchObject({ state: 'live' });
    for (const s of [book, grouped, trades, candles, health]) s.dispose();
  });
});

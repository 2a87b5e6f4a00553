/**
 * The protocol's normal flows, in process with hand-driven time: connect snapshots, registration,
 * order lifecycle, fills and their ordering, broadcasts, coalesced books and agents, auth states,
 * pause / disconnect controls, async venues, slow consumers and conflation.
 */
import { describe, expect, it } from 'vitest';
import { GatewaySession } from '../../../src-main/gateway/session';
import { unavailableVenue } from '../../../src-main/gateway/unavailable';
import { FakePeer, inProcessGateway, TEST_TOKEN, type Msg } from '../../support/gateway-inprocess';

const limit = (side: 'buy' | 'sell', price: string, quantity: string, extra: object = {}) => ({
  type: 'add_order',
  symbol_id: 'BTC-USD',
  side,
  price,
  quantity,
  ...extra,
});
const types = (msgs: Msg[]) => msgs.map((m) => m.type);

describe('connecting', () => {
  it('pushes welcome, instruments, orderbooks, news_history and agents_snapshot, in that order', () => {
    const g = inProcessGateway();
    g.fake.publishNews('before anyone connected');
    const peer = new FakePeer();
    new GatewaySession(g.deps, peer).authenticated();
    expect(types(peer.sent)).toEqual([
      'welcome',
      'instruments',
      'orderbooks',
      'news_history',
      'agents_snapshot',
    ]);
    expect(peer.sent[1]).toMatchObject({
      instruments: [
        {
          symbol_id: 'BTC-USD',
          base: 'BTC',
          quote: 'USD',
          tick_size: '0.01',
          lot_size: '0.0001',
          min_size: '0.001',
        },
        { symbol_id: 'ETH-USD' },
      ],
    });
    expect(peer.sent[3]).toMatchObject({ items: [{ headline: 'before anyone connected' }] });
    expect(peer.schemaErrors).toEqual([]);
  });

  it('with the auth message: only a right token opens the session', () => {
    const g = inProcessGateway();
    const wrong = new FakePeer();
    const s1 = new GatewaySession(g.deps, wrong);
    s1.receive(JSON.stringify({ type: 'auth', token: TEST_TOKEN + 'x' }));
    expect(wrong.sent).toEqual([expect.objectContaining({ type: 'error', code: 'UNAUTHORIZED' })]);
    expect(wrong.closedWith?.code).toBe(1008);

    const early = new FakePeer();
    new GatewaySession(g.deps, early).receive(JSON.stringify({ type: 'ping' }));
    expect(early.sent).toEqual([expect.objectContaining({ code: 'UNAUTHORIZED' })]);
    expect(early.closedWith?.code).toBe(1008);

    const right = new FakePeer();
    const s3 = new GatewaySession(g.deps, right);
    s3.receive(JSON.stringify({ type: 'auth', token: TEST_TOKEN }));
    expect(right.sent[0]).toMatchObject({ type: 'welcome', protocol: 1, venue: 'sim', trading: true });
    expect(s3.isOpen).toBe(true);
    s3.authTimedOut();
    expect(right.closedWith).toBeNull();
  });

  it('closes a session that never authenticates when the deadline passes', () => {
    const g = inProcessGateway();
    const peer = new FakePeer();
    new GatewaySession(g.deps, peer).authTimedOut();
    expect(peer.sent).toEqual([expect.objectContaining({ code: 'UNAUTHORIZED' })]);
    expect(peer.closedWith?.code).toBe(1008);
  });
});

describe('trading', () => {
  it('registers, then acks a resting order before its order_placed, and cancels it', () => {
    const g = inProcessGateway();
    const s = g.open();
    const reg = s.send({ type: 'agent_register', name: 'alice', starting_capital: 5000, req_id: 'r1' });
    expect(reg[0]).toMatchObject({ type: 'agent_registered', name: 'alice', resumed: false, req_id: 'r1' });
    expect(reg[1]).toMatchObject({ type: 'portfolio_update', cash: '5000', equity: '5000', pnl: '0' });
    const placed = s.send(limit('buy', '100', '0.5', { client_order_id: 'b-1', req_id: 2 }));
    expect(types(placed)).toEqual(['order_response', 'order_placed', 'portfolio_update']);
    expect(placed[0]).toMatchObject({
      status: 'open',
      price: '100',
      quantity: '0.5',
      client_order_id: 'b-1',
      req_id: 2,
    });
    expect(placed[2]).toMatchObject({ cash: '4950', locked_cash: '50' });
    const canceled = s.send({ type: 'cancel_order', symbol_id: 'BTC-USD', orderId: placed[0]!.order_id });
    expect(types(canceled)).toEqual(['cancel_response', 'order_canceled', 'portfolio_update']);
    expect(canceled[1]).toMatchObject({ reason: 'requested', canceled_quantity: '0.5' });
    expect(canceled[2]).toMatchObject({ cash: '5000', locked_cash: '0' });
    expect(g.fake.invariantErrors()).toEqual([]);
  });

  it('sends the taker its order_response before its fills; the maker and everyone else get theirs', () => {
    const g = inProcessGateway();
    const watcher = g.open();
    const seller = g.agent('seller', '10000');
    const buyer = g.agent('buyer', '10000');
    // The seller needs BTC first: buy it from the house.
    const house = g.fake.addBuiltinAgent('house', '1', { BTC: '5' });
    g.fake.seedOrder({
      agentId: house,
      symbol: 'BTC-USD',
      side: 'sell',
      orderType: 'limit',
      price: '90' as never,
      quantity: '1' as never,
      timeInForce: 'GTC',
    });
    seller.send(limit('buy', '90', '1'));
    for (const p of [watcher.peer, seller.peer, buyer.peer]) p.take();
    const ask = seller.send(limit('sell', '95', '0.4'));
    expect(ask[0]).toMatchObject({ type: 'order_response', status: 'open' });
    buyer.peer.take();
    watcher.peer.take();

    const taken = buyer.send(limit('buy', '96', '0.6', { time_in_force: 'IOC' }));
    expect(types(taken)).toEqual([
      'order_response',
      'order_placed',
      'order_filled',
      'trade',
      'order_canceled',
      'portfolio_update',
    ]);
    expect(taken[0]).toMatchObject({ status: 'canceled', filled_quantity: '0.4', remaining_quantity: '0' });
    expect(taken[2]).toMatchObject({ liquidity: 'taker', price: '95', quantity: '0.4' });
    expect(taken[4]).toMatchObject({ reason: 'ioc_remainder', canceled_quantity: '0.2' });
    expect(taken[5]).toMatchObject({ cash: '9962' });
    expect(types(seller.peer.take())).toEqual(['order_filled', 'trade', 'portfolio_update']);
    expect(types(watcher.peer.take())).toEqual(['trade']);
    expect(g.fake.invariantErrors()).toEqual([]);
  });

  it('coalesces book changes into one orderbooks push per interval, and agents into one snapshot', () => {
    const g = inProcessGateway();
    const watcher = g.open();
    const alice = g.agent('alice');
    for (let i = 0; i < 5; i++) alice.send(limit('buy', String(100 + i), '0.01'));
    watcher.peer.take();
    g.tick(g.limits.bookIntervalMs);
    const books = watcher.peer.take();
    expect(types(books)).toEqual(['orderbooks']);
    expect(books[0]).toMatchObject({ books: [{ symbol_id: 'BTC-USD', asks: [] }] });
    expect((books[0]!.books as Array<{ bids: unknown[] }>)[0]!.bids[0]).toEqual({
      px: '104',
      sz: '0.01',
      n: 1,
    });
    g.tick(g.limits.agentsIntervalMs);
    const agents = watcher.peer.take().filter((m) => m.type === 'agents_snapshot');
    expect(agents).toHaveLength(1);
    expect(agents[0]).toMatchObject({ agents: [{ name: 'alice', connected: true, kind: 'external' }] });
    g.tick(g.limits.agentsIntervalMs * 3);
    expect(watcher.peer.take()).toEqual([]);
  });

  it('broadcasts news and answers get_portfolio for the caller', () => {
    const g = inProcessGateway();
    const alice = g.agent('alice', '250.5');
    g.fake.publishNews('rates unchanged', ['BTC-USD']);
    expect(alice.peer.take()).toEqual([
      expect.objectContaining({ type: 'news', headline: 'rates unchanged', symbols: ['BTC-USD'] }),
    ]);
    expect(alice.send({ type: 'get_portfolio', req_id: 9 })[0]).toMatchObject({
      type: 'portfolio_update',
      agent_id: alice.agentId,
      cash: '250.5',
      req_id: 9,
    });
    expect(alice.send({ type: 'get_portfolio', agent_id: alice.agentId })[0]).toMatchObject({
      type: 'portfolio_update',
    });
  });

  it('gives a reconnecting bot its agent back, with its open orders', () => {
    const g = inProcessGateway();
    const first = g.agent('alice');
    const [placed] = first.send(limit('buy', '100', '0.01'));
    first.session.shutdown();
    const again = g.open();
    expect(again.send({ type: 'agent_register', name: 'alice', starting_capital: '1' })[0]).toMatchObject({
      type: 'agent_registered',
      agent_id: first.agentId,
      resumed: true,
    });
    expect(
      again.send({ type: 'cancel_order', symbol_id: 'BTC-USD', orderId: placed!.order_id })[0],
    ).toMatchObject({
      type: 'cancel_response',
    });
  });
});

describe('user controls', () => {
  it('refuses orders from a paused agent (cancels still work) until resumed', () => {
    const g = inProcessGateway();
    const alice = g.agent('alice');
    const [resting] = alice.send(limit('buy', '100', '0.01'));
    alice.peer.take();
    g.agents.setPaused(alice.agentId, true);
    const before = g.fake.stateHash();
    expect(alice.send(limit('buy', '100', '0.01'))).toEqual([
      expect.objectContaining({ code: 'AGENT_PAUSED' }),
    ]);
    expect(g.fake.stateHash()).toBe(before);
    expect(
      alice.send({ type: 'cancel_order', symbol_id: 'BTC-USD', orderId: resting!.order_id })[0],
    ).toMatchObject({
      type: 'cancel_response',
    });
    g.agents.setPaused(alice.agentId, false);
    expect(alice.send(limit('buy', '100', '0.01'))[0]).toMatchObject({ type: 'order_response' });
  });

  it('disconnects an agent with close code 4001 and frees its name', () => {
    const g = inProcessGateway();
    const alice = g.agent('alice');
    expect(g.agents.disconnect(alice.agentId)).toBe(true);
    expect(alice.peer.closedWith).toEqual({ code: 4001, reason: 'disconnected by the user' });
    expect(g.agents.isConnected(alice.agentId)).toBe(false);
    expect(g.agents.disconnect(alice.agentId)).toBe(false);
    expect(g.open().send({ type: 'agent_register', name: 'alice', starting_capital: '1' })[0]).toMatchObject({
      resumed: true,
    });
  });
});

describe('venues', () => {
  it('refuses trading with UNAVAILABLE on the placeholder venue, but still serves ping and market data', () => {
    const g = inProcessGateway({ venue: unavailableVenue() });
    const s = g.open();
    for (const m of [
      { type: 'agent_register', name: 'a', starting_capital: '1' },
      limit('buy', '1', '1'),
      { type: 'cancel_order', symbol_id: 'BTC-USD', orderId: '1' },
      { type: 'get_portfolio' },
    ]) {
      const [reply] = s.send(m);
      expect(reply).toMatchObject({ type: 'error', code: 'UNAVAILABLE' });
      expect(reply!.msg).toMatch(/not available/);
    }
    expect(s.send({ type: 'ping' })[0]).toMatchObject({ type: 'pong' });
    expect(
      s.send({ type: 'subscribe', channel: 'l2Book', venue: 'binance', symbol: 'BTCUSDT' })[0],
    ).toMatchObject({
      type: 'subscribed',
    });
  });

  it('answers INTERNAL and stays usable when the venue throws', () => {
    const g = inProcessGateway();
    const alice = g.agent('alice');
    g.fake.placeOrder = () => {
      throw new Error('engine invariant broke');
    };
    expect(alice.send(limit('buy', '100', '0.01'))).toEqual([expect.objectContaining({ code: 'INTERNAL' })]);
    expect(alice.send({ type: 'ping' })[0]).toMatchObject({ type: 'pong' });
  });

  it('with an async venue: response before fills, and a cap on requests in flight', async () => {
    const { FakeVenue } = await import('../../support/gateway-fake-venue');
    const venue = new FakeVenue({ asyncAcks: true });
    const g = inProcessGateway({ venue, limits: { maxInFlight: 2 } });
    const s = g.open();
    s.send({ type: 'agent_register', name: 'a', starting_capital: '1000' });
    await new Promise((r) => setTimeout(r, 5));
    s.peer.take();
    s.send(limit('buy', '1', '0.01'));
    s.send(limit('buy', '1', '0.01'));
    expect(s.send(limit('buy', '1', '0.01'))).toEqual([expect.objectContaining({ code: 'RATE_LIMITED' })]);
    await new Promise((r) => setTimeout(r, 5));
    const later = s.peer.take().filter((m) => m.type === 'order_response' || m.type === 'order_placed');
    expect(later).toHaveLength(4);
    for (const response of later.filter((m) => m.type === 'order_response')) {
      const placed = later.findIndex((m) => m.type === 'order_placed' && m.order_id === response.order_id);
      expect(later.indexOf(response)).toBeLessThan(placed);
    }
  });
});

describe('backpressure', () => {
  it('drops a consumer whose queue passes maxBufferedBytes', () => {
    const g = inProcessGateway({ limits: { maxBufferedBytes: 1000 } });
    const s = g.open();
    s.peer.buffered = 5000;
    g.fake.publishNews('flood');
    expect(s.peer.terminated).toBe(true);
    expect(g.hub.size).toBe(0);
  });

  it('conflates books while congested and sends a full orderbooks once drained', () => {
    const g = inProcessGateway({ limits: { conflateBytes: 1000 } });
    const watcher = g.open();
    const alice = g.agent('alice');
    watcher.peer.buffered = 2000;
    alice.send(limit('buy', '100', '0.01'));
    g.tick(g.limits.bookIntervalMs);
    expect(watcher.peer.take().filter((m) => m.type === 'orderbooks')).toEqual([]);
    watcher.peer.buffered = 0;
    g.tick(50);
    const books = watcher.peer.take().filter((m) => m.type === 'orderbooks');
    expect(books).toHaveLength(1);
    expect((books[0]!.books as unknown[]).length).toBe(2);
  });
});

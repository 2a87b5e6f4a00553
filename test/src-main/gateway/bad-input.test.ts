/**
 * reliability.md section B, in process: every bad input gets exactly one structured error with
 * the expected code, synchronously (well within 100 ms), the venue's state hash is unchanged,
 * Object.prototype is untouched and the connection stays usable.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessGateway, type Msg } from '../../support/gateway-inprocess';

const order = (fields: Record<string, unknown>) =>
  JSON.stringify({
    type: 'add_order',
    symbol_id: 'BTC-USD',
    side: 'buy',
    price: '100',
    quantity: '0.01',
    ...fields,
  });

const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

function setup() {
  const g = inProcessGateway();
  // Liquidity from a venue-owned agent so that crossing cases have something to meet.
  const house = g.fake.addBuiltinAgent('house', '1000000', { BTC: '10' });
  g.fake.seedOrder({
    agentId: house,
    symbol: 'BTC-USD',
    side: 'sell',
    orderType: 'limit',
    price: '101' as never,
    quantity: '1' as never,
    timeInForce: 'GTC',
  });
  const alice = g.agent('alice', '1000');
  return { g, alice, house };
}

/** Sends one raw frame and checks the B contract; returns the error. */
function expectRejected(raw: string, code: string) {
  const { g, alice } = setup();
  const before = g.fake.stateHash();
  const started = performance.now();
  const replies = alice.send(raw);
  expect(performance.now() - started).toBeLessThan(100);
  expect(replies).toHaveLength(1);
  const reply = replies[0] as Msg;
  expect(reply).toMatchObject({ type: 'error', code });
  expect(typeof reply.msg).toBe('string');
  expect(g.fake.stateHash()).toBe(before);
  expect(g.fake.invariantErrors()).toEqual([]);
  // Still usable: the connection was not closed and answers the next request.
  expect(alice.peer.closedWith).toBeNull();
  expect(alice.send({ type: 'ping', req_id: 7 })).toEqual([
    expect.objectContaining({ type: 'pong', req_id: 7 }),
  ]);
  expect(alice.peer.schemaErrors).toEqual([]);
  return reply;
}

describe('malformed frames', () => {
  it.each([
    ['not JSON', '{not json', 'BAD_JSON'],
    ['truncated JSON', '{"type":"add_order","symbol_id":"BTC', 'BAD_JSON'],
    ['an empty frame', '', 'BAD_JSON'],
    ['NaN', order({}).replace('"100"', 'NaN'), 'BAD_JSON'],
    ['Infinity', order({}).replace('"100"', 'Infinity'), 'BAD_JSON'],
    ['an array', '[1,2,3]', 'INVALID_MESSAGE'],
    ['null', 'null', 'INVALID_MESSAGE'],
    ['a number', '42', 'INVALID_MESSAGE'],
    ['a string', '"add_order"', 'INVALID_MESSAGE'],
    ['an unknown type', '{"type":"transfer_funds"}', 'UNKNOWN_TYPE'],
    ['an "op" instead of "type"', '{"op":"add_order"}', 'INVALID_MESSAGE'],
    ['a non-string type', '{"type":7}', 'INVALID_MESSAGE'],
    ['10^5 levels of nesting', '['.repeat(100_000) + ']'.repeat(100_000), 'INVALID_MESSAGE'],
    [
      'deep nesting inside a field',
      order({ x: 1 }).replace('1}', '[' + '['.repeat(100_000) + ']'.repeat(100_000) + ']}'),
      'INVALID_MESSAGE',
    ],
  ])('%s', (_label, raw, code) => {
    expectRejected(raw, code);
  });
});

describe('fields', () => {
  it('rejects (does not strip) an unknown field and names it', () => {
    const reply = expectRejected(order({ leverage: 100 }), 'INVALID_MESSAGE');
    expect(reply.msg).toMatch(/leverage/);
    expect(reply.request).toBe('add_order');
  });

  it.each([
    [
      'a missing quantity',
      JSON.stringify({ type: 'add_order', symbol_id: 'BTC-USD', side: 'buy', price: '1' }),
      'INVALID_MESSAGE',
      /quantity/,
    ],
    ['price "abc"', order({ price: 'abc' }), 'INVALID_PRICE', /price/],
    ['quantity [1]', order({ quantity: [1] }), 'INVALID_MESSAGE', /quantity/],
    ['side "BUY"', order({ side: 'BUY' }), 'INVALID_MESSAGE', /side/],
    ['an unknown order type', order({ order_type: 'stop' }), 'INVALID_MESSAGE', /order_type/],
    [
      'a 1,000-character name',
      JSON.stringify({ type: 'agent_register', name: 'x'.repeat(1000), starting_capital: '1' }),
      'INVALID_MESSAGE',
      /name/,
    ],
    ['a limit order without price', order({ price: undefined }), 'INVALID_MESSAGE', /price/],
    ['a market order with a price', order({ order_type: 'market' }), 'INVALID_MESSAGE', /price/],
    [
      'a GTC market order',
      order({ order_type: 'market', price: undefined, time_in_force: 'GTC' }),
      'INVALID_MESSAGE',
      /IOC or FOK/,
    ],
    ['an unknown symbol', order({ symbol_id: 'DOGE-USD' }), 'UNKNOWN_SYMBOL', /DOGE/],
    [
      'both orderId and order_id',
      JSON.stringify({ type: 'cancel_order', symbol_id: 'BTC-USD', orderId: '1', order_id: '1' }),
      'INVALID_MESSAGE',
      /exactly one/,
    ],
  ])('%s', (_label, raw, code, msg) => {
    expect(expectRejected(raw, code).msg).toMatch(msg);
  });
});

describe('numbers', () => {
  const raw = (price: string, quantity = '"0.01"') =>
    `{"type":"add_order","symbol_id":"BTC-USD","side":"buy","price":${price},"quantity":${quantity}}`;
  it.each([
    ['-0', raw('-0'), 'INVALID_PRICE'],
    ['1e309', raw('1e309'), 'INVALID_PRICE'],
    ['0', raw('0'), 'INVALID_PRICE'],
    ['"0"', raw('"0"'), 'INVALID_PRICE'],
    ['a negative price', raw('-5'), 'INVALID_PRICE'],
    ['a negative quantity', raw('"100"', '-1'), 'INVALID_QUANTITY'],
    ['above MAX_SAFE_INTEGER', raw('9007199254740993'), 'INVALID_PRICE'],
    ['"1e-7" as a string', raw('"1e-7"'), 'INVALID_PRICE'],
    ['" 100" with a space', raw('" 100"'), 'INVALID_PRICE'],
    ['"+100"', raw('"+100"'), 'INVALID_PRICE'],
    ['an off-tick price', raw('100.005'), 'OFF_TICK'],
    ['too many decimals (precision 5 on a 2-decimal grid)', raw('"100.00001"'), 'OFF_TICK'],
    ['an off-lot quantity', raw('"100"', '0.00015'), 'OFF_LOT'],
    ['a quantity below min_size', raw('"100"', '"0.0005"'), 'BELOW_MIN_SIZE'],
    // JSON.parse reads this as 100.1, which is on the grid: only the raw text shows it is not.
    ['a number that rounds onto the grid as a float', raw('100.10000000000000001'), 'OFF_TICK'],
    ['a quantity that rounds onto the grid as a float', raw('"100"', '0.30000000000000000001'), 'OFF_LOT'],
  ])('%s', (_label, text, code) => {
    expectRejected(text, code);
  });

  it.each([['0'], ['-1'], ['"1e3"'], ['1e19'], ['"0.0000000000000000001"']])(
    'refuses starting_capital %s with INVALID_AMOUNT',
    (capital) => {
      const g = inProcessGateway();
      const { send } = g.open();
      const before = g.fake.stateHash();
      const replies = send(`{"type":"agent_register","name":"z","starting_capital":${capital}}`);
      expect(replies).toEqual([expect.objectContaining({ type: 'error', code: 'INVALID_AMOUNT' })]);
      expect(g.fake.stateHash()).toBe(before);
    },
  );

  it('accepts exact JSON numbers, exponents included, and answers with decimal strings', () => {
    const { alice } = setup();
    const [reply] = alice.send(raw('99.5e0', '1e-2'));
    expect(reply).toMatchObject({ type: 'order_response', price: '99.5', quantity: '0.01', status: 'open' });
  });
});

describe('prototype keys', () => {
  it.each([
    ['__proto__ in an order', order({}).replace('{', '{"__proto__":{"polluted":1},')],
    [
      'constructor.prototype in a registration',
      '{"type":"agent_register","name":"p","starting_capital":"1","constructor":{"prototype":{"polluted":1}}}',
    ],
    ['prototype at the top level', '{"type":"ping","prototype":{"polluted":1}}'],
    ['a type hidden in __proto__', '{"__proto__":{"type":"ping"}}'],
  ])('%s is refused and Object.prototype is unchanged', (_label, raw) => {
    expectRejected(raw, 'INVALID_MESSAGE');
  });
});

describe('identity and ownership', () => {
  it('refuses orders before agent_register', () => {
    const g = inProcessGateway();
    const { send } = g.open();
    const before = g.fake.stateHash();
    expect(send(order({ client_order_id: 'c1' }))).toEqual([
      expect.objectContaining({
        type: 'error',
        code: 'NOT_REGISTERED',
        request: 'add_order',
        client_order_id: 'c1',
      }),
    ]);
    expect(send({ type: 'get_portfolio' })).toEqual([expect.objectContaining({ code: 'NOT_REGISTERED' })]);
    expect(g.fake.stateHash()).toBe(before);
  });

  it('refuses a second registration and a name connected elsewhere', () => {
    const { g, alice } = setup();
    const before = g.fake.stateHash();
    expect(alice.send({ type: 'agent_register', name: 'alice2', starting_capital: '1' })).toEqual([
      expect.objectContaining({ code: 'ALREADY_REGISTERED' }),
    ]);
    const other = g.open();
    expect(other.send({ type: 'agent_register', name: 'alice', starting_capital: '1' })).toEqual([
      expect.objectContaining({ code: 'AGENT_NAME_TAKEN' }),
    ]);
    expect(other.send({ type: 'agent_register', name: 'house', starting_capital: '1' })).toEqual([
      expect.objectContaining({ code: 'AGENT_NAME_TAKEN' }),
    ]);
    expect(g.fake.stateHash()).toBe(before);
  });

  it("refuses to cancel or read another agent's order and portfolio", () => {
    const { g, alice } = setup();
    const bob = g.agent('bob', '1000');
    const [placed] = alice.send(order({}));
    expect(placed).toMatchObject({ type: 'order_response', status: 'open' });
    alice.peer.take();
    const before = g.fake.stateHash();
    const cancel = { type: 'cancel_order', symbol_id: 'BTC-USD', orderId: placed!.order_id };
    expect(bob.send(cancel)).toEqual([expect.objectContaining({ type: 'error', code: 'NOT_YOUR_ORDER' })]);
    expect(bob.send({ type: 'get_portfolio', agent_id: alice.agentId })).toEqual([
      expect.objectContaining({ code: 'NOT_YOUR_AGENT' }),
    ]);
    expect(g.fake.stateHash()).toBe(before);
    expect(alice.send(cancel)[0]).toMatchObject({ type: 'cancel_response', order_id: placed!.order_id });
  });

  it('answers a second cancel with UNKNOWN_ORDER and leaves the state hash unchanged', () => {
    const { g, alice } = setup();
    const [placed] = alice.send(order({}));
    const cancel = { type: 'cancel_order', symbol_id: 'BTC-USD', order_id: Number(placed!.order_id) };
    expect(alice.send(cancel)[0]).toMatchObject({ type: 'cancel_response' });
    alice.peer.take();
    const before = g.fake.stateHash();
    expect(alice.send(cancel)).toEqual([expect.objectContaining({ type: 'error', code: 'UNKNOWN_ORDER' })]);
    expect(g.fake.stateHash()).toBe(before);
  });
});

describe('funds and order semantics', () => {
  it.each([
    ['selling base the agent does not hold', order({ side: 'sell', price: '200' }), 'INSUFFICIENT_BALANCE'],
    ['a buy above free cash (1000 USD)', order({ price: '100', quantity: '11' }), 'INSUFFICIENT_FUNDS'],
    [
      'a POST_ONLY buy that would take',
      order({ price: '101', time_in_force: 'POST_ONLY' }),
      'POST_ONLY_WOULD_TAKE',
    ],
    [
      'a FOK larger than the book',
      order({ price: '101', quantity: '2', time_in_force: 'FOK' }),
      'FOK_NOT_FILLABLE',
    ],
    [
      'a market sell into an empty bid side',
      order({ side: 'sell', order_type: 'market', price: undefined }),
      'NO_LIQUIDITY',
    ],
  ])('%s', (_label, raw, code) => {
    expectRejected(raw, code);
  });

  it('refuses a duplicate client_order_id and echoes it', () => {
    const { g, alice } = setup();
    expect(alice.send(order({ client_order_id: 'mm-1' }))[0]).toMatchObject({ type: 'order_response' });
    alice.peer.take();
    const before = g.fake.stateHash();
    expect(alice.send(order({ client_order_id: 'mm-1' }))).toEqual([
      expect.objectContaining({ code: 'DUPLICATE_CLIENT_ORDER_ID', client_order_id: 'mm-1' }),
    ]);
    expect(g.fake.stateHash()).toBe(before);
  });
});

/**
 * The checked fast paths of add_order and cancel_order (protocol/fast-path.ts) against the zod
 * schemas they stand in for: on generated messages, valid and nearly valid (every field's edge
 * values, wrong types, nulls, unknown and prototype-shaped keys, missing fields), decoding with
 * the fast path gives exactly what the schema path gives: the same message, or the same error
 * code, text and echo. And the usual messages really take the fast path.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLIENT_SCHEMAS } from '../../../src-main/gateway/protocol/client-messages';
import { fastAddOrder, fastCancelOrder } from '../../../src-main/gateway/protocol/fast-path';
import { decodeBySchema, decodeClientMessage } from '../../../src-main/gateway/protocol/decode';

/** A JSON value text per field: valid values, their edges, and near misses. */
const VALUES: Record<string, fc.Arbitrary<string>> = {
  symbol_id: fc.constantFrom(
    '"BTC-USD"',
    '"ETH-USD"',
    '""',
    `"${'S'.repeat(48)}"`,
    `"${'S'.repeat(49)}"`,
    '1',
  ),
  side: fc.constantFrom('"buy"', '"sell"', '"BUY"', '""', 'null', '0'),
  price: fc.constantFrom(
    '"100.25"',
    '"0.01"',
    '"-0"',
    '"1e3"',
    '"01.5"',
    '100.25',
    '1e-7',
    `"${'9'.repeat(65)}"`,
  ),
  quantity: fc.constantFrom('"0.001"', '"1"', '"0"', '"-1"', '0.001', '"1.0000000000001"', 'true', '[]'),
  order_type: fc.constantFrom('"limit"', '"market"', '"stop"', 'null'),
  time_in_force: fc.constantFrom('"GTC"', '"IOC"', '"FOK"', '"POST_ONLY"', '"gtc"', '1'),
  client_order_id: fc.constantFrom(
    '"c-1"',
    '"a.b:c_d-e"',
    '""',
    '"a b"',
    `"${'c'.repeat(64)}"`,
    `"${'c'.repeat(65)}"`,
  ),
  req_id: fc.constantFrom(
    '7',
    '0',
    '-0',
    '-1',
    '1.5',
    '9007199254740991',
    '9007199254740992',
    '"r"',
    `"${'r'.repeat(65)}"`,
    'null',
    '1e999',
  ),
  orderId: fc.constantFrom('"123"', '"a_b-c"', '"a.b"', '""', '42', '-1', '4.2', 'null'),
  order_id: fc.constantFrom('"123"', '7', '"x y"'),
  extra: fc.constantFrom('1', '"x"', 'null'),
  __proto__: fc.constantFrom('{}', '{"x":1}'),
  constructor: fc.constantFrom('1', '{}'),
};

function messageText(type: string, fields: fc.Arbitrary<string[]>): fc.Arbitrary<string> {
  return fields.chain((keys) =>
    fc.tuple(...keys.map((k) => VALUES[k]!)).map((values) => {
      const members = keys.map((k, i) => `"${k}":${values[i]}`);
      return `{"type":"${type}"${members.map((m) => `,${m}`).join('')}}`;
    }),
  );
}

/** Every field the schema allows besides `type`: a field added there is fuzzed here (VALUES needs it). */
const fieldsOf = (schema: { shape: object }) => Object.keys(schema.shape).filter((k) => k !== 'type');
const ORDER_KEYS = fieldsOf(CLIENT_SCHEMAS.add_order);
const CANCEL_KEYS = fieldsOf(CLIENT_SCHEMAS.cancel_order);
const ODD_KEYS = ['extra', '__proto__', 'constructor'];

/** Mostly the message's own keys (often all required ones), sometimes an odd one or a repeat. */
const keysOf = (own: string[], required: string[]) =>
  fc
    .tuple(
      fc.subarray(own),
      fc.boolean(),
      fc.option(fc.constantFrom(...ODD_KEYS, ...own), { freq: 4, nil: undefined }),
    )
    .map(([some, withRequired, odd]) => {
      const keys = withRequired ? [...new Set([...required, ...some])] : some;
      return odd === undefined ? keys : [...keys, odd];
    });

function bothWays(text: string) {
  const record = JSON.parse(text) as Record<string, unknown>;
  const type = record.type as 'add_order' | 'cancel_order';
  return { fast: decodeClientMessage(text), schema: decodeBySchema(type, record, text) };
}

describe('gateway fast paths', () => {
  it('add_order: the fast path answers exactly as the schema does', () => {
    fc.assert(
      fc.property(messageText('add_order', keysOf(ORDER_KEYS, ['symbol_id', 'side', 'quantity'])), (text) => {
        const { fast, schema } = bothWays(text);
        expect(fast).toStrictEqual(schema);
      }),
      { numRuns: 3000 },
    );
  });

  it('cancel_order: the fast path answers exactly as the schema does', () => {
    fc.assert(
      fc.property(messageText('cancel_order', keysOf(CANCEL_KEYS, ['symbol_id', 'orderId'])), (text) => {
        const { fast, schema } = bothWays(text);
        expect(fast).toStrictEqual(schema);
      }),
      { numRuns: 2000 },
    );
  });

  it('takes the usual messages without the schema, and defers anything unusual to it', () => {
    const order = {
      type: 'add_order',
      symbol_id: 'BTC-USD',
      side: 'buy',
      price: '100.25',
      quantity: '0.01',
      time_in_force: 'IOC',
      client_order_id: 'c-1',
      req_id: 42,
    };
    expect(fastAddOrder(order)).toStrictEqual(order);
    expect(fastAddOrder({ ...order, price: 100.25 })).toBeNull();
    expect(fastAddOrder({ ...order, extra: 1 })).toBeNull();
    const { side: _side, ...noSide } = order;
    expect(fastAddOrder(noSide)).toBeNull();
    const cancel = { type: 'cancel_order', symbol_id: 'BTC-USD', orderId: '17', req_id: 'r' };
    expect(fastCancelOrder(cancel)).toStrictEqual(cancel);
    expect(fastCancelOrder({ ...cancel, order_id: 17 })).toBeNull();
  });
});

/**
 * Every rejection reason: the command gives Err(reason), exactly one `rejected` event, and the state
 * hash does not move. Also the self-trade prevention modes and the decimal-string entry.
 */
import { describe, expect, it } from 'vitest';
import {
  REJECT_REASONS,
  type EngineCommand,
  type RejectReason,
} from '../../../../src-main/core/engine/types';
import { rejectionToAppError } from '../../../../src-main/core/engine/errors';
import { dec, fixture, kinds } from './support/fixture';

const order = {
  kind: 'place',
  account: 1,
  instrument: 'BTC-USD',
  side: 'buy',
  type: 'limit',
  price: 10000,
  qty: 1000,
  ts: 5,
} as const;

const CASES: Array<[RejectReason, EngineCommand]> = [
  ['UNKNOWN_ACCOUNT', { ...order, account: 99 }],
  ['UNKNOWN_ACCOUNT', { ...order, account: 0 }], // the fee account accepts no commands
  ['DUPLICATE_ACCOUNT', { kind: 'register_account', label: 'alice', ts: 5 }],
  ['DUPLICATE_ACCOUNT', { kind: 'register_account', label: 'fees', ts: 5 }],
  ['INVALID_ACCOUNT', { kind: 'register_account', label: '', ts: 5 }],
  ['INVALID_ACCOUNT', { kind: 'register_account', label: 'x', stp: 'nope' as never, ts: 5 }],
  ['UNKNOWN_ASSET', { kind: 'deposit', account: 1, asset: 'EUR', amount: dec('1'), ts: 5 }],
  ['INVALID_AMOUNT', { kind: 'deposit', account: 1, asset: 'USD', amount: dec('0.0000001'), ts: 5 }],
  ['INVALID_AMOUNT', { kind: 'deposit', account: 1, asset: 'USD', amount: dec('-1'), ts: 5 }],
  ['INVALID_AMOUNT', { kind: 'deposit', account: 1, asset: 'USD', amount: dec('0'), ts: 5 }],
  ['AMOUNT_TOO_LARGE', { kind: 'deposit', account: 1, asset: 'USD', amount: dec('9007199254'), ts: 5 }],
  ['INSUFFICIENT_FUNDS', { kind: 'withdraw', account: 1, asset: 'USD', amount: dec('100000.000001'), ts: 5 }],
  ['UNKNOWN_INSTRUMENT', { ...order, instrument: 'ETH-USD' }],
  ['INVALID_ORDER', { ...order, side: 'hold' as never }],
  ['INVALID_ORDER', { ...order, tif: 'GTD' as never }],
  ['INVALID_ORDER', { ...order, type: 'market', tif: 'GTC', price: undefined as never }],
  ['INVALID_ORDER', { ...order, type: 'market', tif: 'POST_ONLY', price: undefined as never }],
  ['INVALID_ORDER', { ...order, clientOrderId: 'has space' }],
  ['INVALID_PRICE', { ...order, price: 0 }],
  ['INVALID_PRICE', { ...order, price: -5 }],
  ['INVALID_PRICE', { ...order, price: Number.NaN }],
  ['INVALID_PRICE', { ...order, price: Infinity }],
  ['INVALID_PRICE', { ...order, price: 2 ** 60 }],
  ['INVALID_PRICE', { ...order, price: undefined as never }],
  ['INVALID_PRICE', { ...order, type: 'market' }],
  ['OFF_TICK', { ...order, price: 10000.5 }],
  ['INVALID_QUANTITY', { ...order, qty: 0 }],
  ['INVALID_QUANTITY', { ...order, qty: -1 }],
  ['OFF_LOT', { ...order, qty: 2.5 }],
  ['BELOW_MIN_NOTIONAL', { ...order, price: 100, qty: 999 }], // 0.999 USD < 1 USD
  ['DUPLICATE_CLIENT_ORDER_ID', { ...order, clientOrderId: 'live' }],
  ['WOULD_CROSS', { ...order, price: 11000, tif: 'POST_ONLY' }],
  ['INSUFFICIENT_FUNDS', { ...order, qty: 10_000_000 }],
  ['INSUFFICIENT_FUNDS', { ...order, side: 'sell', price: 12000, qty: 100_001 }], // no short sales
  ['INSUFFICIENT_FUNDS', { ...order, account: 3, type: 'market', price: undefined as never }],
  ['UNKNOWN_ORDER', { kind: 'cancel', account: 1, orderId: 12345, ts: 5 }],
  ['UNKNOWN_ORDER', { kind: 'cancel', account: 1, clientOrderId: 'never', ts: 5 }],
  ['UNKNOWN_ORDER', { kind: 'amend', account: 1, orderId: 12345, qty: 5, ts: 5 }],
  ['NOT_YOUR_ORDER', { kind: 'cancel', account: 2, orderId: 1, ts: 5 }],
  ['NOT_YOUR_ORDER', { kind: 'amend', account: 2, orderId: 1, qty: 5000, ts: 5 }],
  ['INVALID_ORDER', { kind: 'amend', account: 1, orderId: 1, ts: 5 }],
  ['INVALID_ORDER', { kind: 'cancel', account: 1, ts: 5 }],
  ['INVALID_QUANTITY', { kind: 'amend', account: 1, orderId: 1, qty: 0, ts: 5 }],
  ['OFF_TICK', { kind: 'amend', account: 1, orderId: 1, price: 9000.25, ts: 5 }],
  ['INSUFFICIENT_FUNDS', { kind: 'amend', account: 1, orderId: 1, qty: 10_000_000, ts: 5 }],
  ['UNKNOWN_INSTRUMENT', { kind: 'cancel_all', account: 1, instrument: 'ETH-USD', ts: 5 }],
];

function market() {
  const f = fixture();
  f.place({ account: f.alice, side: 'buy', price: 9000, qty: 1000, clientOrderId: 'live' });
  f.place({ account: f.bob, side: 'sell', price: 11000, qty: 1000 });
  f.engine.registerAccount({ label: 'broke', ts: 0 }); // account 3, no funds
  f.take();
  return f;
}

describe('rejections', () => {
  it('covers every reason', () => {
    expect(new Set(CASES.map(([reason]) => reason))).toEqual(
      new Set(REJECT_REASONS.filter((r) => r !== 'BELOW_MIN_SIZE')),
    );
  });

  it.each(CASES)('%s: one rejected event, hash unchanged (%j)', (reason, cmd) => {
    const f = market();
    const before = f.engine.stateHash();
    expect(f.engine.execute(cmd)).toEqual({ ok: false, error: reason });
    const events = f.take();
    expect(events).toEqual([expect.objectContaining({ type: 'rejected', command: cmd.kind, reason })]);
    expect(f.engine.stateHash()).toBe(before);
    expect(f.engine.validate()).toEqual([]);
  });

  it('BELOW_MIN_SIZE applies to new orders and amends', () => {
    const f = fixture({
      config: {
        assets: [
          { id: 'USD', decimals: 3 },
          { id: 'BTC', decimals: 3 },
        ],
        instruments: [
          {
            id: 'BTC-USD',
            base: 'BTC',
            quote: 'USD',
            tickSize: dec('1'),
            lotSize: dec('0.001'),
            minSize: dec('0.01'),
          },
        ],
      },
    });
    expect(
      f.engine.placeOrder({
        account: 1,
        instrument: 'BTC-USD',
        side: 'buy',
        type: 'limit',
        price: 100,
        qty: 9,
        ts: 1,
      }),
    ).toEqual({ ok: false, error: 'BELOW_MIN_SIZE' });
    expect(
      f.engine.placeOrder({
        account: 1,
        instrument: 'BTC-USD',
        side: 'buy',
        type: 'limit',
        price: 100,
        qty: 10,
        ts: 1,
      }).ok,
    ).toBe(true);
    expect(f.engine.amendOrder({ account: 1, orderId: 1, qty: 9, ts: 2 })).toEqual({
      ok: false,
      error: 'BELOW_MIN_SIZE',
    });
  });

  it('maps every reason onto the app error codes', () => {
    for (const reason of REJECT_REASONS)
      expect(rejectionToAppError(reason)).toMatchObject({ message: reason });
    expect(rejectionToAppError('NOT_YOUR_ORDER').code).toBe('FORBIDDEN');
  });
});

describe('self-trade prevention', () => {
  const cross = (stp: 'cancel_resting' | 'cancel_incoming' | 'cancel_both') => {
    const f = fixture({ stp });
    f.place({ account: f.alice, side: 'sell', price: 10000, qty: 500 });
    f.place({ account: f.bob, side: 'sell', price: 10001, qty: 500 });
    return { f, events: f.place({ account: f.alice, side: 'buy', price: 10001, qty: 800 }) };
  };

  it('cancel_resting (default) cancels the resting order and keeps matching', () => {
    const { f, events } = cross('cancel_resting');
    expect(kinds(events)).toEqual(['accepted', 'canceled:stp', 'trade']);
    expect(events[1]).toMatchObject({ orderId: 1 });
    expect(f.engine.order(3)).toMatchObject({ leavesQty: 300 });
  });

  it('cancel_incoming stops and cancels the incoming remainder, leaving the resting order', () => {
    const { f, events } = cross('cancel_incoming');
    expect(kinds(events)).toEqual(['accepted', 'canceled:stp']);
    expect(events[1]).toMatchObject({ orderId: 3, canceledQty: 800 });
    expect(f.engine.order(1)).not.toBeNull();
  });

  it('cancel_both cancels both', () => {
    const { f, events } = cross('cancel_both');
    expect(kinds(events)).toEqual(['accepted', 'canceled:stp', 'canceled:stp']);
    expect(
      events.filter((e) => e.type === 'canceled').map((e) => e.type === 'canceled' && e.orderId),
    ).toEqual([1, 3]);
    expect(f.engine.restingVolume('BTC-USD', 'sell')).toBe(500);
  });

  it('is per account when the account sets its own mode', () => {
    const f = fixture();
    f.engine.registerAccount({ label: 'careful', stp: 'cancel_incoming', ts: 0 });
    expect(f.engine.portfolio(3)).not.toBeNull();
    f.engine.deposit({ account: 3, asset: 'BTC', amount: dec('1'), ts: 0 });
    f.engine.deposit({ account: 3, asset: 'USD', amount: dec('1000'), ts: 0 });
    f.place({ account: 3, side: 'sell', price: 10000, qty: 500 });
    expect(kinds(f.place({ account: 3, side: 'buy', price: 10000, qty: 500 }))).toEqual([
      'accepted',
      'canceled:stp',
    ]);
  });
});

describe('decimal entry', () => {
  it('converts on the grid and rejects off-grid strings through the engine', () => {
    const f = fixture();
    const base = { account: f.alice, instrument: 'BTC-USD', side: 'buy', type: 'limit', ts: 3 } as const;
    expect(f.engine.placeOrderDecimal({ ...base, price: dec('100.015'), size: dec('1') })).toEqual({
      ok: false,
      error: 'OFF_TICK',
    });
    expect(f.engine.placeOrderDecimal({ ...base, price: dec('100.01'), size: dec('0.0005') })).toEqual({
      ok: false,
      error: 'OFF_LOT',
    });
    expect(f.engine.placeOrderDecimal({ ...base, price: dec('abc'), size: dec('1') })).toEqual({
      ok: false,
      error: 'INVALID_PRICE',
    });
    expect(f.engine.placeOrderDecimal({ ...base, price: dec('100.01'), size: dec('0') })).toEqual({
      ok: false,
      error: 'INVALID_QUANTITY',
    });
    expect(kinds(f.take())).toEqual([
      'rejected:OFF_TICK',
      'rejected:OFF_LOT',
      'rejected:INVALID_PRICE',
      'rejected:INVALID_QUANTITY',
    ]);
    expect(f.engine.placeOrderDecimal({ ...base, price: dec('100.01'), size: dec('1.5') }).ok).toBe(true);
    expect(f.engine.order(1)).toMatchObject({ price: 10001, qty: 1500 });
    expect(
      f.engine.amendOrderDecimal({ account: f.alice, orderId: 1, price: dec('99.9'), size: dec('2'), ts: 4 })
        .ok,
    ).toBe(true);
    expect(f.engine.order(1)).toMatchObject({ price: 9990, qty: 2000 });
    expect(f.engine.amendOrderDecimal({ account: f.alice, orderId: 1, price: dec('99.999'), ts: 4 })).toEqual(
      { ok: false, error: 'OFF_TICK' },
    );
    expect(f.engine.amendOrderDecimal({ account: f.bob, orderId: 1, price: dec('99'), ts: 4 })).toEqual({
      ok: false,
      error: 'NOT_YOUR_ORDER',
    });
  });
});

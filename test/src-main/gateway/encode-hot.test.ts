/**
 * The hand-written per-order encoders are byte-identical to the generic builders + JSON.stringify
 * (the reference, also what the schemas describe) on generated views, including ids, symbols and
 * client order ids full of characters that need escaping, optional fields present or absent, and
 * every req_id form.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cancelResponseText,
  orderCanceledText,
  orderFilledText,
  orderPlacedText,
  orderResponseText,
  tradeText,
} from '../../../src-main/gateway/protocol/encode-hot';
import {
  cancelResponse,
  orderCanceled,
  orderFilled,
  orderPlaced,
  orderResponse,
  tradeMessage,
} from '../../../src-main/gateway/protocol/outbound';
import type { CanceledOrder, FillView, OrderView, TradeView } from '../../../src-main/gateway/venue-port';
import type { DecimalString } from '../../../src-shared/domain';

const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('a"b', 'back\\slash', 'new\nline', '\u2028', 'é€😀', '</script>'),
);
const decimal = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 20n }), fc.integer({ min: 0, max: 12 }))
  .map(([negative, units, scale]) => {
    const digits = units.toString().padStart(scale + 1, '0');
    const plain = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
    return ((negative && units !== 0n ? '-' : '') + plain) as DecimalString;
  });
const time = fc.integer({ min: 0, max: 4_102_444_800_000 });
const reqId = fc.option(fc.oneof(fc.nat(), fc.string({ maxLength: 64 })), { nil: undefined });
const side = fc.constantFrom('buy' as const, 'sell' as const);

const orderView: fc.Arbitrary<OrderView> = fc.record(
  {
    orderId: text,
    agentId: text,
    clientOrderId: text,
    symbol: text,
    side,
    orderType: fc.constantFrom('limit' as const, 'market' as const),
    timeInForce: fc.constantFrom('GTC' as const, 'IOC' as const, 'FOK' as const, 'POST_ONLY' as const),
    price: decimal,
    quantity: decimal,
    filledQuantity: decimal,
    remainingQuantity: decimal,
    status: fc.constantFrom('open' as const, 'filled' as const, 'canceled' as const),
    time,
  },
  {
    requiredKeys: [
      'orderId',
      'agentId',
      'symbol',
      'side',
      'orderType',
      'timeInForce',
      'quantity',
      'filledQuantity',
      'remainingQuantity',
      'status',
      'time',
    ],
  },
);

const fillView: fc.Arbitrary<FillView> = fc.record(
  {
    orderId: text,
    agentId: text,
    clientOrderId: text,
    tradeId: text,
    symbol: text,
    side,
    price: decimal,
    quantity: decimal,
    remainingQuantity: decimal,
    liquidity: fc.constantFrom('maker' as const, 'taker' as const),
    fee: decimal,
    feeAsset: text,
    time,
  },
  {
    requiredKeys: [
      'orderId',
      'agentId',
      'tradeId',
      'symbol',
      'side',
      'price',
      'quantity',
      'remainingQuantity',
      'liquidity',
      'fee',
      'feeAsset',
      'time',
    ],
  },
);

const canceled: fc.Arbitrary<CanceledOrder> = fc.record({
  orderId: text,
  symbol: text,
  canceledQuantity: decimal,
  time,
});

const trade: fc.Arbitrary<TradeView> = fc.record({
  tradeId: text,
  symbol: text,
  price: decimal,
  quantity: decimal,
  aggressorSide: side,
  time,
});

const RUNS = { numRuns: 2000 };

describe('hot-path encoders equal the generic builders', () => {
  it('order_response and order_placed', () => {
    fc.assert(
      fc.property(orderView, reqId, (order, id) => {
        expect(orderResponseText(order, id)).toBe(JSON.stringify(orderResponse(order, id)));
        expect(orderPlacedText(order)).toBe(JSON.stringify(orderPlaced(order)));
      }),
      RUNS,
    );
  });

  it('order_filled', () => {
    fc.assert(
      fc.property(fillView, (fill) => {
        expect(orderFilledText(fill)).toBe(JSON.stringify(orderFilled(fill)));
      }),
      RUNS,
    );
  });

  it('cancel_response and order_canceled', () => {
    const reason = fc.constantFrom('requested' as const, 'ioc_remainder' as const, 'venue' as const);
    fc.assert(
      fc.property(canceled, reqId, reason, (c, id, why) => {
        expect(cancelResponseText(c, id)).toBe(JSON.stringify(cancelResponse(c, id)));
        expect(orderCanceledText(c, why)).toBe(JSON.stringify(orderCanceled(c, why)));
      }),
      RUNS,
    );
  });

  it('trade', () => {
    fc.assert(
      fc.property(text, trade, (venue, t) => {
        expect(tradeText(venue, t)).toBe(JSON.stringify(tradeMessage(venue, t)));
      }),
      RUNS,
    );
  });

  it('puts order_id right after type (bench bots and simple clients rely on the order)', () => {
    const order = fc.sample(orderView, 1)[0]!;
    expect(
      orderPlacedText(order).startsWith(`{"type":"order_placed","order_id":${JSON.stringify(order.orderId)}`),
    ).toBe(true);
  });
});

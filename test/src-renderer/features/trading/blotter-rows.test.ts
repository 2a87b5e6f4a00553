import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TradingOrderSchema, type TradingOrder } from '../../../../src-shared/contract';
import {
  blotterRows,
  isUnfired,
  orderTypeText,
} from '../../../../src-renderer/features/trading/blotter-rows';

/** Parsed by the contract's schema, so the rows are what the stream would carry. */
function order(id: string, time: number, extra: Record<string, unknown> = {}): TradingOrder {
  return TradingOrderSchema.parse({
    orderId: id,
    symbol: 'BTC-USD',
    side: 'buy',
    orderType: 'limit',
    timeInForce: 'GTC',
    price: '100',
    quantity: '1',
    filledQuantity: '0',
    remainingQuantity: '1',
    status: 'open',
    time,
    ...extra,
  });
}

const leg = (id: string, time: number, type: 'take_profit' | 'stop_loss', parent: string, sibling: string) =>
  order(id, time, {
    side: 'sell',
    orderType: 'market',
    trigger: {
      type,
      triggerPrice: type === 'take_profit' ? '110' : '90',
      state: 'waiting_entry',
      parentOrderId: parent,
      siblingOrderId: sibling,
    },
    noFillReason: 'trigger_pending',
  });

const ids = (rows: ReturnType<typeof blotterRows>) =>
  rows.map((r) => `${r.leg ? '  ' : ''}${r.order.orderId}`);

describe('open-orders blotter rows', () => {
  it('bracket legs follow their entry, take-profit first, whatever their times', () => {
    const rows = blotterRows(
      [
        order('1', 10),
        leg('3', 30, 'stop_loss', '1', '2'),
        order('5', 50),
        leg('2', 20, 'take_profit', '1', '3'),
      ],
      'BTC-USD',
    );
    expect(ids(rows)).toEqual(['5', '1', '  2', '  3']);
  });

  it('once the entry has gone, its legs stay together where the newer one sorts', () => {
    const rows = blotterRows(
      [order('9', 25), leg('3', 30, 'stop_loss', '1', '2'), leg('2', 20, 'take_profit', '1', '3')],
      'BTC-USD',
    );
    expect(ids(rows)).toEqual(['  2', '  3', '9']);
  });

  it('the linked instrument comes first, then newest first', () => {
    const rows = blotterRows(
      [order('1', 10), order('2', 20, { symbol: 'ETH-USD' }), order('3', 5)],
      'BTC-USD',
    );
    expect(ids(rows)).toEqual(['1', '3', '2']);
  });

  it('words for trigger types; unfired triggers are the ones not yet triggered', () => {
    const stop = order('1', 1, {
      orderType: 'market',
      trigger: { type: 'stop_market', triggerPrice: '105', state: 'pending' },
    });
    expect(orderTypeText(stop)).toBe('stop market');
    expect(orderTypeText(order('2', 1))).toBe('limit');
    expect(isUnfired(stop)).toBe(true);
    expect(isUnfired({ ...stop, trigger: { ...stop.trigger!, state: 'triggered' } })).toBe(false);
    expect(isUnfired(order('2', 1))).toBe(false);
  });

  it('property: every order appears exactly once, and legs of a present entry sit right after it', () => {
    const arb = fc
      .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.boolean(), fc.boolean()), { maxLength: 12 })
      .map((spec) => {
        const list: TradingOrder[] = [];
        spec.forEach(([time, withEntry, withLegs], i) => {
          const entry = `${i * 3 + 1}`;
          if (withEntry) list.push(order(entry, time));
          if (withLegs) {
            list.push(leg(`${i * 3 + 2}`, time + 1, 'take_profit', entry, `${i * 3 + 3}`));
            list.push(leg(`${i * 3 + 3}`, time, 'stop_loss', entry, `${i * 3 + 2}`));
          }
        });
        return list;
      });
    fc.assert(
      fc.property(arb, (list) => {
        const rows = blotterRows(list, 'BTC-USD');
        expect(rows.map((r) => r.order.orderId).sort()).toEqual(list.map((o) => o.orderId).sort());
        rows.forEach((r, i) => {
          const parent = r.order.trigger?.parentOrderId;
          if (parent === undefined || !list.some((o) => o.orderId === parent)) return;
          const at = rows.findIndex((x) => x.order.orderId === parent);
          expect(i - at === 1 || i - at === 2).toBe(true);
        });
      }),
    );
  });
});

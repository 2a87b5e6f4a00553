/**
 * The trading contract's pure parts: the open-orders reducer agrees with a model that applies
 * upserts and removals to a map; candles merge by open time; every venue rejection code can be
 * carried to the UI; flatten's quantity rounding is exact.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  mergeCandles,
  reduceOrders,
  TRADING_REJECT_CODES,
  type CandleView,
  type TradingOrder,
} from '../../../src-shared/contract';
import type { DecimalString } from '../../../src-shared/domain';
import { VENUE_REJECT_CODES } from '../../../src-main/gateway/venue-port';
import { floorToStep } from '../../../src-main/services/trading-service';

const d = (s: string) => s as DecimalString;
const order = (id: number, version: number): TradingOrder => ({
  orderId: String(id),
  symbol: 'BTC-USD',
  side: 'buy',
  orderType: 'limit',
  timeInForce: 'GTC',
  price: d(String(version)),
  quantity: d('1'),
  filledQuantity: d('0'),
  remainingQuantity: d('1'),
  status: 'open',
  time: id,
});

describe('trading contract reducers', () => {
  it('reduceOrders = apply upserts and removals to a map keyed by orderId', () => {
    const delta = fc.record({
      upserts: fc
        .uniqueArray(fc.integer({ min: 1, max: 12 }), { maxLength: 5 })
        .chain((ids) =>
          fc.tuple(...ids.map((id) => fc.integer({ min: 1, max: 9 }).map((v) => order(id, v)))),
        ),
      removals: fc.uniqueArray(fc.integer({ min: 1, max: 12 }).map(String), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(fc.array(delta, { maxLength: 20 }), (deltas) => {
        let state = { orders: [] as TradingOrder[] };
        const model = new Map<string, TradingOrder>();
        for (const dlt of deltas) {
          state = reduceOrders(state, { upserts: [...dlt.upserts], removals: dlt.removals });
          for (const id of dlt.removals) model.delete(id);
          for (const o of dlt.upserts) if (!dlt.removals.includes(o.orderId)) model.set(o.orderId, o);
          expect(new Map(state.orders.map((o) => [o.orderId, o]))).toEqual(model);
          expect(new Set(state.orders.map((o) => o.orderId)).size).toBe(state.orders.length);
        }
      }),
    );
  });

  it('mergeCandles replaces by open time, inserts in order, keeps the newest 500', () => {
    const candle = (openTime: number, close: string): CandleView => ({
      openTime,
      open: d('1'),
      high: d('2'),
      low: d('1'),
      close: d(close),
      volume: d('1'),
      trades: 1,
    });
    const merged = mergeCandles(
      [candle(0, '1'), candle(2000, '1')],
      [candle(1000, '5'), candle(2000, '7'), candle(3000, '1')],
    );
    expect(merged.map((c) => [c.openTime, c.close])).toEqual([
      [0, '1'],
      [1000, '5'],
      [2000, '7'],
      [3000, '1'],
    ]);
    const many = mergeCandles(
      [],
      Array.from({ length: 600 }, (_, i) => candle(i * 1000, '1')),
    );
    expect(many).toHaveLength(500);
    expect(many[0]!.openTime).toBe(100_000);
  });

  it('carries every venue rejection code to the UI', () => {
    for (const code of VENUE_REJECT_CODES) expect(TRADING_REJECT_CODES).toContain(code);
  });

  it('floors a free balance to the lot grid exactly', () => {
    expect(floorToStep('1.23456789', '0.001')).toBe('1.234');
    expect(floorToStep('0.0009', '0.001')).toBeNull();
    expect(floorToStep('5', '0.5')).toBe('5');
    expect(floorToStep('12.7', '5')).toBe('10');
  });
});

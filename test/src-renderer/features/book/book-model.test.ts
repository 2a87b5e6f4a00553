import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBookModel } from '../../../../src-renderer/features/book/book-model';
import { compareDecimal, fromUnits, toUnits } from '../../../../src-renderer/ui/decimal';

describe('order book model', () => {
  it('cumulates exactly from the touch and scales both sides on one bar scale', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 10_000_000 }), { maxLength: 30 }),
        (bidLots, askLots) => {
          const bids = bidLots.map((l, i) => ({
            price: fromUnits(BigInt(10_000 - i), 1),
            size: fromUnits(BigInt(l), 3),
          }));
          const asks = askLots.map((l, i) => ({
            price: fromUnits(BigInt(10_001 + i), 1),
            size: fromUnits(BigInt(l), 3),
          }));
          const model = buildBookModel(bids, asks, { price: 1, size: 3 });
          const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
          model.bids.forEach((row, i) =>
            expect(toUnits(row.total, 3)).toBe(BigInt(sum(bidLots.slice(0, i + 1)))),
          );
          const asksBest = [...model.asks].reverse();
          asksBest.forEach((row, i) =>
            expect(toUnits(row.total, 3)).toBe(BigInt(sum(askLots.slice(0, i + 1)))),
          );
          const ratios = [...model.bids, ...model.asks].map((r) => r.depthRatio);
          if (ratios.length) expect(Math.max(...ratios)).toBe(1);
          for (const r of ratios) expect(r >= 0 && r <= 1).toBe(true);
          if (bids.length && asks.length) expect(model.spread).toBe('0.1');
        },
      ),
    );
  });

  it('gives spread, exact mid and spread in bps', () => {
    const m = buildBookModel([{ price: '100', size: '1' }], [{ price: '100.5', size: '2' }], {
      price: 2,
      size: 3,
    });
    expect(m.spread).toBe('0.50');
    expect(m.mid).toBe('100.25');
    expect(m.spreadBps).toBe('49.87');
    expect(m.bids[0]).toMatchObject({ price: '100.00', size: '1.000', total: '1.000' });
    expect(m.asks[0]).toMatchObject({ price: '100.50', size: '2.000' });
    const even = buildBookModel([{ price: '99.9', size: '1' }], [{ price: '100.1', size: '1' }], {
      price: 1,
    });
    expect(even.mid).toBe('100.0');
    expect(compareDecimal(even.mid!, '100')).toBe(0);
    const empty = buildBookModel([], []);
    expect(empty.spread).toBeNull();
    expect(empty.mid).toBeNull();
  });
});

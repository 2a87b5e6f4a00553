import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compare,
  deviatesMoreThan,
  deviationPct,
  midpoint,
  notional,
  onLotGrid,
  roundForDisplay,
  sizeForNotional,
} from '../../../../src-renderer/features/trading/order-math';
import { addDecimals, fromUnits } from '../../../../src-renderer/ui/decimal';

/** A positive decimal with up to `d` decimals, with its exact value as (units, scale). */
const dec = (maxUnits: number, d: number) =>
  fc
    .record({ units: fc.bigInt({ min: 1n, max: BigInt(maxUnits) }), scale: fc.integer({ min: 0, max: d }) })
    .map(({ units, scale }) => ({ text: fromUnits(units, scale), units, scale }));

describe('order math', () => {
  it('notional is the exact product (checked against bigint arithmetic)', () => {
    fc.assert(
      fc.property(dec(10_000_000, 8), dec(10_000_000, 8), (p, s) => {
        const n = notional(p.text, s.text)!;
        expect(n).toBe(fromUnits(p.units * s.units, p.scale + s.scale));
      }),
    );
    expect(notional('65000.5', '0.0123')).toBe('799.50615');
    expect(notional('abc', '1')).toBeNull();
  });

  it('midpoint is exact and sits between its inputs', () => {
    expect(midpoint('100.1', '100.2')).toBe('100.15');
    expect(midpoint('100', '102')).toBe('101');
    fc.assert(
      fc.property(dec(1_000_000, 4), dec(1_000_000, 4), (a, b) => {
        const m = midpoint(a.text, b.text)!;
        const [lo, hi] = compare(a.text, b.text)! <= 0 ? [a.text, b.text] : [b.text, a.text];
        expect(compare(lo, m)).not.toBe(1);
        expect(compare(m, hi)).not.toBe(1);
      }),
    );
  });

  it('deviation: more than pct percent away, exactly at the boundary it is not', () => {
    expect(deviatesMoreThan('105', '100', '5')).toBe(false);
    expect(deviatesMoreThan('105.01', '100', '5')).toBe(true);
    expect(deviatesMoreThan('94.99', '100', '5')).toBe(true);
    expect(deviatesMoreThan('95', '100', '5')).toBe(false);
    expect(deviatesMoreThan('100.6', '100', '0.5')).toBe(true);
    expect(deviationPct('107.315', '100')).toBe('7.31');
    // Agrees with a decimal computation at integer prices and whole percents.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 0, max: 50 }),
        (p, r, pct) => {
          const expected = Math.abs(p - r) * 100 > pct * r;
          expect(deviatesMoreThan(String(p), String(r), String(pct))).toBe(expected);
        },
      ),
    );
  });

  it('size for a notional floors to the lot grid and never exceeds the amount', () => {
    expect(sizeForNotional('1000', '65000', '0.0001')).toBe('0.0153');
    expect(sizeForNotional('100', '150.25', '1')).toBe('0');
    fc.assert(
      fc.property(dec(100_000_000, 2), dec(100_000_000, 2), dec(1000, 6), (amount, price, lot) => {
        const size = sizeForNotional(amount.text, price.text, lot.text)!;
        expect(onLotGrid(size, lot.text) || size === '0').toBe(true);
        const spent = notional(price.text, size)!;
        expect(compare(spent, amount.text)).not.toBe(1);
        // One more lot would be over the amount.
        const total = addDecimals([spent, notional(price.text, lot.text)!]);
        expect(compare(total, amount.text)).toBe(1);
      }),
    );
  });

  it('rounds for display half away from zero', () => {
    expect(roundForDisplay('1.005', 2)).toBe('1.01');
    expect(roundForDisplay('-1.005', 2)).toBe('-1.01');
    expect(roundForDisplay('-0.004', 2)).toBe('0.00');
    expect(roundForDisplay('12', 2)).toBe('12.00');
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_UNITS,
  mulRateCeil,
  mulRateFloor,
  parseRate,
  toUnits,
} from '../../../../src-main/core/portfolio';

const rate = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.nat()).map(([decimals, n]) => {
  const den = 10 ** decimals;
  return decimals === 0 ? '0' : `0.${String(n % den).padStart(decimals, '0')}`;
});
const amount = fc.oneof(fc.nat(), fc.integer({ min: 0, max: MAX_UNITS }), fc.constant(MAX_UNITS));

describe('exact amounts', () => {
  it('mulRateFloor / mulRateCeil equal bigint floor / ceil, including products beyond 2^53', () => {
    fc.assert(
      fc.property(amount, rate, (units, text) => {
        const r = parseRate(text)!;
        const product = BigInt(units) * BigInt(r.num);
        const floor = product / BigInt(r.den);
        const ceil = floor + (product % BigInt(r.den) === 0n ? 0n : 1n);
        expect(BigInt(mulRateFloor(units, r))).toBe(floor);
        expect(BigInt(mulRateCeil(units, r))).toBe(ceil);
      }),
      { numRuns: 5000 },
    );
  });

  it('parses fee rates in [0, 1) only', () => {
    expect(parseRate('0.0025')).toEqual({ text: '0.0025', num: 25, den: 10000 });
    expect(parseRate('0')).toEqual({ text: '0', num: 0, den: 1 });
    for (const bad of ['1', '1.5', '-0.1', 'abc', '0.1234567890123456']) expect(parseRate(bad)).toBeNull();
  });

  it('converts decimal amounts to whole units without rounding', () => {
    expect(toUnits('1.5', 2)).toBe(150);
    expect(toUnits('1.50', 1)).toBe(15);
    expect(toUnits('1.55', 1)).toBeNull();
    expect(toUnits('-1', 2)).toBeNull();
    expect(toUnits('90071992547409.92', 2)).toBeNull(); // > MAX_UNITS
  });

  /**
   * The fee-reserve lemma the engine relies on: with lock(L) = N(L) + ceil(N(L) × rmax), any fill of
   * q <= L lots at a price tp <= P releases lock(L) − lock(L − q) >= tp×q×u + floor(tp×q×u × r) for
   * any r <= rmax, so a resting buy can always pay for its fills from its own lock.
   */
  it('a buy lock always covers each fill at or better than its price', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 1, max: 1000 }),
        rate,
        rate,
        (price, leaves, qPick, tpPick, u, a, b) => {
          const [ra, rb] = [parseRate(a)!, parseRate(b)!];
          const rmax = ra.num * rb.den >= rb.num * ra.den ? ra : rb;
          const q = 1 + (qPick % leaves);
          const tp = 1 + (tpPick % price);
          const lock = (lots: number) => price * lots * u + mulRateCeil(price * lots * u, rmax);
          const released = lock(leaves) - lock(leaves - q);
          for (const r of [ra, rb])
            expect(released).toBeGreaterThanOrEqual(tp * q * u + mulRateFloor(tp * q * u, r));
        },
      ),
      { numRuns: 5000 },
    );
  });
});

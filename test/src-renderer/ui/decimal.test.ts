import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  ceilTo,
  compareDecimal,
  floorTo,
  fromUnits,
  padDecimals,
  ratio,
  significantDecimals,
  splitTrailingZeros,
  toUnits,
} from '../../../src-renderer/ui/decimal';

const units = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n });
const scale = fc.integer({ min: 0, max: 12 });

describe('decimal strings as scaled integers', () => {
  it('round-trips units through text at any scale', () => {
    fc.assert(
      fc.property(units, scale, (u, s) => {
        const text = fromUnits(u, s);
        expect(toUnits(text, s)).toBe(u);
        expect(text.includes('.') ? text.split('.')[1]!.length : 0).toBe(s);
      }),
    );
  });

  it('refuses to round: more non-zero decimals than the scale is null', () => {
    expect(toUnits('1.25', 1)).toBeNull();
    expect(toUnits('1.20', 1)).toBe(12n);
    expect(toUnits('abc', 2)).toBeNull();
    expect(toUnits('1e5', 0)).toBeNull();
    expect(significantDecimals('0.10000000')).toBe(1);
  });

  it('compares and sums exactly, where floats would not', () => {
    fc.assert(
      fc.property(units, units, scale, scale, (a, b, sa, sb) => {
        const x = fromUnits(a, sa);
        const y = fromUnits(b, sb);
        const s = Math.max(sa, sb);
        const ax = toUnits(x, s)!;
        const by = toUnits(y, s)!;
        expect(compareDecimal(x, y)).toBe(ax < by ? -1 : ax > by ? 1 : 0);
        expect(toUnits(addDecimals([x, y]), s)).toBe(ax + by);
      }),
    );
    expect(addDecimals(['0.1', '0.2'])).toBe('0.3');
  });

  it('floors and ceils to a step, negatives included', () => {
    fc.assert(
      fc.property(units, fc.bigInt({ min: 1n, max: 10n ** 6n }), (u, step) => {
        const f = floorTo(u, step);
        const c = ceilTo(u, step);
        expect(f % step).toBe(0n);
        expect(c % step).toBe(0n);
        expect(f <= u && u - f < step).toBe(true);
        expect(c >= u && c - u < step).toBe(true);
      }),
    );
  });

  it('pads for display without changing the value, and splits trailing zeros', () => {
    fc.assert(
      fc.property(units, scale, fc.integer({ min: 0, max: 12 }), (u, s, d) => {
        const text = fromUnits(u, s);
        const padded = padDecimals(text, d);
        expect(compareDecimal(padded, text)).toBe(0);
        const [head, zeros] = splitTrailingZeros(padded);
        expect(head + zeros).toBe(padded);
      }),
    );
    expect(splitTrailingZeros('1.500')).toEqual(['1.5', '00']);
    expect(splitTrailingZeros('100')).toEqual(['100', '']);
  });

  it('bar ratios stay within [0, 1]', () => {
    expect(ratio(5n, 10n)).toBe(0.5);
    expect(ratio(0n, 0n)).toBe(0);
    expect(ratio(11n, 10n)).toBe(1);
    expect(ratio(10n ** 30n, 3n * 10n ** 30n)).toBeCloseTo(1 / 3, 5);
  });
});

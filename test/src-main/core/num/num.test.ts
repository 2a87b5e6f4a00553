import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  Dec,
  decimalsOf,
  divCeil,
  divFloor,
  fromScaled,
  fromScaledFixed,
  Grid,
  significantDecimals,
  toDecimalString,
  toScaled,
} from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';

const d = (s: string) => s as DecimalString;

describe('fixed-point conversion', () => {
  it('round-trips any scaled integer through its decimal string', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }),
        fc.integer({ min: 0, max: 18 }),
        (v, k) => {
          expect(toScaled(fromScaled(v, k), k)).toBe(v);
          expect(toScaled(fromScaledFixed(v, k), k)).toBe(v);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('agrees with decimal.js on the value of every decimal string', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.stringMatching(/^[0-9]{0,10}$/))
      .map(([w, f]) => (f ? `${w}.${f}` : `${w}`));
    fc.assert(
      fc.property(decimal, (s) => {
        const k = decimalsOf(s);
        const scaled = toScaled(s, k)!;
        expect(new Dec(s).mul(new Dec(10).pow(k)).toFixed()).toBe(scaled.toString());
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses to round: extra non-zero digits are an error, extra zeros are fine', () => {
    expect(toScaled('1.23', 1)).toBeNull();
    expect(toScaled('1.20', 1)).toBe(12n);
    expect(toScaled('1e3', 0)).toBeNull();
    expect(toScaled('-0.5', 1)).toBe(-5n);
  });

  it('formats canonically', () => {
    expect(fromScaled(1230n, 3)).toBe('1.23');
    expect(fromScaled(5n, 3)).toBe('0.005');
    expect(fromScaled(-5n, 3)).toBe('-0.005');
    expect(fromScaled(0n, 3)).toBe('0');
    expect(fromScaledFixed(1230n, 3)).toBe('1.230');
    expect(decimalsOf('1.50')).toBe(2);
    expect(significantDecimals('1.50')).toBe(1);
    expect(decimalsOf('abc')).toBe(-1);
  });

  it('rounds integer division in the stated direction', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 6n }),
        (a, b) => {
          const exact = new Dec(a.toString()).div(b.toString());
          expect(divCeil(a, b).toString()).toBe(exact.ceil().toFixed());
          expect(divFloor(a, b).toString()).toBe(exact.floor().toFixed());
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('instrument grid', () => {
  const grid = new Grid({ tickSize: d('0.5'), lotSize: d('0.001') });

  it('maps on-grid prices and sizes to integers and back', () => {
    expect(grid.priceToTicks('64000.5')).toEqual({ ok: true, value: 128001 });
    expect(grid.ticksToPrice(128001)).toBe('64000.5');
    expect(grid.sizeToLots('1.25')).toEqual({ ok: true, value: 1250 });
    expect(grid.lotsToSize(1250)).toBe('1.25');
    expect(grid.priceToTicks('64000.50')).toEqual({ ok: true, value: 128001 });
  });

  it.each([
    ['64000.25', 'OFF_GRID'],
    ['64000.55', 'OFF_GRID'],
    ['0', 'NOT_POSITIVE'],
    ['-1', 'NOT_POSITIVE'],
    ['1e5', 'MALFORMED'],
    ['abc', 'MALFORMED'],
    ['99999999999999999999999', 'TOO_LARGE'],
  ])('refuses price %s with %s', (price, error) => {
    expect(grid.priceToTicks(price)).toEqual({ ok: false, error });
  });

  it('refuses sizes with too many decimals (nautilus: precision 5 on a 2-decimal instrument)', () => {
    const g = new Grid({ tickSize: d('0.01'), lotSize: d('0.01') });
    expect(g.sizeToLots('1.00001')).toEqual({ ok: false, error: 'OFF_GRID' });
  });

  it('computes exact notionals', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (t, l) => {
          const n = grid.notional(t, l);
          const exact = new Dec(grid.ticksToPrice(t)).mul(grid.lotsToSize(l));
          expect(toDecimalString(exact)).toBe(fromScaled(n, grid.notionalDecimals));
        },
      ),
      { numRuns: 1000 },
    );
  });
});

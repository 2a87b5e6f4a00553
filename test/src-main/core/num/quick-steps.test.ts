/**
 * The allocation-free hot path (`toScaledSafe`, `Step.quickSteps`) must never disagree with the
 * general parser: where it answers, it gives the same value; everything else it hands back (-1).
 * `toSteps` and `fromSteps` take those paths first, so they must equal their bigint references on
 * every input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromScaled, fromScaledSafe, Step, toScaled, toScaledSafe } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';

/** Decimal-looking strings, including the spellings the general parser refuses. */
const decimalish = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('', '-', '+', '0', '00'),
      fc.stringMatching(/^[0-9]{0,17}$/),
      fc.constantFrom('', '.'),
      fc.stringMatching(/^[0-9]{0,12}$/),
    )
    .map(([a, b, c, d]) => a + b + c + d),
  fc.stringMatching(/^[0-9.eE+-]{0,12}$/),
  fc.string({ maxLength: 8 }),
);

describe('toScaledSafe', () => {
  it('equals toScaled wherever it answers, and answers every unsigned decimal with a safe value', () => {
    fc.assert(
      fc.property(decimalish, fc.integer({ min: 0, max: 12 }), (s, decimals) => {
        const quick = toScaledSafe(s, decimals);
        const general = toScaled(s, decimals);
        if (quick >= 0) expect(BigInt(quick)).toBe(general);
        else if (!s.startsWith('-') && general !== null && general <= BigInt(Number.MAX_SAFE_INTEGER)) {
          expect({ s, decimals, quick }).toEqual({ s, decimals, quick: Number(general) });
        }
      }),
      { numRuns: 20_000 },
    );
  });

  it('hands back what only the general parser may decide', () => {
    for (const s of ['', '-1', '+1', '01', '1.', '.5', '1.2.3', '1e5', '12a', ' 1', '99999999999999999'])
      expect(toScaledSafe(s, 2)).toBe(-1);
    expect(toScaledSafe('1.001', 2)).toBe(-1); // beyond the grid's decimals
    expect(toScaledSafe('1.00000', 2)).toBe(100);
    expect(toScaledSafe('0', 3)).toBe(0);
    expect(toScaledSafe('0.000', 0)).toBe(0);
  });
});

describe('Step.quickSteps', () => {
  const steps = fc.constantFrom('1', '0.01', '0.5', '0.00001', '0.25', '10', '0.00000001', '5');
  it('equals toSteps on the grid, is 0 for a zero value, and -1 otherwise', () => {
    fc.assert(
      fc.property(steps, decimalish, (step, s) => {
        const grid = new Step(step as DecimalString);
        const quick = grid.quickSteps(s);
        const general = grid.toSteps(s);
        if (quick > 0) expect(general).toEqual({ ok: true, value: quick });
        else if (quick === 0) expect(toScaled(s, grid.decimals)).toBe(0n);
        else expect(quick).toBe(-1);
        // Every value the general parser accepts is answered by the quick path when plain.
        if (general.ok && toScaledSafe(s, grid.decimals) >= 0) expect(quick).toBe(general.value);
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('Step.toSteps / fromSteps with their quick paths', () => {
  const steps = fc.constantFrom('1', '0.01', '0.5', '0.00001', '0.25', '10', '0.00000001', '5', '0.3');
  it('toSteps equals the bigint parser (exactSteps) on every input', () => {
    fc.assert(
      fc.property(steps, decimalish, (step, s) => {
        const grid = new Step(step as DecimalString);
        expect(grid.toSteps(s)).toEqual(grid.exactSteps(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it('fromSteps equals fromScaled on bigints, up to and beyond the safe range', () => {
    const count = fc.oneof(
      fc.integer({ min: 0, max: 1_000_000 }),
      fc.maxSafeNat(),
      fc.constantFrom(0, 1, 10, 100, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1),
    );
    fc.assert(
      fc.property(steps, count, (step, n) => {
        const grid = new Step(step as DecimalString);
        expect(grid.fromSteps(n)).toBe(fromScaled(BigInt(n) * grid.units, grid.decimals));
        expect(grid.fromSteps(BigInt(n))).toBe(grid.fromSteps(n));
      }),
      { numRuns: 20_000 },
    );
  });

  it('fromScaledSafe equals fromScaled, and refuses what is not a safe non-negative integer', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.maxSafeNat(), fc.integer({ min: 0, max: 10_000 })),
        fc.integer({ min: 0, max: 18 }),
        (v, k) => {
          expect(fromScaledSafe(v, k)).toBe(fromScaled(BigInt(v), k));
        },
      ),
      { numRuns: 20_000 },
    );
    expect(fromScaledSafe(5, 3)).toBe('0.005');
    expect(fromScaledSafe(1230, 3)).toBe('1.23');
    expect(fromScaledSafe(1000, 3)).toBe('1');
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN])
      expect(() => fromScaledSafe(bad, 2)).toThrow();
  });
});

/**
 * The allocation-free hot path (`toScaledSafe`, `Step.quickSteps`) must never disagree with the
 * general parser: where it answers, it gives the same value; everything else it hands back (-1).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Step, toScaled, toScaledSafe } from '../../../../src-main/core/num';
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

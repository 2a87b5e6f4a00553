import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketWidth } from '../../../../src-main/core/book/grouping';
import { fromScaled, toScaled } from '../../../../src-main/core/num/fixed';
import { Step } from '../../../../src-main/core/num/grid';
import {
  BOOK_GROUPINGS,
  groupingStep,
  LADDER_MULTIPLES,
  stepBookGrouping,
  stepMultiple,
} from '../../../../src-renderer/features/book/groupings';
import { compareDecimal } from '../../../../src-renderer/ui/decimal';

const ticks = ['0.10000000', '0.01', '0.5', '1', '0.00001', '25'];

describe('grouping display', () => {
  it('states the same bucket width main uses (differential against core/book bucketWidth)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ticks),
        fc.bigInt({ min: 1n, max: 10n ** 12n }),
        fc.constantFrom(2, 3, 4, 5) as fc.Arbitrary<2 | 3 | 4 | 5>,
        fc.constantFrom(undefined, 1, 2, 5) as fc.Arbitrary<1 | 2 | 5 | undefined>,
        (tick, priceTicks, nSigFigs, mantissa) => {
          const step = new Step(tick as never);
          const price = step.fromSteps(priceTicks);
          const scaled = toScaled(price, step.decimals)!;
          const grouping = { kind: 'sigfigs' as const, nSigFigs, ...(mantissa ? { mantissa } : {}) };
          const main = fromScaled(bucketWidth(scaled, step.decimals, step.units, grouping), step.decimals);
          const shown = groupingStep(grouping, tick, price)!;
          // Main may use a width finer than a tick (then every level is its own bucket); the
          // display says "one tick" for that case.
          const expected = compareDecimal(main, step.step) < 0 ? step.step : main;
          expect(compareDecimal(shown, expected)).toBe(0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('tick multiples are the tick times the multiple, exactly', () => {
    expect(groupingStep({ kind: 'ticks', multiple: 100 }, '0.10000000')).toBe('10');
    expect(groupingStep({ kind: 'ticks', multiple: 5 }, '0.01')).toBe('0.05');
    expect(groupingStep(undefined, '0.10000000')).toBe('0.1');
    expect(groupingStep({ kind: 'ticks', multiple: 3 }, '0')).toBeNull();
  });

  it('keeps the labels the market e2e test and users rely on', () => {
    const labels = BOOK_GROUPINGS.map((g) => g.label);
    expect(labels).toContain('full precision');
    expect(labels).toContain('100 ticks');
    expect(new Set(BOOK_GROUPINGS.map((g) => g.id)).size).toBe(BOOK_GROUPINGS.length);
  });

  it('steps coarser and finer within bounds', () => {
    expect(stepMultiple(1, 1)).toBe(2);
    expect(stepMultiple(1, -1)).toBe(1);
    expect(stepMultiple(1000, 1)).toBe(1000);
    expect(stepMultiple(7, 1)).toBe(25); // an odd saved value snaps to the list
    for (const m of LADDER_MULTIPLES) expect(stepMultiple(stepMultiple(m, 1), -1)).toBeLessThanOrEqual(m);
    expect(stepBookGrouping('full', 1)).toBe('t2');
    expect(stepBookGrouping('t2', -1)).toBe('full');
    expect(stepBookGrouping('s3', 1)).toBe('s2');
    expect(stepBookGrouping('s5', -1)).toBe('s5');
  });
});

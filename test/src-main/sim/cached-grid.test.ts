/**
 * The memoizing grid (sim/cached-grid.ts) answers exactly as the grid it wraps, for repeated values
 * (served from the memo), bigints (never memoized) and past the memo's bound (cleared, refilled).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../src-shared/domain';
import { Grid } from '../../../src-main/core/num';
import { CachedGrid } from '../../../src-main/sim/cached-grid';

const d = (s: string) => s as DecimalString;

describe('CachedGrid', () => {
  it('converts ticks and lots exactly as its grid, memo or not', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(['0.5', '0.001'], ['0.01', '1'], ['0.00001', '0.1']),
        fc.array(fc.integer({ min: -1_000_000, max: 1_000_000 }), { maxLength: 200 }),
        ([tickSize, lotSize], values) => {
          const grid = new Grid({ tickSize: d(tickSize!), lotSize: d(lotSize!) });
          const cached = CachedGrid.of(grid);
          for (const v of [...values, ...values]) {
            expect(cached.ticksToPrice(v)).toBe(grid.ticksToPrice(v));
            expect(cached.lotsToSize(v)).toBe(grid.lotsToSize(v));
            expect(cached.ticksToPrice(BigInt(v))).toBe(grid.ticksToPrice(BigInt(v)));
          }
        },
      ),
    );
  });

  it('stays exact past its memo bound', () => {
    const grid = new Grid({ tickSize: d('0.25'), lotSize: d('0.0001') });
    const cached = CachedGrid.of(grid);
    for (let v = 0; v < 45_000; v += 1) expect(cached.ticksToPrice(v)).toBe(grid.ticksToPrice(v));
    for (let v = 44_990; v >= 0; v -= 997) expect(cached.lotsToSize(v)).toBe(grid.lotsToSize(v));
  });
});

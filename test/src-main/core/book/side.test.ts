/**
 * SideLevels (Map of levels + sorted keys, galloping search from the best end) against a naive
 * sorted model, with commands drawn so that sides grow to thousands of levels and changes land
 * both near the top and deep in the book; and L2Book's two delta entry points (wire strings and
 * pre-converted levels) against each other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { L2Book, SideLevels, type BookLevel, type BookSide } from '../../../../src-main/core/book';
import { Grid } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';

const grid = new Grid({ tickSize: '0.1' as DecimalString, lotSize: '0.001' as DecimalString });
const level = (ticks: number, lots: number): BookLevel => ({
  ticks,
  lots,
  price: grid.ticksToPrice(ticks),
  size: lots === 0 ? '0' : grid.lotsToSize(lots),
  count: lots % 3 === 0 ? undefined : lots % 7,
});

type Command =
  | { op: 'set'; ticks: number; lots: number }
  | { op: 'truncate'; n: number }
  | { op: 'load'; levels: Array<[number, number]> };

/** Ticks near 10,000 (the top of a bid side) most of the time, anywhere in [1, 20,000] otherwise. */
const ticksArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 9_950, max: 10_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 20_000 }) },
);
const command: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 40,
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      ticks: ticksArb,
      lots: fc.integer({ min: 0, max: 9 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('truncate' as const), n: fc.integer({ min: 0, max: 300 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('load' as const),
      levels: fc.array(fc.tuple(ticksArb, fc.integer({ min: 0, max: 5 })), { maxLength: 3000, size: 'max' }),
    }),
  },
);

function modelOrder(side: BookSide, model: Map<number, BookLevel>): BookLevel[] {
  return [...model.values()].sort((a, b) => (side === 'bid' ? b.ticks - a.ticks : a.ticks - b.ticks));
}

describe('SideLevels', () => {
  it.each(['bid', 'ask'] as const)('matches a naive sorted model (%s side)', (side) => {
    fc.assert(
      fc.property(fc.array(command, { minLength: 50, maxLength: 600, size: 'max' }), (commands) => {
        const levels = new SideLevels(side);
        const model = new Map<number, BookLevel>();
        let sets = 0;
        for (const c of commands) {
          if (c.op === 'set') {
            const l = level(c.ticks, c.lots);
            levels.set(l);
            if (c.lots === 0) model.delete(c.ticks);
            else model.set(c.ticks, l);
          } else if (c.op === 'truncate') {
            levels.truncate(c.n);
            for (const l of modelOrder(side, model).slice(c.n)) model.delete(l.ticks);
          } else {
            const ls = c.levels.map(([t, n]) => level(t, n));
            levels.load(ls);
            model.clear();
            for (const l of ls)
              if (l.lots > 0) model.set(l.ticks, l);
              else model.delete(l.ticks);
          }
          expect(levels.size).toBe(model.size);
          if (c.op !== 'set' || ++sets % 25 === 0) {
            const expected = modelOrder(side, model);
            expect(levels.best()).toEqual(expected[0]);
            expect(levels.bestTicks()).toBe(expected[0]?.ticks ?? NaN);
            expect(levels.top(5)).toEqual(expected.slice(0, 5));
          }
        }
        expect(levels.all()).toEqual(modelOrder(side, model));
        expect([...levels.bestFirst()]).toEqual(modelOrder(side, model));
        for (const [ticks, l] of model) expect(levels.get(ticks)).toBe(l);
        expect(levels.get(-1)).toBeUndefined();
      }),
      { numRuns: 40 },
    );
  });

  it('hands readers levels that never change under them', () => {
    const levels = new SideLevels('bid');
    levels.set(level(100, 5));
    const held = levels.best()!;
    levels.set(level(100, 7));
    levels.set(level(100, 0));
    expect(held).toEqual(level(100, 5));
  });
});

describe('L2Book delta entry points', () => {
  const side = fc.array(fc.tuple(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 0, max: 6 })), {
    maxLength: 12,
  });
  it('applyDelta (wire strings) and applyDeltaLevels (pre-converted) build the same book', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(side, side), { maxLength: 60, size: 'medium' }), (deltas) => {
        const wire = new L2Book(grid);
        const levels = new L2Book(grid);
        // Bids below 500, asks above: never crossed.
        const snap = (base: number) => [{ price: grid.ticksToPrice(base), size: '0.001' }];
        wire.applySnapshot(snap(100), snap(900));
        levels.applySnapshot(snap(100), snap(900));
        for (const [b, a] of deltas) {
          const bids = b.map(([t, n]) => level(t, n));
          const asks = a.map(([t, n]) => level(t + 500, n));
          const r1 = wire.applyDelta(
            bids.map((l) => ({
              price: l.price,
              size: l.size,
              ...(l.count === undefined ? {} : { count: l.count }),
            })),
            asks.map((l) => ({
              price: l.price,
              size: l.size,
              ...(l.count === undefined ? {} : { count: l.count }),
            })),
          );
          const r2 = levels.applyDeltaLevels(bids, asks);
          expect(r1).toEqual(r2);
          expect(wire.top(1000)).toEqual(levels.top(1000));
          expect(wire.invariantViolation()).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a pre-converted level off the grid without changing any level', () => {
    const book = new L2Book(grid);
    book.applySnapshot([{ price: '10', size: '1' }], [{ price: '11', size: '1' }]);
    const before = book.top(5);
    const bad = { ...level(105, 1), ticks: 104.5 };
    const result = book.applyDeltaLevels([level(103, 2)], [bad]);
    expect(result.ok || result.error).toMatchObject({ kind: 'bad-level', side: 'ask', reason: 'OFF_GRID' });
    expect(book.top(5)).toEqual(before);
    expect(book.valid).toBe(false);
  });
});

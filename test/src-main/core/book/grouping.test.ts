import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupLevels, type Grouping, type LevelInput } from '../../../../src-main/core/book';
import { Grid } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';

const grid = new Grid({ tickSize: '0.01' as DecimalString, lotSize: '0.001' as DecimalString });

/** Strictly monotone best-first levels on one side. */
const sideLevels = (side: 'bid' | 'ask') =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 50_000_000 }), { maxLength: 60 })
    .chain((ticks) =>
      fc.tuple(
        fc.constant(ticks.sort((a, b) => (side === 'bid' ? b - a : a - b))),
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: ticks.length, maxLength: ticks.length }),
        fc.array(fc.integer({ min: 1, max: 20 }), { minLength: ticks.length, maxLength: ticks.length }),
      ),
    )
    .map(([ticks, lots, counts]) =>
      ticks.map((t, i): LevelInput => ({ ticks: t, lots: lots[i]!, count: counts[i]! })),
    );

const grouping: fc.Arbitrary<Grouping> = fc.oneof(
  fc.record({
    kind: fc.constant('sigfigs' as const),
    nSigFigs: fc.constantFrom(2 as const, 3 as const, 4 as const, 5 as const),
    mantissa: fc.constantFrom(1 as const, 2 as const, 5 as const),
  }),
  fc.record({ kind: fc.constant('ticks' as const), multiple: fc.integer({ min: 1, max: 1000 }) }),
);
const side = fc.constantFrom('bid' as const, 'ask' as const);

const sum = (xs: readonly { lots: number }[]) => xs.reduce((a, x) => a + x.lots, 0);

describe('groupLevels', () => {
  it('conserves total size and order count', () => {
    fc.assert(
      fc.property(
        side.chain((s) => fc.tuple(fc.constant(s), sideLevels(s), grouping)),
        ([s, levels, g]) => {
          const out = groupLevels(s, levels, grid, g);
          expect(sum(out)).toBe(sum(levels));
          expect(out.reduce((a, x) => a + (x.count ?? 0), 0)).toBe(
            levels.reduce((a, x) => a + (x.count ?? 0), 0),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('emits strictly monotone prices, bids rounded down and asks rounded up', () => {
    fc.assert(
      fc.property(
        side.chain((s) => fc.tuple(fc.constant(s), sideLevels(s), grouping)),
        ([s, levels, g]) => {
          const out = groupLevels(s, levels, grid, g);
          for (let i = 1; i < out.length; i++) {
            if (s === 'bid') expect(out[i]!.scaled < out[i - 1]!.scaled).toBe(true);
            else expect(out[i]!.scaled > out[i - 1]!.scaled).toBe(true);
          }
          // Every input level lies inside its bucket on the correct side of the bucket price.
          let j = 0;
          for (const bucket of out) {
            let inBucket = 0;
            while (j < levels.length && inBucket < bucket.lots) {
              const scaled = BigInt(levels[j]!.ticks);
              if (s === 'bid') expect(scaled >= bucket.scaled).toBe(true);
              else expect(scaled <= bucket.scaled).toBe(true);
              inBucket += levels[j]!.lots;
              j++;
            }
            expect(inBucket).toBe(bucket.lots);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('is the identity at full precision (one tick)', () => {
    fc.assert(
      fc.property(
        side.chain((s) => fc.tuple(fc.constant(s), sideLevels(s))),
        ([s, levels]) => {
          const out = groupLevels(s, levels, grid, { kind: 'ticks', multiple: 1 });
          expect(out.map((l) => [Number(l.scaled), l.lots, l.count])).toEqual(
            levels.map((l) => [l.ticks, l.lots, l.count]),
          );
        },
      ),
    );
  });

  it('is idempotent and coarsening a finer grouping equals grouping directly', () => {
    fc.assert(
      fc.property(
        side.chain((s) => fc.tuple(fc.constant(s), sideLevels(s))),
        fc.constantFrom(2, 3, 4),
        ([s, levels], coarse) => {
          const asInput = (xs: ReturnType<typeof groupLevels>): LevelInput[] =>
            xs.map((x) => ({ ticks: Number(x.scaled), lots: x.lots, count: x.count }));
          const fine = groupLevels(s, levels, grid, { kind: 'sigfigs', nSigFigs: 5 });
          const direct = groupLevels(s, levels, grid, { kind: 'sigfigs', nSigFigs: coarse as 2 | 3 | 4 });
          const twice = groupLevels(s, asInput(fine), grid, {
            kind: 'sigfigs',
            nSigFigs: coarse as 2 | 3 | 4,
          });
          expect(twice).toEqual(direct);
          expect(groupLevels(s, asInput(direct), grid, { kind: 'sigfigs', nSigFigs: coarse as 2 })).toEqual(
            direct,
          );
        },
      ),
    );
  });

  it('follows Hyperliquid bucket examples', () => {
    const levels = (ticks: number[]): LevelInput[] => ticks.map((t) => ({ ticks: t, lots: 1000, count: 1 }));
    // 64123.45 / 64123.40 / 64118.00 (ticks of 0.01)
    const bids = levels([6_412_345, 6_412_340, 6_411_800]);
    expect(
      groupLevels('bid', bids, grid, { kind: 'sigfigs', nSigFigs: 5 }).map((l) => [l.price, l.size]),
    ).toEqual([
      ['64123', '2'],
      ['64118', '1'],
    ]);
    expect(groupLevels('bid', bids, grid, { kind: 'sigfigs', nSigFigs: 3 }).map((l) => l.price)).toEqual([
      '64100',
    ]);
    expect(
      groupLevels('ask', bids.slice().reverse(), grid, { kind: 'sigfigs', nSigFigs: 5, mantissa: 5 }).map(
        (l) => l.price,
      ),
    ).toEqual(['64120', '64125']);
    // Sub-unit prices: 0.3513 with 2 significant figures buckets at 0.01.
    expect(
      groupLevels('ask', levels([35, 36]), grid, { kind: 'sigfigs', nSigFigs: 2 }).map((l) => l.price),
    ).toEqual(['0.35', '0.36']);
  });

  it('stops after maxLevels complete buckets', () => {
    const levels = Array.from({ length: 100 }, (_, i): LevelInput => ({
      ticks: 10_000 - i,
      lots: 1,
      count: 1,
    }));
    const out = groupLevels('bid', levels, grid, { kind: 'ticks', multiple: 10 }, 3);
    expect(out.map((l) => [l.price, l.lots])).toEqual([
      ['100', 1],
      ['99.9', 10],
      ['99.8', 10],
    ]);
  });
});

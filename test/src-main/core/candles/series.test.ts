/**
 * The candle aggregator against a naive model (group every print by interval, in time order): for
 * prints in any order within the kept window, every kept candle equals the model's; the window
 * keeps the newest `maxCandles`; prices compare as decimals, not strings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CandleSeries, type Print } from '../../../../src-main/core/candles';
import { Dec } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';

const d = (s: string) => s as DecimalString;

function naive(prints: readonly Print[], intervalMs: number) {
  const groups = new Map<number, Print[]>();
  for (const p of prints) {
    const open = Math.floor(p.time / intervalMs) * intervalMs;
    groups.set(open, [...(groups.get(open) ?? []), p]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a - b)
    .map(([openTime, ps]) => {
      // Stable by time: among equal times, arrival order decides open (first) and close (last).
      const byTime = [...ps].sort((a, b) => a.time - b.time);
      const prices = ps.map((p) => new Dec(p.price));
      return {
        openTime,
        open: new Dec(byTime[0]!.price).toFixed(),
        high: Dec.max(...prices).toFixed(),
        low: Dec.min(...prices).toFixed(),
        close: new Dec(byTime.at(-1)!.price).toFixed(),
        volume: ps.reduce((v, p) => v.add(p.size), new Dec(0)).toFixed(),
        trades: ps.length,
      };
    });
}

const print = fc.record({
  time: fc.integer({ min: 0, max: 60_000 }),
  price: fc.integer({ min: 1, max: 2_000_000 }).map((n) => d(new Dec(n).div(100).toFixed())),
  size: fc.integer({ min: 1, max: 100_000 }).map((n) => d(new Dec(n).div(1000).toFixed())),
});

describe('CandleSeries', () => {
  it('matches a naive grouping for prints in time order', () => {
    fc.assert(
      fc.property(
        fc.array(print, { maxLength: 200 }),
        fc.constantFrom(1000, 5000, 15000),
        (raw, interval) => {
          const prints = [...raw].sort((a, b) => a.time - b.time);
          const series = new CandleSeries(interval, 1000);
          for (const p of prints) series.add(p);
          expect(series.candles()).toEqual(naive(prints, interval));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('folds late prints into the candle they belong to (open/close by time)', () => {
    fc.assert(
      fc.property(fc.array(print, { maxLength: 150 }), (raw) => {
        // Distinct times so "first" and "last" are unambiguous whatever the arrival order.
        const prints = raw.filter((p, i) => raw.findIndex((q) => q.time === p.time) === i);
        const series = new CandleSeries(5000, 1000);
        for (const p of prints) series.add(p);
        expect(series.candles()).toEqual(naive(prints, 5000));
        for (const c of series.candles()) {
          expect(new Dec(c.low).lte(c.open) && new Dec(c.open).lte(c.high)).toBe(true);
          expect(new Dec(c.low).lte(c.close) && new Dec(c.close).lte(c.high)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the newest candles only and ignores prints older than all of them', () => {
    const series = new CandleSeries(1000, 3);
    for (const t of [0, 1000, 2000, 3000, 4000]) series.add({ time: t, price: d('9.5'), size: d('1') });
    expect(series.candles().map((c) => c.openTime)).toEqual([2000, 3000, 4000]);
    expect(series.add({ time: 500, price: d('1'), size: d('1') })).toBeNull();
    expect(series.add({ time: 3500, price: d('10'), size: d('2') })).toMatchObject({
      openTime: 3000,
      high: '10',
      volume: '3',
      trades: 2,
    });
    // "10" > "9.5" as decimals (a string comparison would say otherwise).
    expect(series.last(1)[0]).toMatchObject({ high: '9.5', low: '9.5' });
  });
});

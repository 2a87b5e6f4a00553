import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketStart, CandleSeries, fillGaps } from '../../../../src-renderer/features/chart/candles';
import { fromUnits } from '../../../../src-renderer/ui/decimal';

const tradesArb = fc.array(
  fc.record({
    ticks: fc.integer({ min: 9_000, max: 11_000 }),
    lots: fc.integer({ min: 1, max: 100_000 }),
    time: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_300_000 }),
  }),
  { minLength: 1, maxLength: 200 },
);

describe('candles from trades', () => {
  it('match a naive per-interval OHLCV whatever order the prints arrive in (differential)', () => {
    fc.assert(
      fc.property(tradesArb, fc.constantFrom(1_000, 5_000, 60_000), fc.integer(), (raw, interval, seed) => {
        // Distinct times so open/close are well defined, then a shuffled arrival order.
        const trades = raw.map((t, i) => ({ ...t, time: t.time * 1000 + i }));
        const arrival = [...trades].sort((a, b) => ((a.time * 31 + seed) % 97) - ((b.time * 31 + seed) % 97));
        const series = new CandleSeries(interval * 1000, 10_000);
        for (const t of arrival) {
          series.add({
            price: fromUnits(BigInt(t.ticks), 1),
            size: fromUnits(BigInt(t.lots), 3),
            time: t.time,
          });
        }
        const naive = new Map<number, typeof trades>();
        for (const t of trades) {
          const start = bucketStart(t.time, interval * 1000);
          naive.set(start, [...(naive.get(start) ?? []), t]);
        }
        const candles = series.list();
        expect(candles.map((c) => c.start)).toEqual([...naive.keys()].sort((a, b) => a - b));
        for (const c of candles) {
          const group = naive.get(c.start)!.sort((a, b) => a.time - b.time);
          const ticks = group.map((t) => t.ticks);
          expect(c.open).toBe(fromUnits(BigInt(group[0]!.ticks), 1));
          expect(c.close).toBe(fromUnits(BigInt(group.at(-1)!.ticks), 1));
          expect(c.high).toBe(fromUnits(BigInt(Math.max(...ticks)), 1));
          expect(c.low).toBe(fromUnits(BigInt(Math.min(...ticks)), 1));
          expect(c.volume).toBe(fromUnits(BigInt(group.reduce((s, t) => s + t.lots, 0)), 3));
          expect(c.trades).toBe(group.length);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('keeps only the newest candles', () => {
    const series = new CandleSeries(1000, 3);
    for (let i = 0; i < 10; i++) series.add({ price: '1', size: '1', time: i * 1000 });
    expect(series.list().map((c) => c.start)).toEqual([7000, 8000, 9000]);
    series.add({ price: '2', size: '1', time: 100 }); // older than all kept: dropped
    expect(series.size).toBe(3);
  });

  it('fills quiet intervals with flat candles at the previous close', () => {
    const series = new CandleSeries(1000);
    series.add({ price: '10', size: '1', time: 1000 });
    series.add({ price: '12', size: '2', time: 4500 });
    const filled = fillGaps(series.list(), 1000, 6000);
    expect(filled.map((c) => [c.start, c.close, c.volume])).toEqual([
      [1000, '10', '1'],
      [2000, '10', '0'],
      [3000, '10', '0'],
      [4000, '12', '2'],
      [5000, '12', '0'],
      [6000, '12', '0'],
    ]);
    expect(fillGaps(series.list(), 1000, 6000, 2).map((c) => c.start)).toEqual([5000, 6000]);
  });
});

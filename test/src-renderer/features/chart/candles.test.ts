import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CandleView } from '../../../../src-shared/contract';
import { bucketStart, fillGaps, fromCandleViews } from '../../../../src-renderer/features/chart/candles';

const view = (openTime: number, close: string, volume = '1'): CandleView =>
  ({ openTime, open: close, high: close, low: close, close, volume, trades: 1 }) as CandleView;

describe('chart candles from the candles stream', () => {
  it('take main candles as they are, keyed by their open time', () => {
    const [c] = fromCandleViews([
      { ...view(5000, '12.5', '3'), open: '12', high: '13', low: '11.5' } as CandleView,
    ]);
    expect(c).toEqual({
      start: 5000,
      open: '12',
      high: '13',
      low: '11.5',
      close: '12.5',
      volume: '3',
      trades: 1,
    });
  });

  it('fills quiet intervals with flat candles at the previous close', () => {
    const candles = fromCandleViews([view(1000, '10'), view(4000, '12', '2')]);
    const filled = fillGaps(candles, 1000, 6000);
    expect(filled.map((c) => [c.start, c.close, c.volume])).toEqual([
      [1000, '10', '1'],
      [2000, '10', '0'],
      [3000, '10', '0'],
      [4000, '12', '2'],
      [5000, '12', '0'],
      [6000, '12', '0'],
    ]);
    expect(fillGaps(candles, 1000, 6000, 2).map((c) => c.start)).toEqual([5000, 6000]);
  });

  it('property: the axis is continuous, every real candle kept, gaps repeat the previous close', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { minLength: 1, maxLength: 40 }),
        fc.constantFrom(1000, 5000, 60_000),
        fc.integer({ min: 0, max: 30 }),
        (slots, interval, extra) => {
          const sorted = [...slots].sort((a, b) => a - b);
          const candles = fromCandleViews(sorted.map((s) => view(s * interval, String(s + 1))));
          const until = (sorted.at(-1)! + extra) * interval + interval / 2;
          const filled = fillGaps(candles, interval, until, 10_000);
          for (let i = 1; i < filled.length; i++)
            expect(filled[i]!.start - filled[i - 1]!.start).toBe(interval);
          expect(filled.at(-1)!.start).toBe(bucketStart(until, interval));
          const real = new Map(candles.map((c) => [c.start, c]));
          let previous = '';
          for (const c of filled) {
            const r = real.get(c.start);
            if (r) expect(c).toBe(r);
            else expect([c.close, c.volume]).toEqual([previous, '0']);
            previous = c.close;
          }
        },
      ),
    );
  });
});

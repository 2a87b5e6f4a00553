import { describe, expect, it } from 'vitest';
import { depthSeries } from '../../../../src-renderer/features/depth/depth-series';
import { niceTicks } from '../../../../src-renderer/features/chart/chart-theme';
import { toDecimals } from '../../../../src-renderer/ui/decimal';

describe('depth chart series', () => {
  it('cumulates from the touch outwards on one ascending price axis', () => {
    const points = depthSeries(
      [
        { price: '99.9', size: '1' },
        { price: '99.8', size: '2.5' },
      ],
      [
        { price: '100.1', size: '0.5' },
        { price: '100.3', size: '1' },
      ],
    );
    expect(points).toEqual([
      { price: 99.8, bid: 3.5, ask: null },
      { price: 99.9, bid: 1, ask: null },
      { price: 100.1, bid: null, ask: 0.5 },
      { price: 100.3, bid: null, ask: 1.5 },
    ]);
    const banded = depthSeries(
      [
        { price: '99', size: '1' },
        { price: '90', size: '1' },
      ],
      [{ price: '101', size: '1' }],
      0.05,
    );
    expect(banded.map((p) => p.price)).toEqual([99, 101]);
  });
});

describe('chart axis and display helpers', () => {
  it('puts price ticks on round multiples of the tick, never repeating at the shown decimals', () => {
    for (const [min, max, tick] of [
      [999.9, 1000.1, 0.1],
      [1000, 1000, 0.1],
      [64_012.5, 64_391.25, 0.01],
      [0.000123, 0.000456, 0.000001],
    ] as const) {
      const ticks = niceTicks(min, max, tick);
      const decimals = Math.max(0, -Math.floor(Math.log10(tick) + 1e-9));
      const labels = ticks.map((t) => t.toFixed(decimals));
      expect(new Set(labels).size).toBe(labels.length);
      expect(ticks[0]!).toBeLessThanOrEqual(min);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(ticks.length).toBeLessThanOrEqual(8);
    }
  });

  it('shows venue strings at the instrument decimals without rounding anything away', () => {
    expect(toDecimals('999.80000000', 1)).toBe('999.8');
    expect(toDecimals('5', 3)).toBe('5.000');
    expect(toDecimals('0.12345', 2)).toBe('0.12345');
  });
});

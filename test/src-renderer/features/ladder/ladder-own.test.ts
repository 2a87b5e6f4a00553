import { describe, expect, it } from 'vitest';
import { buildLadder, type LadderInput } from '../../../../src-renderer/features/ladder/ladder-math';
import { ownBySide, stopsBySide } from '../../../../src-renderer/features/ladder/ladder-own';

const grid = { scale: 1, step: 1n, sizeScale: 3 };

describe('own orders and stops on ladder rows', () => {
  it('a row with several paper orders shows the summed size and the front-most queue position', () => {
    const rows = ownBySide(
      [
        {
          id: '1',
          side: 'buy',
          price: '100.0',
          remaining: '0.5',
          queue: { ahead: '12.5', confidence: 'low' },
        },
        {
          id: '2',
          side: 'buy',
          price: '100.0',
          remaining: '0.25',
          queue: { ahead: '3', confidence: 'high' },
        },
        { id: '3', side: 'buy', price: '99.9', remaining: '1' },
        { id: '4', side: 'sell', price: '100.0', remaining: '1' },
      ],
      'buy',
      grid,
    );
    expect(rows.get(1000n)).toEqual({
      size: '0.750',
      ids: ['1', '2'],
      queue: { ahead: '3', confidence: 'high' },
    });
    expect(rows.get(999n)).toEqual({ size: '1.000', ids: ['3'] });
    expect(rows.size).toBe(2);
  });

  it('stops land on the first row that surely reached their trigger: buy rounds up, sell down', () => {
    const coarse = { scale: 1, step: 10n, sizeScale: 3 };
    const stops = [
      { id: '7', side: 'buy' as const, triggerPrice: '100.3', remaining: '0.01', label: 'stop market' },
      { id: '8', side: 'sell' as const, triggerPrice: '100.3', remaining: '0.02', label: 'stop-loss' },
    ];
    expect(stopsBySide(stops, 'buy', coarse).get(1010n)).toEqual({
      size: '0.010',
      ids: ['7'],
      labels: ['stop market buy 0.01 @ 100.3'],
    });
    expect([...stopsBySide(stops, 'sell', coarse).keys()]).toEqual([1000n]);
  });

  it('buildLadder puts stops on their trigger row, apart from resting orders', () => {
    const input: LadderInput = {
      scale: 1,
      step: 1n,
      centre: 1000n,
      rows: 11,
      bids: [{ price: '99.9', size: '1' }],
      asks: [{ price: '100.1', size: '1' }],
      sizeScale: 3,
      own: [{ id: '1', side: 'buy', price: '99.8', remaining: '0.5' }],
      stops: [{ id: '2', side: 'buy', triggerPrice: '100.3', remaining: '0.01', label: 'stop market' }],
    };
    const model = buildLadder(input);
    const at = (p: string) => model.rows.find((r) => r.priceText === p)!;
    expect(at('100.3').stopBuy?.ids).toEqual(['2']);
    expect(at('100.3').ownBuy).toBeNull();
    expect(at('99.8').ownBuy?.ids).toEqual(['1']);
    expect(at('99.8').stopBuy).toBeNull();
    expect(model.rows.filter((r) => r.stopBuy || r.stopSell)).toHaveLength(1);
  });
});

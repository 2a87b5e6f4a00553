import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare } from '../../../../src-renderer/features/trading/order-math';
import { markOf, unrealizedPnl } from '../../../../src-renderer/features/trading/pnl';
import { fromUnits } from '../../../../src-renderer/ui/decimal';

describe('position marks and unrealised PnL', () => {
  it('marks at the mid, else the last trade, else the venue mark', () => {
    expect(markOf({ bestBid: '100', bestAsk: '100.5', last: '99', venueMark: '98' })).toEqual({
      price: '100.25',
      source: 'mid',
    });
    expect(markOf({ bestBid: '100', bestAsk: null, last: '99', venueMark: '98' })).toEqual({
      price: '99',
      source: 'last',
    });
    expect(markOf({ bestBid: null, bestAsk: null, last: null, venueMark: '98' })).toEqual({
      price: '98',
      source: 'venue',
    });
    expect(markOf({ bestBid: null, bestAsk: null, last: null, venueMark: null })).toBeNull();
  });

  it('unrealised is (mark - average cost) x quantity, exactly', () => {
    expect(unrealizedPnl('0.5', '60000', '61000.25')).toBe('500.125');
    expect(unrealizedPnl('2', '10.5', '10')).toBe('-1.0');
    expect(unrealizedPnl('2', null, '10')).toBeNull();
    expect(unrealizedPnl('2', '10', null)).toBeNull();
  });

  it('property: sign follows the mark against cost for a long position; zero at cost', () => {
    const px = fc.bigInt({ min: 1n, max: 10_000_000n }).map((u) => fromUnits(u, 2));
    const qty = fc.bigInt({ min: 1n, max: 1_000_000n }).map((u) => fromUnits(u, 4));
    fc.assert(
      fc.property(qty, px, px, (q, cost, mark) => {
        const pnl = unrealizedPnl(q, cost, mark)!;
        expect(compare(pnl, '0')).toBe(compare(mark, cost));
        expect(compare(unrealizedPnl(q, cost, cost)!, '0')).toBe(0);
      }),
    );
  });
});

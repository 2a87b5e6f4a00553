import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_LIMITS,
  describeWarning,
  fatFingerWarnings,
  type FatFingerLimits,
  type Touch,
} from '../../../../src-renderer/features/trading/fat-finger';

const touch: Touch = { bestBid: '100', bestAsk: '101', last: '100.5' };
const limits: FatFingerLimits = { maxDeviationPct: '5', maxNotional: '10000', maxQuantity: '50' };
const kinds = (w: ReturnType<typeof fatFingerWarnings>) => w.map((x) => x.kind);

describe('fat-finger rule', () => {
  it('a limit inside or near the touch and small passes', () => {
    expect(
      fatFingerWarnings({ side: 'buy', type: 'limit', price: '100.5', quantity: '1' }, touch, limits),
    ).toEqual([]);
    expect(
      fatFingerWarnings({ side: 'buy', type: 'limit', price: '95', quantity: '1' }, touch, limits),
    ).toEqual([]);
    expect(
      fatFingerWarnings({ side: 'sell', type: 'limit', price: '106.05', quantity: '1' }, touch, limits),
    ).toEqual([]);
  });

  it('a price more than the limit away from the nearer touch warns, whichever side', () => {
    const far = fatFingerWarnings(
      { side: 'buy', type: 'limit', price: '1000', quantity: '1' },
      touch,
      limits,
    );
    expect(kinds(far)).toEqual(['price-far']);
    expect(far[0]).toMatchObject({ reference: '101' });
    expect(describeWarning(far[0]!)).toMatch(/890\.09% away from the touch \(101\)/);
    const low = fatFingerWarnings(
      { side: 'sell', type: 'limit', price: '94.99', quantity: '1' },
      touch,
      limits,
    );
    expect(kinds(low)).toEqual(['price-far']);
    expect(low[0]).toMatchObject({ reference: '100' });
  });

  it('notional and size over their limits warn; market orders use the side they take', () => {
    expect(
      kinds(
        fatFingerWarnings({ side: 'buy', type: 'limit', price: '100', quantity: '100.01' }, touch, limits),
      ),
    ).toEqual(['notional', 'quantity']);
    // 99 x 101 (ask) = 9999 <= 10000; 100 x 101 = 10100 > 10000.
    const notionalOnly = { ...limits, maxQuantity: null };
    expect(fatFingerWarnings({ side: 'buy', type: 'market', quantity: '99' }, touch, notionalOnly)).toEqual(
      [],
    );
    expect(
      kinds(fatFingerWarnings({ side: 'buy', type: 'market', quantity: '100' }, touch, notionalOnly)),
    ).toEqual(['notional']);
    // A sell takes the bid: 100 x 100 = 10000, not over.
    expect(fatFingerWarnings({ side: 'sell', type: 'market', quantity: '100' }, touch, notionalOnly)).toEqual(
      [],
    );
  });

  it('with nothing to price against it says so, unless price limits are off', () => {
    const empty: Touch = { bestBid: null, bestAsk: null, last: null };
    expect(kinds(fatFingerWarnings({ side: 'buy', type: 'market', quantity: '1' }, empty, limits))).toEqual([
      'no-reference',
    ]);
    expect(
      kinds(fatFingerWarnings({ side: 'buy', type: 'limit', price: '5', quantity: '1' }, empty, limits)),
    ).toEqual(['no-reference']);
    const off: FatFingerLimits = { maxDeviationPct: null, maxNotional: null, maxQuantity: null };
    expect(fatFingerWarnings({ side: 'buy', type: 'market', quantity: '1' }, empty, off)).toEqual([]);
  });

  it('one-sided books measure against the side that exists, then the last trade', () => {
    const bidOnly: Touch = { bestBid: '100', bestAsk: null, last: null };
    expect(
      kinds(fatFingerWarnings({ side: 'buy', type: 'limit', price: '106', quantity: '1' }, bidOnly, limits)),
    ).toEqual(['price-far']);
    const lastOnly: Touch = { bestBid: null, bestAsk: null, last: '100' };
    expect(
      fatFingerWarnings({ side: 'buy', type: 'limit', price: '104', quantity: '1' }, lastOnly, limits),
    ).toEqual([]);
  });

  it('property: prices within the limit of the touch never warn about price; far ones always do', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_000, max: 1_000_000 }),
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
        (bid, spread, price, side) => {
          const t: Touch = { bestBid: String(bid), bestAsk: String(bid + spread), last: null };
          const warned = kinds(
            fatFingerWarnings({ side, type: 'limit', price: String(price), quantity: '1' }, t, {
              ...DEFAULT_LIMITS,
              maxNotional: null,
            }),
          ).includes('price-far');
          const ask = bid + spread;
          const far =
            (price > ask && (price - ask) * 100 > 5 * ask) || (price < bid && (bid - price) * 100 > 5 * bid);
          expect(warned).toBe(far);
        },
      ),
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Touch } from '../../../../src-renderer/features/trading/fat-finger';
import { compare } from '../../../../src-renderer/features/trading/order-math';
import { triggerNotes, type TriggerDraft } from '../../../../src-renderer/features/trading/trigger-checks';

const touch: Touch = { bestBid: '100', bestAsk: '101', last: '100.5' };
const kinds = (d: TriggerDraft, t: Touch = touch) => triggerNotes(d, t).map((n) => n.kind);

describe('trigger-price sanity rule', () => {
  it('a buy stop above the last trade and a sell stop below it pass', () => {
    expect(kinds({ side: 'buy', type: 'stop_market', triggerPrice: '102' })).toEqual([]);
    expect(kinds({ side: 'sell', type: 'stop_market', triggerPrice: '99' })).toEqual([]);
  });

  it('a stop at or through the last trade is already reached', () => {
    expect(kinds({ side: 'buy', type: 'stop_market', triggerPrice: '100.5' })).toEqual(['stop-reached']);
    expect(kinds({ side: 'buy', type: 'stop_market', triggerPrice: '99' })).toEqual(['stop-reached']);
    expect(kinds({ side: 'sell', type: 'stop_market', triggerPrice: '100.6' })).toEqual(['stop-reached']);
    const [note] = triggerNotes({ side: 'buy', type: 'stop_market', triggerPrice: '99' }, touch);
    expect(note!.text).toBe(
      'a buy stop fires when the last trade rises to its trigger; 99 is at or below the last trade (100.5), so it is already reached',
    );
  });

  it('without a last trade the touch the stop would chase is the reference; with nothing it says so', () => {
    const noLast = { ...touch, last: null };
    expect(kinds({ side: 'buy', type: 'stop_market', triggerPrice: '100.5' }, noLast)).toEqual([
      'stop-reached',
    ]);
    expect(kinds({ side: 'sell', type: 'stop_market', triggerPrice: '100.5' }, noLast)).toEqual([
      'stop-reached',
    ]);
    const empty = { bestBid: null, bestAsk: null, last: null };
    expect(kinds({ side: 'buy', type: 'stop_market', triggerPrice: '1' }, empty)).toEqual([
      'stop-no-reference',
    ]);
  });

  it('a stop-limit whose limit is on the wrong side of its trigger may rest unfilled', () => {
    expect(kinds({ side: 'buy', type: 'stop_limit', triggerPrice: '102', price: '101.9' })).toEqual([
      'stop-limit-through',
    ]);
    expect(kinds({ side: 'buy', type: 'stop_limit', triggerPrice: '102', price: '102.1' })).toEqual([]);
    expect(kinds({ side: 'sell', type: 'stop_limit', triggerPrice: '99', price: '99.1' })).toEqual([
      'stop-limit-through',
    ]);
  });

  it('bracket legs sit on their sides of the entry (market entries at the price they would take)', () => {
    expect(kinds({ side: 'buy', type: 'limit', price: '100', takeProfit: '110', stopLoss: '95' })).toEqual(
      [],
    );
    expect(kinds({ side: 'buy', type: 'limit', price: '100', takeProfit: '99', stopLoss: '100' })).toEqual([
      'take-profit-side',
      'stop-loss-side',
    ]);
    expect(kinds({ side: 'sell', type: 'market', takeProfit: '101', stopLoss: '99' })).toEqual([
      'take-profit-side',
      'stop-loss-side',
    ]);
    expect(kinds({ side: 'sell', type: 'market', takeProfit: '90', stopLoss: '105' })).toEqual([]);
  });

  it('half-typed values raise nothing', () => {
    expect(kinds({ side: 'buy', type: 'stop_market', triggerPrice: '' })).toEqual([]);
    expect(kinds({ side: 'buy', type: 'stop_limit', triggerPrice: '1.', price: 'x' })).toEqual([]);
    expect(kinds({ side: 'buy', type: 'limit', price: '100', takeProfit: '-' })).toEqual([]);
  });

  it('property: a stop warns "reached" exactly when its trigger is not strictly beyond the last trade', () => {
    // Triggers near the last trade (equal included) as often as far from it.
    fc.assert(
      fc.property(
        fc.constantFrom('buy' as const, 'sell' as const),
        fc.integer({ min: 3, max: 100_000 }),
        fc.oneof(fc.integer({ min: -2, max: 2 }), fc.integer({ min: -1000, max: 1000 })),
        (side, lastCents, offset) => {
          const cents = (n: number) => `${Math.floor(n / 100)}.${String(n % 100).padStart(2, '0')}`;
          const last = cents(lastCents);
          const trigger = cents(Math.max(1, lastCents + offset));
          const reached = kinds(
            { side, type: 'stop_market', triggerPrice: trigger },
            { bestBid: null, bestAsk: null, last },
          ).includes('stop-reached');
          const beyond = compare(trigger, last) === (side === 'buy' ? 1 : -1);
          expect(reached).toBe(!beyond);
        },
      ),
    );
  });
});

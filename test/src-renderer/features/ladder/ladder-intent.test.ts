import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ARM_HINT,
  clickIntent,
  dragIntent,
  type LadderGate,
} from '../../../../src-renderer/features/ladder/ladder-intent';

const armed: LadderGate = { available: true, armed: true, unavailableReason: '' };
const disarmed: LadderGate = { ...armed, armed: false };
const unavailable: LadderGate = {
  available: false,
  armed: true,
  unavailableReason: 'binance has no paper twin',
};
const limit = { market: false };

describe('ladder clicks', () => {
  it('bid side buys, ask side sells, at the row price; Shift makes it a market order', () => {
    expect(clickIntent({ cell: 'bid', price: '100.1', ids: undefined }, limit, armed)).toEqual({
      kind: 'place',
      side: 'buy',
      type: 'limit',
      price: '100.1',
    });
    expect(clickIntent({ cell: 'ask', price: '100.3', ids: undefined }, { market: true }, armed)).toEqual({
      kind: 'place',
      side: 'sell',
      type: 'market',
      price: '100.3',
    });
  });

  it('an own order cancels; the price column and empty own cells do nothing', () => {
    expect(clickIntent({ cell: 'own-buy', price: '100', ids: '7 9' }, limit, armed)).toEqual({
      kind: 'cancel',
      ids: ['7', '9'],
    });
    expect(clickIntent({ cell: 'price', price: '100', ids: undefined }, limit, armed)).toBeNull();
    expect(clickIntent({ cell: 'own-sell', price: '100', ids: undefined }, limit, armed)).toBeNull();
    expect(clickIntent({ cell: undefined, price: undefined, ids: undefined }, limit, armed)).toBeNull();
  });

  it('disarmed or unavailable: only a hint, whatever was clicked', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('bid', 'ask', 'own-buy', 'own-sell'),
        fc.boolean(),
        fc.constantFrom(disarmed, unavailable),
        (cell, market, gate) => {
          const intent = clickIntent({ cell, price: '1', ids: '3' }, { market }, gate);
          expect(intent).toEqual({ kind: 'hint', text: gate.available ? ARM_HINT : gate.unavailableReason });
        },
      ),
    );
  });
});

describe('ladder drags', () => {
  it('moving own orders to another row amends them to its price', () => {
    expect(dragIntent({ ids: '4', price: '100' }, '100.5', armed)).toEqual({
      kind: 'amend',
      ids: ['4'],
      price: '100.5',
    });
    expect(dragIntent({ ids: '4 5', price: '100' }, '99', armed)).toEqual({
      kind: 'amend',
      ids: ['4', '5'],
      price: '99',
    });
  });

  it('same row, no orders or off the ladder: nothing; disarmed: a hint', () => {
    expect(dragIntent({ ids: '4', price: '100' }, '100', armed)).toBeNull();
    expect(dragIntent({ ids: undefined, price: '100' }, '101', armed)).toBeNull();
    expect(dragIntent({ ids: '4', price: '100' }, undefined, armed)).toBeNull();
    expect(dragIntent({ ids: '4', price: '100' }, '101', disarmed)).toEqual({ kind: 'hint', text: ARM_HINT });
  });
});

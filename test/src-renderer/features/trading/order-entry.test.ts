import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TradingVenue } from '../../../../src-shared/contract';
import { DEFAULT_LIMITS } from '../../../../src-renderer/features/trading/fat-finger';
import { checkIntent, type IntentContext } from '../../../../src-renderer/features/trading/order-entry';
import type { TradingTarget } from '../../../../src-renderer/features/trading/trading-target';

const info: TradingVenue = {
  venue: 'paper:binance',
  name: 'Paper · Binance',
  kind: 'paper',
  available: true,
  reason: null,
  userAgentId: 'u',
};
const target: TradingTarget = {
  status: 'ready',
  venue: 'paper:binance',
  symbol: 'BTCUSDT',
  dataVenue: 'binance',
  info,
  isPaper: true,
  twin: true,
  blocked: null,
};
const ctx: IntentContext = {
  target,
  size: '0.01',
  touch: { bestBid: '1000', bestAsk: '1000.2', last: '1000.1' },
  limits: DEFAULT_LIMITS,
};

describe('order intents', () => {
  it('a limit from the ladder becomes one place request on the target instrument with the ticket size', () => {
    const checked = checkIntent({ kind: 'place', side: 'buy', type: 'limit', price: '999.5' }, ctx);
    expect(checked).toEqual({
      ok: true,
      title: 'Buy 0.01 BTCUSDT @ 999.5',
      places: [
        {
          venue: 'paper:binance',
          symbol: 'BTCUSDT',
          side: 'buy',
          type: 'limit',
          tif: 'GTC',
          quantity: '0.01',
          price: '999.5',
        },
      ],
      amends: [],
      warnings: [],
    });
  });

  it('market orders are IOC (or FOK) and carry no price', () => {
    const checked = checkIntent({ kind: 'place', side: 'sell', type: 'market', tif: 'FOK', price: '1' }, ctx);
    expect(checked.ok && checked.places[0]).toEqual({
      venue: 'paper:binance',
      symbol: 'BTCUSDT',
      side: 'sell',
      type: 'market',
      tif: 'FOK',
      quantity: '0.01',
    });
  });

  it('nothing is sent without a size, without a price for a limit, or on a blocked venue', () => {
    expect(checkIntent({ kind: 'place', side: 'buy', type: 'market' }, { ...ctx, size: '' })).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/order size/),
    });
    expect(checkIntent({ kind: 'place', side: 'buy', type: 'limit', price: 'abc' }, ctx)).toMatchObject({
      ok: false,
    });
    expect(
      checkIntent(
        { kind: 'place', side: 'buy', type: 'market' },
        { ...ctx, target: { ...target, blocked: 'halted' } },
      ),
    ).toEqual({ ok: false, reason: 'halted' });
  });

  it('an amend to a far price carries the fat-finger warning of every order it moves', () => {
    const checked = checkIntent(
      {
        kind: 'amend',
        orders: [
          { orderId: '7', side: 'buy', price: '999', remaining: '0.01' },
          { orderId: '8', side: 'buy', price: '998', remaining: '0.02' },
        ],
        price: '900',
      },
      ctx,
    );
    expect(checked.ok && checked.amends).toEqual([
      { venue: 'paper:binance', orderId: '7', price: '900' },
      { venue: 'paper:binance', orderId: '8', price: '900' },
    ]);
    expect(checked.ok && checked.warnings.map((w) => w.kind)).toEqual(['price-far']);
  });

  it('property: whatever the intent, requests only ever name the target venue and symbol', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'buy' | 'sell'>('buy', 'sell'),
        fc.constantFrom<'limit' | 'market'>('limit', 'market'),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (side, type, price, lots) => {
          const checked = checkIntent(
            {
              kind: 'place',
              side,
              type,
              price: String(price),
              quantity: `0.${String(lots).padStart(3, '0')}`,
            },
            ctx,
          );
          if (!checked.ok) return;
          for (const p of checked.places) expect([p.venue, p.symbol]).toEqual(['paper:binance', 'BTCUSDT']);
        },
      ),
    );
  });
});

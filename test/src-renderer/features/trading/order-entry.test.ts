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
        fc.constantFrom<'limit' | 'market' | 'stop_market' | 'stop_limit'>(
          'limit',
          'market',
          'stop_market',
          'stop_limit',
        ),
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (side, type, price, lots) => {
          const checked = checkIntent(
            {
              kind: 'place',
              side,
              type,
              price: String(price),
              triggerPrice: String(price + 1),
              bracket: { takeProfit: String(price + 2), stopLoss: '1' },
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

  it('a stop-market needs a trigger, goes IOC with no price, and the trigger passes the fat-finger rule', () => {
    expect(checkIntent({ kind: 'place', side: 'buy', type: 'stop_market', triggerPrice: ' ' }, ctx)).toEqual({
      ok: false,
      reason: 'a stop order needs a trigger price',
    });
    const checked = checkIntent(
      { kind: 'place', side: 'buy', type: 'stop_market', triggerPrice: '1010', price: '5', tif: 'GTC' },
      ctx,
    );
    expect(checked.ok && checked.places[0]).toEqual({
      venue: 'paper:binance',
      symbol: 'BTCUSDT',
      side: 'buy',
      type: 'stop_market',
      tif: 'IOC',
      quantity: '0.01',
      triggerPrice: '1010',
    });
    expect(checked.ok && checked.title).toBe('Buy 0.01 BTCUSDT stop 1010 at market');
    expect(checked.ok && checked.warnings).toEqual([]);
    const far = checkIntent({ kind: 'place', side: 'buy', type: 'stop_market', triggerPrice: '1200' }, ctx);
    expect(far.ok && far.warnings).toEqual([
      { kind: 'price-far', price: '1200', reference: '1000.2', pct: '19.97', field: 'trigger' },
    ]);
  });

  it('a stop-limit needs both prices and checks both', () => {
    expect(
      checkIntent({ kind: 'place', side: 'sell', type: 'stop_limit', triggerPrice: '990' }, ctx),
    ).toEqual({ ok: false, reason: 'a stop-limit order needs a limit price' });
    const checked = checkIntent(
      { kind: 'place', side: 'sell', type: 'stop_limit', triggerPrice: '900', price: '800' },
      ctx,
    );
    expect(checked.ok && checked.places[0]).toMatchObject({
      type: 'stop_limit',
      tif: 'GTC',
      price: '800',
      triggerPrice: '900',
    });
    expect(checked.ok && checked.title).toBe('Sell 0.01 BTCUSDT stop 900 @ 800');
    expect(
      checked.ok && checked.warnings.map((w) => (w.kind === 'price-far' ? (w.field ?? 'price') : w.kind)),
    ).toEqual(['price', 'trigger']);
  });

  it('a bracket rides on a limit or market entry; blank legs are left out; far legs warn', () => {
    const checked = checkIntent(
      {
        kind: 'place',
        side: 'buy',
        type: 'limit',
        price: '999',
        bracket: { takeProfit: '1020', stopLoss: ' ' },
      },
      ctx,
    );
    expect(checked.ok && checked.places[0]?.bracket).toEqual({ takeProfit: '1020' });
    expect(checked.ok && checked.title).toBe('Buy 0.01 BTCUSDT @ 999 · TP 1020');
    const none = checkIntent(
      { kind: 'place', side: 'buy', type: 'market', bracket: { takeProfit: '', stopLoss: '' } },
      ctx,
    );
    expect(none.ok && 'bracket' in none.places[0]!).toBe(false);
    const far = checkIntent(
      { kind: 'place', side: 'buy', type: 'market', bracket: { takeProfit: '1010', stopLoss: '100' } },
      ctx,
    );
    expect(far.ok && far.title).toBe('Buy 0.01 BTCUSDT at market · TP 1010 · SL 100');
    expect(far.ok && far.warnings).toMatchObject([{ kind: 'price-far', field: 'stop-loss', price: '100' }]);
    expect(
      checkIntent(
        { kind: 'place', side: 'buy', type: 'limit', price: '999', bracket: { stopLoss: 'abc' } },
        ctx,
      ),
    ).toEqual({ ok: false, reason: 'bad stop-loss abc' });
    expect(
      checkIntent(
        {
          kind: 'place',
          side: 'buy',
          type: 'stop_market',
          triggerPrice: '1010',
          bracket: { takeProfit: '1100' },
        },
        ctx,
      ),
    ).toEqual({ ok: false, reason: 'a bracket attaches to a limit or market entry, not to a stop' });
  });
});

import { describe, expect, it } from 'vitest';
import { Ledger, MAX_UNITS, portfolioView, Position } from '../../../../src-main/core/portfolio';
import { Grid } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';

function ledger() {
  const l = new Ledger();
  const usd = l.addAsset({ id: 'USD', decimals: 2 });
  const btc = l.addAsset({ id: 'BTC', decimals: 3 });
  if (typeof usd === 'string' || typeof btc === 'string') throw new Error('assets');
  return { l, usd: usd.index, btc: btc.index, a: l.openAccount(1), b: l.openAccount(2) };
}

describe('Ledger', () => {
  it('refuses what would go negative or overflow, and changes nothing when it refuses', () => {
    const { l, usd, a } = ledger();
    expect(l.deposit(a, usd, 500)).toBe(true);
    expect(l.withdraw(a, usd, 501)).toBe(false);
    expect(l.lock(a, usd, 501)).toBe(false);
    expect(l.lock(a, usd, 200)).toBe(true);
    expect(l.withdraw(a, usd, 301)).toBe(false);
    expect([a.free[usd], a.locked[usd]]).toEqual([300, 200]);
    expect(l.deposit(a, usd, MAX_UNITS)).toBe(false);
    expect(l.deposit(a, usd, MAX_UNITS - 500)).toBe(true);
    expect(l.conservationErrors()).toEqual([]);
    expect(l.addAsset({ id: 'USD', decimals: 2 })).toBe('DUPLICATE_ASSET');
    expect(l.addAsset({ id: 'bad id', decimals: 2 })).toBe('INVALID_ASSET');
  });

  it('settles a fill symmetrically and conserves every asset', () => {
    const { l, usd, btc, a, b } = ledger();
    l.deposit(a, usd, 10_000);
    l.deposit(b, btc, 1_000);
    l.lock(a, usd, 5_050); // buy lock incl. reserve
    l.lock(b, btc, 100);
    l.settleFill(a, b, btc, usd, 100, 5_000, 10, 5, 5_050);
    expect([a.free[usd], a.locked[usd], a.free[btc]]).toEqual([10_000 - 5_010, 0, 100]);
    expect([b.free[usd], b.locked[btc], b.free[btc]]).toEqual([4_995, 0, 900]);
    expect(l.feeAccount.free[usd]).toBe(15);
    expect(l.conservationErrors()).toEqual([]);
    a.free[usd]! += 1; // a corrupted balance is reported
    expect(l.conservationErrors()).toEqual(['USD: held 10001 != supply 10000']);
  });

  it('views balances, positions and equity as decimal strings', () => {
    const { l, usd, btc, a } = ledger();
    l.deposit(a, usd, 123_456);
    l.deposit(a, btc, 1_500);
    // tick 1 USD × lot 0.01 BTC = 0.01 USD = 1 unit of a 2-decimal USD
    const grid = new Grid({ tickSize: '1' as DecimalString, lotSize: '0.01' as DecimalString });
    const market = {
      id: 'BTC-USD',
      index: 0,
      base: l.assets[btc]!,
      quote: l.assets[usd]!,
      price: grid.price,
      size: grid.size,
      unitsPerTickLot: 1,
    };
    const p = new Position(0);
    p.apply(true, 150, 100 * 150, 30); // 1.5 BTC at 100 USD, 0.30 USD fee
    a.positions[0] = p;
    const view = portfolioView(a, l.assets, [market], new Map([['BTC-USD', 110]]), 'USD');
    expect(view.balances).toEqual([
      { asset: 'USD', free: '1234.56', locked: '0', total: '1234.56' },
      { asset: 'BTC', free: '1.5', locked: '0', total: '1.5' },
    ]);
    expect(view.positions).toEqual([
      {
        instrument: 'BTC-USD',
        qty: '1.5',
        avgPrice: '100',
        realizedPnl: '0',
        fees: '0.3',
        unrealizedPnl: '15',
      },
    ]);
    expect(view.equity).toBe('1399.56'); // 1234.56 + 1.5 × 110
    expect(portfolioView(a, l.assets, [market], new Map(), 'USD')).toMatchObject({
      equity: null,
      unvalued: ['BTC'],
    });
  });
});

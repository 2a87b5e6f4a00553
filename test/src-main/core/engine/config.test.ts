/** Engine configuration: invalid assets and instruments are refused with a reason, nothing half-added. */
import { describe, expect, it } from 'vitest';
import { Engine } from '../../../../src-main/core/engine/engine';
import type { InstrumentSpec } from '../../../../src-main/core/engine/types';
import { dec } from './support/fixture';

const good: InstrumentSpec = {
  id: 'BTC-USD',
  base: 'BTC',
  quote: 'USD',
  tickSize: dec('0.01'),
  lotSize: dec('0.001'),
};

describe('engine configuration', () => {
  it.each<[string, Partial<InstrumentSpec>]>([
    ['unknown asset', { base: 'XXX' }],
    ['same base and quote', { quote: 'BTC' }],
    ['invalid tick size', { tickSize: dec('0') }],
    ['lot finer than the base unit', { lotSize: dec('0.000000001') }],
    ['notional finer than the quote unit', { tickSize: dec('0.0001'), lotSize: dec('0.0001') }],
    ['off-grid minimum size', { minSize: dec('0.0015') }],
    ['minimum notional finer than the quote unit', { minNotional: dec('0.0000001') }],
    ['fee rate of 1', { takerFee: dec('1') }],
    ['invalid id', { id: 'BTC USD' }],
  ])('refuses an instrument with %s', (_, change) => {
    const engine = new Engine({
      assets: [
        { id: 'BTC', decimals: 8 },
        { id: 'USD', decimals: 6 },
      ],
    });
    const hash = engine.stateHash();
    expect(engine.addInstrument({ ...good, ...change }).ok).toBe(false);
    expect(engine.instrumentIds()).toEqual([]);
    expect(engine.stateHash()).toBe(hash);
  });

  it('refuses duplicate and invalid assets and instruments, and throws on a bad constructor config', () => {
    const engine = new Engine({
      assets: [
        { id: 'BTC', decimals: 8 },
        { id: 'USD', decimals: 6 },
      ],
      instruments: [good],
    });
    expect(engine.addAsset({ id: 'BTC', decimals: 8 }).ok).toBe(false);
    expect(engine.addAsset({ id: 'ETH', decimals: 40 }).ok).toBe(false);
    expect(engine.addInstrument(good).ok).toBe(false);
    expect(() => new Engine({ assets: [{ id: 'USD', decimals: 2 }], instruments: [good] })).toThrow(
      /unknown asset/,
    );
  });

  it('adds assets and instruments later, funding existing accounts with zero', () => {
    const engine = new Engine({ assets: [{ id: 'USD', decimals: 6 }] });
    const account = engine.registerAccount({ label: 'a', ts: 0 });
    expect(account.ok).toBe(true);
    expect(engine.addAsset({ id: 'BTC', decimals: 8 }).ok).toBe(true);
    expect(engine.addInstrument(good).ok).toBe(true);
    expect(engine.balances(1)).toEqual([
      { asset: 'USD', free: 0, locked: 0 },
      { asset: 'BTC', free: 0, locked: 0 },
    ]);
    expect(engine.instrument('BTC-USD')).toMatchObject({ unitsPerTickLot: 10, baseUnitsPerLot: 100_000 });
    expect(engine.validate()).toEqual([]);
  });
});

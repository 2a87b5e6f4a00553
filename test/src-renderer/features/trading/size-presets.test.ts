import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compare, notional, onLotGrid } from '../../../../src-renderer/features/trading/order-math';
import {
  formatPresets,
  parsePresets,
  presetLabel,
  resolvePreset,
} from '../../../../src-renderer/features/trading/size-presets';

describe('size presets', () => {
  it('a size preset is used as is; a notional becomes a size on the lot grid at the reference', () => {
    expect(resolvePreset({ kind: 'size', value: '0.5' }, { reference: null, lotSize: null })).toEqual({
      ok: true,
      size: '0.5',
    });
    expect(
      resolvePreset({ kind: 'notional', value: '1000' }, { reference: '65000', lotSize: '0.0001' }),
    ).toEqual({
      ok: true,
      size: '0.0153',
    });
    expect(
      resolvePreset({ kind: 'notional', value: '100' }, { reference: '150', lotSize: '1' }),
    ).toMatchObject({ ok: false });
    expect(
      resolvePreset({ kind: 'notional', value: '100' }, { reference: null, lotSize: '1' }),
    ).toMatchObject({ ok: false });
  });

  it('property: a resolved notional preset is on the grid and worth at most the notional', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom('1', '0.1', '0.001', '0.0001'),
        (amount, cents, lot) => {
          const reference = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
          const r = resolvePreset({ kind: 'notional', value: String(amount) }, { reference, lotSize: lot });
          if (!r.ok) return;
          expect(onLotGrid(r.size, lot)).toBe(true);
          expect(compare(notional(reference, r.size)!, String(amount))).not.toBe(1);
        },
      ),
    );
  });

  it('the editor text round-trips and rejects what it does not understand', () => {
    expect(parsePresets('100, $1k, 2.5k, 0.5 BTC')).toEqual([
      { kind: 'notional', value: '100' },
      { kind: 'notional', value: '1000' },
      { kind: 'notional', value: '2500' },
      { kind: 'size', value: '0.5' },
    ]);
    expect(parsePresets('100, banana')).toBeNull();
    expect(parsePresets('')).toBeNull();
    expect(parsePresets('0')).toBeNull();
    expect(parsePresets('1,2,3,4,5,6,7')).toBeNull();
    const presets = parsePresets('50, 0.25 base, 10000')!;
    expect(parsePresets(formatPresets(presets))).toEqual(presets);
  });

  it('labels are short', () => {
    expect(presetLabel({ kind: 'notional', value: '1000' })).toBe('$1k');
    expect(presetLabel({ kind: 'notional', value: '250' })).toBe('$250');
    expect(presetLabel({ kind: 'size', value: '0.5' }, 'BTC')).toBe('0.5 BTC');
  });
});

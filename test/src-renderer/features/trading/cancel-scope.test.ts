import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CANCEL_SCOPES,
  cancelRequests,
  nextScope,
  scopeLabel,
} from '../../../../src-renderer/features/trading/cancel-scope';

const target = { venue: 'sim', symbol: 'BTC-USD' };

describe('cancel-all scope', () => {
  it('cycles instrument -> venue -> all -> instrument', () => {
    expect(nextScope('instrument')).toBe('venue');
    expect(nextScope('venue')).toBe('all');
    expect(nextScope('all')).toBe('instrument');
  });

  it('says what it reaches', () => {
    expect(scopeLabel('instrument', target)).toBe('BTC-USD on sim');
    expect(scopeLabel('venue', target)).toBe('everything on sim');
    expect(scopeLabel('all', null)).toBe('all venues');
  });

  it('sends one request per scope, the instrument scope always with its symbol', () => {
    expect(cancelRequests('instrument', target, ['sim'])).toEqual([{ venue: 'sim', symbol: 'BTC-USD' }]);
    expect(cancelRequests('venue', target, ['sim', 'paper:okx'])).toEqual([{ venue: 'sim' }]);
    expect(cancelRequests('all', target, ['sim', 'paper:okx'])).toEqual([
      { venue: 'sim' },
      { venue: 'paper:okx' },
    ]);
    expect(cancelRequests('instrument', null, ['sim'])).toEqual([]);
    expect(cancelRequests('venue', { venue: 'binance', symbol: 'X' }, ['sim'])).toEqual([]);
  });

  it('property: never names a venue outside the tradable list', () => {
    const venue = fc.constantFrom('sim', 'paper:okx', 'paper:binance', 'binance');
    fc.assert(
      fc.property(fc.constantFrom(...CANCEL_SCOPES), venue, fc.array(venue), (scope, v, tradable) => {
        const requests = cancelRequests(scope, { venue: v, symbol: 'S' }, tradable);
        for (const r of requests) expect(tradable).toContain(r.venue);
        if (scope === 'instrument') for (const r of requests) expect(r.symbol).toBe('S');
        if (scope !== 'instrument') for (const r of requests) expect(r.symbol).toBeUndefined();
      }),
    );
  });
});

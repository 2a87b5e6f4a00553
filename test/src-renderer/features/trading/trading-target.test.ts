import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TradingVenue } from '../../../../src-shared/contract';
import { dataVenueOf, resolveTradingTarget } from '../../../../src-renderer/features/trading/trading-target';

const venue = (id: string, available = true): TradingVenue => ({
  venue: id,
  name: id,
  kind: id === 'sim' ? 'simulated' : 'paper',
  available,
  reason: available ? null : 'waiting for binance instrument metadata',
  userAgentId: available ? 'u1' : null,
});

describe('trading target of the linked instrument', () => {
  it('trades a tradable venue itself, and a live venue on its paper twin with the same symbol', () => {
    const venues = [venue('sim'), venue('paper:binance')];
    expect(resolveTradingTarget({ venue: 'sim', symbol: 'ETH-USD' }, venues)).toMatchObject({
      status: 'ready',
      venue: 'sim',
      symbol: 'ETH-USD',
      dataVenue: 'sim',
      twin: false,
      blocked: null,
    });
    expect(resolveTradingTarget({ venue: 'binance', symbol: 'BTCUSDT' }, venues)).toMatchObject({
      status: 'ready',
      venue: 'paper:binance',
      symbol: 'BTCUSDT',
      dataVenue: 'binance',
      twin: true,
      isPaper: true,
    });
  });

  it('a live venue without a twin has no target (never the simulated venue instead)', () => {
    const none = resolveTradingTarget({ venue: 'okx', symbol: 'BTC-USDT' }, [venue('sim')]);
    expect(none).toMatchObject({ status: 'none', symbol: 'BTC-USDT' });
    expect(none.status === 'none' && none.reason).toMatch(/okx has no paper twin/);
    expect(resolveTradingTarget({ venue: 'okx', symbol: 'X' }, undefined).status).toBe('loading');
  });

  it('a twin that is not ready yet is the target, blocked with its reason', () => {
    expect(
      resolveTradingTarget({ venue: 'binance', symbol: 'BTCUSDT' }, [venue('paper:binance', false)]),
    ).toMatchObject({
      status: 'ready',
      venue: 'paper:binance',
      blocked: 'waiting for binance instrument metadata',
    });
  });

  it('property: the symbol is always the linked one, the venue the linked one or its twin', () => {
    const ids = fc.constantFrom<string>('sim', 'binance', 'okx', 'kraken', 'paper:binance', 'paper:okx');
    fc.assert(
      fc.property(
        ids,
        fc.string({ minLength: 1, maxLength: 10 }),
        fc.uniqueArray(ids),
        (linked, symbol, tradable) => {
          const t = resolveTradingTarget(
            { venue: linked, symbol },
            tradable.map((v) => venue(v)),
          );
          expect(t.symbol).toBe(symbol);
          if (t.status === 'ready') {
            expect([linked, `paper:${linked}`]).toContain(t.venue);
            expect(tradable).toContain(t.venue);
            expect(dataVenueOf(t.venue)).toBe(dataVenueOf(linked));
          } else {
            expect(tradable.includes(linked) || tradable.includes(`paper:${linked}`)).toBe(false);
          }
        },
      ),
    );
  });
});

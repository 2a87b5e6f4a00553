import { describe, expect, it } from 'vitest';
import type { InstrumentInfo } from '../../../../src-shared/contract';
import type { DecimalString } from '../../../../src-shared/domain';
import { searchInstruments } from '../../../../src-renderer/features/market/instrument-catalog';
import { tradingModeOf } from '../../../../src-renderer/features/instrument/trading-mode';

describe('paper or live', () => {
  it('is PAPER for the simulated venue, paper venues and anything main calls simulated', () => {
    expect(tradingModeOf('sim')).toBe('paper');
    expect(tradingModeOf('paper:binance')).toBe('paper');
    expect(tradingModeOf('binance')).toBe('live-data');
    expect(tradingModeOf('replay:binance')).toBe('replay');
    expect(tradingModeOf('replay:sim', { kind: 'simulated' })).toBe('replay');
    expect(tradingModeOf('newvenue', { kind: 'simulated' })).toBe('paper');
    expect(tradingModeOf('binance', { kind: 'live' })).toBe('live-data');
  });
});

const info = (symbol: string, base: string): InstrumentInfo => ({
  symbol,
  base,
  quote: 'USDT',
  tickSize: '0.01' as DecimalString,
  lotSize: '0.001' as DecimalString,
});

describe('instrument search', () => {
  const list = [
    info('ETHBTC', 'ETH'),
    info('BTCUSDT', 'BTC'),
    info('WBTCUSDT', 'WBTC'),
    info('BTC-PERP', 'BTC'),
  ];
  it('ranks exact, then prefix, then base, then substring; ignores case and separators', () => {
    expect(searchInstruments(list, 'btcusdt').map((i) => i.symbol)).toEqual(['BTCUSDT', 'WBTCUSDT']);
    expect(searchInstruments(list, 'btc').map((i) => i.symbol)).toEqual([
      'BTCUSDT',
      'BTC-PERP',
      'ETHBTC',
      'WBTCUSDT',
    ]);
    expect(searchInstruments(list, 'btc-usdt')[0]!.symbol).toBe('BTCUSDT');
    expect(searchInstruments(list, '').length).toBe(4);
    expect(searchInstruments(list, 'zzz')).toEqual([]);
  });
});

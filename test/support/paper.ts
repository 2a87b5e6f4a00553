/** Shared helpers for paper-venue tests: settings with paper on the fake Binance, and results. */
import { defaultSettings, type Settings } from '../../src-main/config/settings';
import type { VenueResult } from '../../src-main/gateway/venue-port';
import { SYMBOL } from './scripted-binance';

/** Binance enabled with BTCUSDT; paper fees 0.05% maker / 0.1% taker; no consumed-memory expiry. */
export function paperSettings(over: Partial<Settings['paper']> = {}): Settings {
  const base = defaultSettings();
  return {
    ...base,
    venues: { binance: { enabled: true, symbols: [SYMBOL] } },
    paper: {
      ...base.paper,
      queue: { cancelAheadShare: 'proportional', consumedTtlMs: 0, consumedTtlUpdates: 0 },
      venues: { binance: { makerFee: '0.0005', takerFee: '0.001' } },
      ...over,
    },
  };
}

/** The value of a (possibly asynchronous) venue answer; throws on a rejection. */
export async function resolve<T>(r: VenueResult<T> | Promise<VenueResult<T>>): Promise<T> {
  const result = await r;
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

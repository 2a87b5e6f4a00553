/**
 * Default paper fee schedule per live venue: the venue's published base-tier (lowest volume)
 * maker/taker rates for the market type its connector streams, as of this writing. Your own tier
 * may differ: set `paper.venues.<id>.makerFee` / `takerFee` in settings.json.
 */
import type { PaperVenueSettings } from '../config/paper-settings';

export interface FeeSchedule {
  readonly maker: string;
  readonly taker: string;
}

export const DEFAULT_PAPER_FEES: Readonly<Record<string, FeeSchedule>> = {
  binance: { maker: '0.001', taker: '0.001' }, // spot
  'binance-usdm': { maker: '0.0002', taker: '0.0005' },
  hyperliquid: { maker: '0.00015', taker: '0.00045' }, // perpetuals
  lighter: { maker: '0', taker: '0' }, // standard accounts
  aster: { maker: '0.0001', taker: '0.00035' },
  bybit: { maker: '0.0002', taker: '0.00055' }, // linear
  okx: { maker: '0.0008', taker: '0.001' }, // spot
  coinbase: { maker: '0.004', taker: '0.006' }, // Advanced Trade
  kraken: { maker: '0.0025', taker: '0.004' }, // spot
};

const FALLBACK: FeeSchedule = { maker: '0.001', taker: '0.001' };

export function feesFor(venue: string, settings: PaperVenueSettings | undefined): FeeSchedule {
  const base = DEFAULT_PAPER_FEES[venue] ?? FALLBACK;
  return { maker: settings?.makerFee ?? base.maker, taker: settings?.takerFee ?? base.taker };
}

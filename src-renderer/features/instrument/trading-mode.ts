/**
 * Whether the selected venue trades on paper. The terminal must never be ambiguous about it: the
 * simulated venue (`sim`), paper venues over live books (ids starting with `paper:`) and any venue
 * main reports as simulated are PAPER; everything else is live market data only (no live order
 * entry exists). When in doubt, the answer is never "paper" for a live venue.
 */
import type { VenueInfo } from '../../../src-shared/contract';

export type TradingMode = 'paper' | 'live-data' | 'replay';

export function tradingModeOf(venue: string, info?: Pick<VenueInfo, 'kind'>): TradingMode {
  // A replay (`replay:<venue>`) is recorded data played back: neither live nor an order venue.
  if (venue.startsWith('replay:')) return 'replay';
  if (venue === 'sim' || venue.startsWith('paper:') || venue.startsWith('paper-')) return 'paper';
  return info?.kind === 'simulated' ? 'paper' : 'live-data';
}

export const MODE_LABEL: Record<TradingMode, string> = {
  paper: 'PAPER',
  'live-data': 'LIVE DATA',
  replay: 'REPLAY',
};

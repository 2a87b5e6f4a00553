/**
 * Which venue the trading panels act on: the linked instrument's venue when the user can trade
 * there, else the simulated venue (always present). Every venue the user trades on is paper money;
 * `isPaper` says when to show the PAPER badge.
 */
import type { InstrumentSelection, TradingVenue } from '../../../src-shared/contract';
import { useRequest } from '../../ipc/hooks';
import { useSelection } from '../instrument/selection';

export interface TradingTarget {
  readonly venue: string;
  readonly symbol: string;
  readonly info: TradingVenue | undefined;
  readonly isPaper: boolean;
}

export function useTradingTarget(): TradingTarget {
  const selection: InstrumentSelection = useSelection();
  const venues = useRequest('trading.venues', {});
  const list = venues?.ok ? venues.value : [];
  const linked = list.find((v) => v.venue === selection.venue);
  const venue = linked ? selection.venue : 'sim';
  const info = linked ?? list.find((v) => v.venue === 'sim');
  return {
    venue,
    symbol: linked ? selection.symbol : 'BTC-USD',
    info,
    isPaper: info === undefined || info.kind === 'simulated' || info.kind === 'paper',
  };
}

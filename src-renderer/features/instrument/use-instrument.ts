/**
 * The linked instrument with what panels need to show it: its venue's trading mode (paper or
 * live data), tick and lot sizes when the venue's metadata is known, and the decimals prices and
 * sizes are written with. Falls back gracefully (decimals inferred from the data) when metadata is
 * unavailable, e.g. a venue that is not enabled.
 */
import type { InstrumentInfo, VenueInfo } from '../../../src-shared/contract';
import type { VenueId } from '../../../src-shared/domain';
import { significantDecimals } from '../../ui/decimal';
import { useInstruments, useVenues } from '../market/market-hooks';
import { useSelection } from './selection';
import { tradingModeOf, type TradingMode } from './trading-mode';

export interface InstrumentContext {
  readonly venue: VenueId;
  readonly symbol: string;
  readonly key: string;
  readonly mode: TradingMode;
  readonly venueInfo: VenueInfo | undefined;
  readonly info: InstrumentInfo | undefined;
  readonly priceDecimals: number | undefined;
  readonly sizeDecimals: number | undefined;
}

export function useInstrument(): InstrumentContext | null {
  const selection = useSelection();
  const venues = useVenues();
  const catalog = useInstruments(selection?.venue ?? null);
  if (!selection) return null;
  const venueInfo = venues?.find((v) => v.id === selection.venue);
  const info =
    catalog?.status === 'ready'
      ? (catalog.bySymbol.get(selection.symbol) ?? catalog.bySymbol.get(selection.symbol.toUpperCase()))
      : undefined;
  return {
    venue: selection.venue,
    symbol: selection.symbol,
    key: `${selection.venue}|${selection.symbol}`,
    mode: tradingModeOf(selection.venue, venueInfo),
    venueInfo,
    info,
    priceDecimals: info ? significantDecimals(info.tickSize) : undefined,
    sizeDecimals: info ? significantDecimals(info.lotSize) : undefined,
  };
}

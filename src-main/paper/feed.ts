/**
 * Reading the live venue's connector for the paper model: a book's status and levels after a
 * change (live only when the connector offers its stream book; a `live` status without it, e.g.
 * while the socket reconnects, counts as stale), and trade prints on the instrument's grid (a
 * print off the grid is logged and ignored, never rounded).
 */
import type { Grid } from '../core/num';
import type { BookView as PaperBookView, FeedStatus, Print } from '../core/paper';
import type { Logger } from '../core/ports';
import type { TradeView } from '../gateway/venue-port';
import type { Trade, VenueConnector } from '../venues/kit';

export function bookFeed(
  connector: VenueConnector,
  symbol: string,
): { status: FeedStatus; reader: PaperBookView | null } {
  const reader = connector.book(symbol);
  if (reader) return { status: 'live', reader };
  const state = connector.bookState(symbol);
  const status: FeedStatus = !state ? 'unavailable' : state.status === 'live' ? 'stale' : state.status;
  return { status, reader: null };
}

export interface PaperPrint {
  readonly symbol: string;
  readonly print: Print;
  readonly view: TradeView;
}

export function printsOf(
  trades: readonly Trade[],
  markets: ReadonlyMap<string, { readonly grid: Grid }>,
  log: Logger,
): PaperPrint[] {
  const out: PaperPrint[] = [];
  for (const trade of trades) {
    const market = markets.get(trade.symbol);
    if (!market) continue;
    const ticks = market.grid.priceToTicks(trade.price);
    const lots = market.grid.sizeToLots(trade.size);
    if (!ticks.ok || !lots.ok) {
      log.warn('paper: print off the instrument grid ignored', { symbol: trade.symbol, price: trade.price });
      continue;
    }
    out.push({
      symbol: trade.symbol,
      print: { ticks: ticks.value, lots: lots.value, aggressor: trade.side },
      view: {
        tradeId: trade.id,
        symbol: trade.symbol,
        price: market.grid.ticksToPrice(ticks.value),
        quantity: market.grid.lotsToSize(lots.value),
        aggressorSide: trade.side,
        time: trade.time,
      },
    });
  }
  return out;
}

/**
 * Which venue the trading panels act on for the linked instrument, pure. The rule that matters:
 * the user trades exactly the instrument they see, or nothing.
 * - the linked venue is itself tradable (`sim`, a `paper:<id>` venue): trade it;
 * - the linked venue is live and has a paper twin `paper:<id>`: trade the twin, same symbol;
 * - otherwise there is no target: the ticket says why and is disabled. Never another venue or
 *   another symbol (the old fallback to `sim BTC-USD` is gone on purpose).
 * Every venue the user can trade on is paper money (simulated or paper); `isPaper` is therefore
 * true for every target, and the PAPER badge is shown with it.
 */
import type { TradingVenue } from '../../../src-shared/contract';

export const PAPER_PREFIX = 'paper:';

export interface TradingTarget {
  readonly status: 'ready';
  /** The venue orders go to. */
  readonly venue: string;
  readonly symbol: string;
  /** The venue whose market data (book, trades) the instrument is shown from. */
  readonly dataVenue: string;
  readonly info: TradingVenue;
  readonly isPaper: true;
  /** True when trading the paper twin of the live venue that is shown. */
  readonly twin: boolean;
  /** Why orders are refused right now (venue not available yet), or null. */
  readonly blocked: string | null;
}

export interface NoTarget {
  readonly status: 'none' | 'loading';
  readonly symbol: string;
  readonly dataVenue: string;
  readonly reason: string;
}

export type TargetResolution = TradingTarget | NoTarget;

/** The venue whose books a trading venue trades against: `paper:binance` -> `binance`. */
export function dataVenueOf(venue: string): string {
  return venue.startsWith(PAPER_PREFIX) ? venue.slice(PAPER_PREFIX.length) : venue;
}

export function resolveTradingTarget(
  selection: { readonly venue: string; readonly symbol: string },
  venues: readonly TradingVenue[] | undefined,
): TargetResolution {
  const { venue, symbol } = selection;
  if (venues === undefined) {
    return { status: 'loading', symbol, dataVenue: venue, reason: 'loading trading venues…' };
  }
  const direct = venues.find((v) => v.venue === venue);
  const twin = direct ? undefined : venues.find((v) => v.venue === `${PAPER_PREFIX}${venue}`);
  const info = direct ?? twin;
  if (!info) {
    return {
      status: 'none',
      symbol,
      dataVenue: venue,
      reason: venue.startsWith(PAPER_PREFIX)
        ? `${venue} is not a trading venue right now`
        : `${venue} has no paper twin (paper:${venue}): enable paper trading for it to trade ${symbol}`,
    };
  }
  return {
    status: 'ready',
    venue: info.venue,
    symbol,
    dataVenue: direct ? dataVenueOf(venue) : venue,
    info,
    isPaper: true,
    twin: twin !== undefined,
    blocked: info.available ? null : (info.reason ?? `${info.venue} is not taking orders`),
  };
}

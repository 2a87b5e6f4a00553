/**
 * PLACEHOLDER ports, used until the simulated venue and the market-data service are wired in
 * (src-main/app/compose.ts). They trade nothing and fake nothing: every trading request is refused
 * with UNAVAILABLE and a message saying why, reads return empty lists, market-data subscriptions
 * are refused. The gateway itself (auth, limits, protocol) runs normally on top of them.
 */
import { err } from '../../src-shared/result';
import type { MarketDataPort } from './market-data-port';
import type { VenuePort, VenueReject } from './venue-port';

const REASON =
  'the simulated venue is not connected to the agents gateway yet; trading messages are refused until it is';

const refused: VenueReject = { code: 'UNAVAILABLE', message: REASON };

export function unavailableVenue(venueId = 'sim'): VenuePort {
  return {
    venueId,
    available: false,
    instruments: () => [],
    registerAgent: () => err(refused),
    placeOrder: () => err(refused),
    cancelOrder: () => err(refused),
    amendOrder: () => err(refused),
    cancelAll: () => err(refused),
    openOrders: () => err(refused),
    recentFills: () => err(refused),
    portfolio: () => err(refused),
    agents: () => [],
    newsHistory: () => [],
    books: () => [],
    onEvent: () => () => {},
  };
}

export function unavailableMarketData(): MarketDataPort {
  const refusal = err({
    code: 'UNAVAILABLE' as const,
    message: 'market data is not connected to the agents gateway yet',
  });
  return {
    venues: () => [],
    subscribeL2Book: () => refusal,
    subscribeTrades: () => refusal,
  };
}

/**
 * Binance Spot: REST snapshot + diff depth (`@depth@100ms`) under the spot U/u rules,
 * `@bookTicker` BBOs and `@aggTrade` prints, all on one combined-stream socket.
 */
import type { VenueId } from '../../../src-shared/domain';
import { binanceSpotRules, StreamConnector, type ConnectorEnv, type VenueAdapter } from '../kit';
import { binanceFamilyAdapter } from './family';
import { SpotDepthUpdate } from './messages';
import { levels } from './parse';
import { BINANCE_PATHS, BINANCE_REST_URL, BINANCE_WS_URL, spotDepthLimit } from './urls';

export const binanceAdapter: VenueAdapter = binanceFamilyAdapter({
  venue: 'binance' as VenueId,
  name: 'Binance Spot',
  capabilities: { fullDepthStream: true, bboStream: true, restDepth: true, trades: true },
  defaultWsUrl: BINANCE_WS_URL,
  defaultRestUrl: BINANCE_REST_URL,
  paths: BINANCE_PATHS,
  depthLimit: spotDepthLimit,
  snapshotLevels: 1000,
  rules: binanceSpotRules,
  depth: {
    schema: SpotDepthUpdate,
    toMessage: (d) => ({
      symbol: d.s,
      message: { kind: 'delta', first: d.U, last: d.u, venueTime: d.E, bids: levels(d.b), asks: levels(d.a) },
    }),
  },
  streams: (s) => [`${s}@depth@100ms`, `${s}@bookTicker`, `${s}@aggTrade`],
  // Spot allows 5 incoming messages per second per connection.
  maxSendPerSecond: 4,
});

export function createBinanceConnector(env: ConnectorEnv): StreamConnector {
  return new StreamConnector(binanceAdapter, env);
}

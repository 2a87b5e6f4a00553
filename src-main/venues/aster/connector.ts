/**
 * Aster futures, as its capabilities say: BBO (`@bookTicker`) and trades (`@aggTrade`) over the
 * stream, full depth only through REST `/fapi/v1/depth`. There is no stream book, so `book()` is
 * always null and `depth()` always answers from REST (each call counted as a REST fallback).
 */
import type { VenueId } from '../../../src-shared/domain';
import { binanceFamilyAdapter } from '../binance/family';
import { binanceFuturesRules, StreamConnector, type ConnectorEnv, type VenueAdapter } from '../kit';
import { AsterBookTicker } from './messages';
import { asterDepthSpec } from './parse';
import { ASTER_PATHS, ASTER_REST_URL, ASTER_WS_URL, asterDepthLimit } from './urls';

export const asterAdapter: VenueAdapter = binanceFamilyAdapter({
  venue: 'aster' as VenueId,
  name: 'Aster Futures',
  capabilities: { fullDepthStream: false, bboStream: true, restDepth: true, trades: true },
  defaultWsUrl: ASTER_WS_URL,
  defaultRestUrl: ASTER_REST_URL,
  paths: ASTER_PATHS,
  depthLimit: asterDepthLimit,
  snapshotLevels: 100,
  rules: binanceFuturesRules,
  depth: asterDepthSpec,
  bookTicker: AsterBookTicker,
  streams: (s) => [`${s}@bookTicker`, `${s}@aggTrade`],
  // 10 incoming messages per second per connection.
  maxSendPerSecond: 8,
});

export function createAsterConnector(env: ConnectorEnv): StreamConnector {
  return new StreamConnector(asterAdapter, env);
}

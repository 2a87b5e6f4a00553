/**
 * Binance USD-M futures: REST snapshot + diff depth under the pu rules, bookTicker on the /public
 * socket, aggTrade on the /market socket.
 */
import type { VenueId } from '../../../src-shared/domain';
import { binanceFamilyAdapter } from '../binance/family';
import { binanceFuturesRules, StreamConnector, type ConnectorEnv, type VenueAdapter } from '../kit';
import { FuturesBookTicker } from './messages';
import { futuresDepthSpec } from './parse';
import {
  BINANCE_USDM_PATHS,
  BINANCE_USDM_REST_URL,
  BINANCE_USDM_WS_URL,
  futuresDepthLimit,
  marketStreamUrl,
} from './urls';

export const binanceUsdmAdapter: VenueAdapter = binanceFamilyAdapter({
  venue: 'binance-usdm' as VenueId,
  name: 'Binance USD-M Futures',
  capabilities: { fullDepthStream: true, bboStream: true, restDepth: true, trades: true },
  defaultWsUrl: BINANCE_USDM_WS_URL,
  defaultRestUrl: BINANCE_USDM_REST_URL,
  paths: BINANCE_USDM_PATHS,
  depthLimit: futuresDepthLimit,
  snapshotLevels: 1000,
  rules: binanceFuturesRules,
  depth: futuresDepthSpec,
  bookTicker: FuturesBookTicker,
  streams: (s) => [`${s}@depth@100ms`, `${s}@bookTicker`],
  secondary: { url: marketStreamUrl, streams: (s) => [`${s}@aggTrade`] },
  maxSendPerSecond: 8,
});

export function createBinanceUsdmConnector(env: ConnectorEnv): StreamConnector {
  return new StreamConnector(binanceUsdmAdapter, env);
}

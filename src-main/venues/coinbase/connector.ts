/**
 * Coinbase Advanced Trade: `level2` (first event a snapshot, then updates, on channel `l2_data`),
 * `market_trades`, `ticker` and `heartbeats`, one channel per subscribe message, sent on open
 * (the venue requires a subscribe within 5 s). Continuity is the connection-wide `sequence_num`:
 * a jump invalidates every book on the connection and each resubscribes its level2 channel for a
 * fresh snapshot. REST product_book has no sequence, so it only serves display fallbacks.
 */
import type { VenueId } from '../../../src-shared/domain';
import {
  connectionSequencedRules,
  StreamConnector,
  type ConnectorEnv,
  type Instrument,
  type VenueAdapter,
} from '../kit';
import { parseCoinbaseFrame, parseProductBook, parseProducts } from './parse';
import { COINBASE_CHANNELS, COINBASE_PATHS, COINBASE_REST_URL, COINBASE_WS_URL } from './urls';

const message = (type: 'subscribe' | 'unsubscribe', channel: string, products?: readonly string[]) =>
  JSON.stringify(products ? { type, product_ids: products, channel } : { type, channel });
const channels = (type: 'subscribe' | 'unsubscribe', instruments: readonly Instrument[]) => {
  const products = instruments.map((i) => i.symbol);
  return products.length === 0 ? [] : COINBASE_CHANNELS.map((c) => message(type, c, products));
};

export const coinbaseAdapter: VenueAdapter = {
  venue: 'coinbase' as VenueId,
  name: 'Coinbase Advanced Trade',
  capabilities: { fullDepthStream: true, bboStream: true, restDepth: true, trades: true },
  defaultWsUrl: COINBASE_WS_URL,
  defaultRestUrl: COINBASE_REST_URL,
  sync: { mode: 'stream-snapshot', rules: connectionSequencedRules },
  // Heartbeats arrive every second; 8 unauthenticated messages per second per IP.
  socket: { silenceMs: 15_000, maxSendPerSecond: 6 },
  snapshotLevels: 100,
  normalizeSymbol: (symbol) => symbol.toUpperCase(),
  subscribe: (instruments) => [message('subscribe', 'heartbeats'), ...channels('subscribe', instruments)],
  unsubscribe: (instruments) => channels('unsubscribe', instruments),
  resubscribe: (i) => [
    message('unsubscribe', 'level2', [i.symbol]),
    message('subscribe', 'level2', [i.symbol]),
  ],
  parse: parseCoinbaseFrame,
  async fetchSnapshot(rest, instrument, levels) {
    const response = await rest.get(COINBASE_PATHS.productBook, {
      product_id: instrument.symbol,
      limit: Math.max(1, Math.min(500, levels)),
    });
    return response.ok ? parseProductBook(response.value.body) : response;
  },
  async fetchInstruments(rest) {
    const response = await rest.get(COINBASE_PATHS.products, { product_type: 'SPOT' });
    return response.ok ? parseProducts('coinbase' as VenueId, response.value.body) : response;
  },
};

export function createCoinbaseConnector(env: ConnectorEnv): StreamConnector {
  return new StreamConnector(coinbaseAdapter, env);
}

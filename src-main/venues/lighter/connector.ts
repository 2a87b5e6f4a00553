/**
 * Lighter: `order_book/<market>` (snapshot on subscribe, then deltas chained by nonce), `trade/`
 * and `ticker/` channels, a `{"type":"ping"}` keepalive (the venue needs a client frame at least
 * every 2 minutes). Recovery is unsubscribe + subscribe; REST orderBookOrders is a display-only
 * fallback (it has no nonce to stitch to the stream).
 */
import type { VenueId } from '../../../src-shared/domain';
import { lighterRules, StreamConnector, type ConnectorEnv, type Instrument, type VenueAdapter } from '../kit';
import { parseDetails, parseLighterFrame, parseOrders } from './parse';
import { LIGHTER_ORDERS_LIMIT, LIGHTER_PATHS, LIGHTER_REST_URL, LIGHTER_WS_URL } from './urls';

const CHANNELS = ['order_book', 'trade', 'ticker'];
const message = (type: 'subscribe' | 'unsubscribe', channel: string) => JSON.stringify({ type, channel });
const all = (type: 'subscribe' | 'unsubscribe', instruments: readonly Instrument[]) =>
  instruments.flatMap((i) => CHANNELS.map((c) => message(type, `${c}/${i.ref ?? i.symbol}`)));

export const lighterAdapter: VenueAdapter = {
  venue: 'lighter' as VenueId,
  name: 'Lighter',
  capabilities: { fullDepthStream: true, bboStream: true, restDepth: true, trades: true },
  defaultWsUrl: LIGHTER_WS_URL,
  defaultRestUrl: LIGHTER_REST_URL,
  sync: { mode: 'stream-snapshot', rules: lighterRules },
  // 200 client messages per minute per IP.
  socket: {
    silenceMs: 30_000,
    keepalive: { everyMs: 30_000, payload: JSON.stringify({ type: 'ping' }) },
    maxSendPerSecond: 3,
  },
  snapshotLevels: LIGHTER_ORDERS_LIMIT,
  normalizeSymbol: (symbol) => symbol.toUpperCase(),
  subscribe: (instruments) => all('subscribe', instruments),
  unsubscribe: (instruments) => all('unsubscribe', instruments),
  resubscribe: (i) => [
    message('unsubscribe', `order_book/${i.ref}`),
    message('subscribe', `order_book/${i.ref}`),
  ],
  parse: parseLighterFrame,
  async fetchSnapshot(rest, instrument, levels) {
    const response = await rest.get(LIGHTER_PATHS.orders, {
      market_id: instrument.ref ?? instrument.symbol,
      limit: Math.min(LIGHTER_ORDERS_LIMIT, Math.max(1, levels)),
    });
    return response.ok ? parseOrders(instrument, response.value.body) : response;
  },
  async fetchInstruments(rest) {
    const response = await rest.get(LIGHTER_PATHS.details);
    return response.ok ? parseDetails('lighter' as VenueId, response.value.body) : response;
  },
};

export function createLighterConnector(env: ConnectorEnv): StreamConnector {
  return new StreamConnector(lighterAdapter, env);
}

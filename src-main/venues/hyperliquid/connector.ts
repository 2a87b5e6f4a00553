/**
 * Hyperliquid: l2Book snapshots (replace, ordered by time), bbo and trades on ONE socket for the
 * whole app (the venue allows 10 per IP), an app-level ping every 50 s (the server closes
 * connections it has sent nothing on for 60 s), REST `POST /info` l2Book as the fallback.
 */
import type { VenueId } from '../../../src-shared/domain';
import { appError, err, ok } from '../../../src-shared/result';
import {
  snapshotOnlyRules,
  StreamConnector,
  type ConnectorEnv,
  type Instrument,
  type VenueAdapter,
} from '../kit';
import { bookMessage, parseHyperliquidFrame, parseMeta } from './parse';
import { HYPERLIQUID_INFO_PATH, HYPERLIQUID_REST_URL, HYPERLIQUID_WS_URL, L2_BOOK_LEVELS } from './urls';

const CHANNELS = ['l2Book', 'bbo', 'trades'] as const;
const message = (method: 'subscribe' | 'unsubscribe', type: string, coin: string) =>
  JSON.stringify({ method, subscription: { type, coin } });
const all = (method: 'subscribe' | 'unsubscribe', instruments: readonly Instrument[]) =>
  instruments.flatMap((i) => CHANNELS.map((type) => message(method, type, i.symbol)));

export const hyperliquidAdapter: VenueAdapter = {
  venue: 'hyperliquid' as VenueId,
  name: 'Hyperliquid',
  // l2Book pushes whole top-20 snapshots: full depth within those 20 levels.
  capabilities: { fullDepthStream: true, bboStream: true, restDepth: true, trades: true },
  defaultWsUrl: HYPERLIQUID_WS_URL,
  defaultRestUrl: HYPERLIQUID_REST_URL,
  sync: { mode: 'stream-snapshot', rules: snapshotOnlyRules },
  socket: {
    silenceMs: 60_000,
    keepalive: { everyMs: 50_000, payload: JSON.stringify({ method: 'ping' }) },
    // 2000 client messages per minute per IP.
    maxSendPerSecond: 20,
  },
  snapshotLevels: L2_BOOK_LEVELS,
  // Perp coins are upper-case names; spot and builder dexes ("@107", "xyz:NVDA") are kept as typed.
  normalizeSymbol: (symbol) => (/^[a-z0-9]+$/i.test(symbol) ? symbol.toUpperCase() : symbol),
  subscribe: (instruments) => all('subscribe', instruments),
  unsubscribe: (instruments) => all('unsubscribe', instruments),
  resubscribe: (i) => [message('unsubscribe', 'l2Book', i.symbol), message('subscribe', 'l2Book', i.symbol)],
  parse: parseHyperliquidFrame,
  async fetchSnapshot(rest, instrument) {
    const response = await rest.post(HYPERLIQUID_INFO_PATH, { type: 'l2Book', coin: instrument.symbol });
    if (!response.ok) return response;
    if (response.value.body === null)
      return err(appError('NOT_FOUND', `no Hyperliquid book for ${instrument.symbol}`));
    const book = bookMessage(response.value.body);
    return book.ok ? ok(book.value.message) : err(appError('UNAVAILABLE', book.error));
  },
  async fetchInstruments(rest) {
    const response = await rest.post(HYPERLIQUID_INFO_PATH, { type: 'meta' });
    return response.ok ? parseMeta('hyperliquid' as VenueId, response.value.body) : response;
  },
};

export function createHyperliquidConnector(env: ConnectorEnv): StreamConnector {
  return new StreamConnector(hyperliquidAdapter, env);
}

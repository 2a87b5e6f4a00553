/**
 * Kraken Spot v2: `book` (snapshot then updates; no sequence numbers, so continuity is the CRC-32
 * checksum of the top 10 on every message, after truncating to the subscribed depth, since Kraken
 * never deletes levels that fall out of scope), `trade` and `ticker`, `{"method":"ping"}`
 * keepalive. Recovery is unsubscribe + subscribe of `book`, which sends a new snapshot.
 */
import type { VenueId } from '../../../src-shared/domain';
import {
  connectionSequencedRules,
  StreamConnector,
  type ConnectorEnv,
  type Instrument,
  type VenueAdapter,
} from '../kit';
import { parseAssetPairs, parseKrakenFrame, parseRestDepth, verifyKrakenChecksum } from './parse';
import { KRAKEN_BOOK_DEPTH, KRAKEN_PATHS, KRAKEN_REST_URL, KRAKEN_WS_URL, restPair } from './urls';

const message = (method: 'subscribe' | 'unsubscribe', channel: string, symbols: string[]) =>
  JSON.stringify({
    method,
    params:
      channel === 'book'
        ? { channel, symbol: symbols, depth: KRAKEN_BOOK_DEPTH, snapshot: true }
        : { channel, symbol: symbols },
  });
const all = (method: 'subscribe' | 'unsubscribe', instruments: readonly Instrument[]) => {
  const symbols = instruments.map((i) => i.symbol);
  return symbols.length === 0 ? [] : ['book', 'trade', 'ticker'].map((c) => message(method, c, symbols));
};

export const krakenAdapter: VenueAdapter = {
  venue: 'kraken' as VenueId,
  name: 'Kraken Spot',
  capabilities: { fullDepthStream: true, bboStream: true, restDepth: true, trades: true },
  defaultWsUrl: KRAKEN_WS_URL,
  defaultRestUrl: KRAKEN_REST_URL,
  // No per-book sequence: every message is checked by its checksum instead.
  sync: {
    mode: 'stream-snapshot',
    rules: connectionSequencedRules,
    depth: KRAKEN_BOOK_DEPTH,
    verify: verifyKrakenChecksum,
  },
  socket: {
    silenceMs: 30_000,
    keepalive: { everyMs: 20_000, payload: JSON.stringify({ method: 'ping' }) },
    maxSendPerSecond: 5,
  },
  snapshotLevels: KRAKEN_BOOK_DEPTH,
  normalizeSymbol: (symbol) => symbol.toUpperCase(),
  subscribe: (instruments) => all('subscribe', instruments),
  unsubscribe: (instruments) => all('unsubscribe', instruments),
  resubscribe: (i) => [message('unsubscribe', 'book', [i.symbol]), message('subscribe', 'book', [i.symbol])],
  parse: parseKrakenFrame,
  async fetchSnapshot(rest, instrument, levels) {
    const response = await rest.get(KRAKEN_PATHS.depth, {
      pair: restPair(instrument.symbol),
      count: Math.min(500, Math.max(1, levels)),
    });
    return response.ok ? parseRestDepth(response.value.body) : response;
  },
  async fetchInstruments(rest) {
    const response = await rest.get(KRAKEN_PATHS.assetPairs);
    return response.ok ? parseAssetPairs('kraken' as VenueId, response.value.body) : response;
  },
};

export function createKrakenConnector(env: ConnectorEnv): StreamConnector {
  return new StreamConnector(krakenAdapter, env);
}

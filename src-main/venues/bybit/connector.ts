/**
 * Bybit v5 linear: `orderbook.50` (snapshot, then deltas whose u must step by one; any snapshot
 * or u == 1 overwrites the book), `orderbook.1` as BBO, `publicTrade` prints, an `{"op":"ping"}`
 * every 20 s. Recovery is a resubscribe, which makes Bybit send a new snapshot.
 */
import type { VenueId } from '../../../src-shared/domain';
import { ok, type Result } from '../../../src-shared/result';
import { bybitRules, StreamConnector, type ConnectorEnv, type Instrument, type VenueAdapter } from '../kit';
import { parseBybitFrame, parseInstrumentsPage, parseRestOrderbook } from './parse';
import {
  BYBIT_BOOK_DEPTH,
  BYBIT_CATEGORY,
  BYBIT_MAX_ARGS,
  BYBIT_PATHS,
  BYBIT_REST_URL,
  BYBIT_WS_URL,
} from './urls';

const topics = (i: Instrument) => [
  `orderbook.${BYBIT_BOOK_DEPTH}.${i.symbol}`,
  `orderbook.1.${i.symbol}`,
  `publicTrade.${i.symbol}`,
];
const op = (name: 'subscribe' | 'unsubscribe', args: string[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < args.length; i += BYBIT_MAX_ARGS)
    out.push(JSON.stringify({ op: name, args: args.slice(i, i + BYBIT_MAX_ARGS) }));
  return out;
};

export const bybitAdapter: VenueAdapter = {
  venue: 'bybit' as VenueId,
  name: 'Bybit (linear)',
  capabilities: { fullDepthStream: true, bboStream: true, restDepth: true, trades: true },
  defaultWsUrl: BYBIT_WS_URL,
  defaultRestUrl: BYBIT_REST_URL,
  sync: { mode: 'stream-snapshot', rules: bybitRules, depth: BYBIT_BOOK_DEPTH },
  socket: {
    silenceMs: 30_000,
    keepalive: { everyMs: 20_000, payload: JSON.stringify({ op: 'ping' }) },
    maxSendPerSecond: 5,
  },
  snapshotLevels: BYBIT_BOOK_DEPTH,
  normalizeSymbol: (symbol) => symbol.toUpperCase(),
  subscribe: (instruments) => op('subscribe', instruments.flatMap(topics)),
  unsubscribe: (instruments) => op('unsubscribe', instruments.flatMap(topics)),
  resubscribe: (i) => [
    ...op('unsubscribe', [`orderbook.${BYBIT_BOOK_DEPTH}.${i.symbol}`]),
    ...op('subscribe', [`orderbook.${BYBIT_BOOK_DEPTH}.${i.symbol}`]),
  ],
  parse: parseBybitFrame,
  async fetchSnapshot(rest, instrument, levels) {
    const response = await rest.get(BYBIT_PATHS.orderbook, {
      category: BYBIT_CATEGORY,
      symbol: instrument.symbol,
      limit: Math.min(500, Math.max(1, levels)),
    });
    return response.ok ? parseRestOrderbook(response.value.body) : response;
  },
  async fetchInstruments(rest): Promise<Result<readonly Instrument[]>> {
    const all: Instrument[] = [];
    let cursor = '';
    for (let page = 0; page < 10; page++) {
      const response = await rest.get(BYBIT_PATHS.instruments, {
        category: BYBIT_CATEGORY,
        limit: 1000,
        ...(cursor ? { cursor } : {}),
      });
      if (!response.ok) return response;
      const parsed = parseInstrumentsPage('bybit' as VenueId, response.value.body);
      if (!parsed.ok) return parsed;
      all.push(...parsed.value.instruments);
      cursor = parsed.value.cursor;
      if (!cursor) break;
    }
    return ok(all);
  },
};

export function createBybitConnector(env: ConnectorEnv): StreamConnector {
  return new StreamConnector(bybitAdapter, env);
}

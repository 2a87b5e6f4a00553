/**
 * OKX v5: the `books` channel (snapshot then deltas, seqId/prevSeqId continuity, legacy checksum
 * verified when non-zero), `trades` prints and `tickers` BBOs on one public socket. Recovery is a
 * resubscribe of `books`, which makes OKX send a fresh snapshot.
 */
import type { VenueId } from '../../../src-shared/domain';
import { ok, type Result } from '../../../src-shared/result';
import { okxRules, StreamConnector, type ConnectorEnv, type Instrument, type VenueAdapter } from '../kit';
import { parseInstruments, parseOkxFrame, parseRestBooks, verifyOkxChecksum } from './parse';
import { OKX_BOOK_DEPTH, OKX_INST_TYPES, OKX_PATHS, OKX_REST_URL, OKX_WS_URL } from './urls';

const op = (name: 'subscribe' | 'unsubscribe', args: Array<{ channel: string; instId: string }>): string[] =>
  args.length === 0 ? [] : [JSON.stringify({ op: name, args })];
const channels = (instruments: readonly Instrument[]) =>
  instruments.flatMap((i) =>
    ['books', 'trades', 'tickers'].map((channel) => ({ channel, instId: i.symbol })),
  );

export const okxAdapter: VenueAdapter = {
  venue: 'okx' as VenueId,
  name: 'OKX',
  capabilities: { fullDepthStream: true, bboStream: true, restDepth: true, trades: true },
  defaultWsUrl: OKX_WS_URL,
  defaultRestUrl: OKX_REST_URL,
  sync: { mode: 'stream-snapshot', rules: okxRules, depth: OKX_BOOK_DEPTH, verify: verifyOkxChecksum },
  // OKX drops a connection with nothing pushed for 30 s; a text "ping" keeps quiet ones alive.
  socket: { silenceMs: 30_000, keepalive: { everyMs: 20_000, payload: 'ping' }, maxSendPerSecond: 3 },
  snapshotLevels: OKX_BOOK_DEPTH,
  normalizeSymbol: (symbol) => symbol.toUpperCase(),
  subscribe: (instruments) => op('subscribe', channels(instruments)),
  unsubscribe: (instruments) => op('unsubscribe', channels(instruments)),
  resubscribe: (i) => [
    ...op('unsubscribe', [{ channel: 'books', instId: i.symbol }]),
    ...op('subscribe', [{ channel: 'books', instId: i.symbol }]),
  ],
  parse: parseOkxFrame,
  async fetchSnapshot(rest, instrument, levels) {
    const response = await rest.get(OKX_PATHS.books, {
      instId: instrument.symbol,
      sz: Math.min(OKX_BOOK_DEPTH, Math.max(1, levels)),
    });
    return response.ok ? parseRestBooks(response.value.body) : response;
  },
  async fetchInstruments(rest): Promise<Result<readonly Instrument[]>> {
    const all: Instrument[] = [];
    for (const instType of OKX_INST_TYPES) {
      const response = await rest.get(OKX_PATHS.instruments, { instType });
      if (!response.ok) return response;
      const parsed = parseInstruments('okx' as VenueId, response.value.body);
      if (!parsed.ok) return parsed;
      all.push(...parsed.value);
    }
    return ok(all);
  },
};

export function createOkxConnector(env: ConnectorEnv): StreamConnector {
  return new StreamConnector(okxAdapter, env);
}

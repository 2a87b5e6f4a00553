/**
 * The Binance protocol family as one adapter factory: Binance Spot, Binance USD-M and Aster speak
 * the same frames, SUBSCRIBE method and REST shapes and differ in URLs, limits, stream names and
 * sequence rules, which each venue folder supplies as a spec.
 */
import type { z } from 'zod';
import { ok, type Result } from '../../../src-shared/result';
import type { VenueId } from '../../../src-shared/domain';
import type {
  DepthMessage,
  Instrument,
  SequenceRules,
  StreamFrame,
  VenueAdapter,
  VenueCapabilities,
} from '../kit';
import { SpotBookTicker } from './messages';
import { parseBinanceFrame, parseExchangeInfo, parseRestDepth, type DepthSpec } from './parse';

export interface BinanceFamilySpec<S extends z.ZodType> {
  readonly venue: VenueId;
  readonly name: string;
  readonly capabilities: VenueCapabilities;
  readonly defaultWsUrl: string;
  readonly defaultRestUrl: string;
  readonly paths: { readonly depth: string; readonly exchangeInfo: string };
  readonly depthLimit: (levels: number) => number;
  readonly snapshotLevels: number;
  readonly rules: SequenceRules;
  readonly depth: DepthSpec<S>;
  readonly bookTicker?: typeof SpotBookTicker;
  /** Stream names on the primary socket for one lower-cased symbol. */
  readonly streams: (symbol: string) => string[];
  readonly secondary?: { url(primary: string): string; streams: (symbol: string) => string[] };
  readonly maxSendPerSecond: number;
}

const MAX_PARAMS = 200;

export function binanceFamilyAdapter<S extends z.ZodType>(spec: BinanceFamilySpec<S>): VenueAdapter {
  let nextId = 1;
  const method = (name: 'SUBSCRIBE' | 'UNSUBSCRIBE', params: string[]): string[] => {
    const out: string[] = [];
    for (let i = 0; i < params.length; i += MAX_PARAMS) {
      out.push(JSON.stringify({ method: name, params: params.slice(i, i + MAX_PARAMS), id: nextId++ }));
    }
    return out;
  };
  const names = (instruments: readonly Instrument[], streams: (s: string) => string[]) =>
    instruments.flatMap((i) => streams(i.symbol.toLowerCase()));
  const secondary = spec.secondary;
  return {
    venue: spec.venue,
    name: spec.name,
    capabilities: spec.capabilities,
    defaultWsUrl: spec.defaultWsUrl,
    defaultRestUrl: spec.defaultRestUrl,
    ...(spec.capabilities.fullDepthStream
      ? { sync: { mode: 'rest-snapshot' as const, rules: spec.rules } }
      : {}),
    socket: { silenceMs: 30_000, protocolPingMs: 10_000, maxSendPerSecond: spec.maxSendPerSecond },
    ...(secondary
      ? {
          secondary: {
            url: secondary.url,
            subscribe: (instruments: readonly Instrument[]) =>
              method('SUBSCRIBE', names(instruments, secondary.streams)),
            unsubscribe: (instruments: readonly Instrument[]) =>
              method('UNSUBSCRIBE', names(instruments, secondary.streams)),
          },
        }
      : {}),
    snapshotLevels: spec.snapshotLevels,
    normalizeSymbol: (symbol) => symbol.toUpperCase(),
    subscribe: (instruments) => method('SUBSCRIBE', names(instruments, spec.streams)),
    unsubscribe: (instruments) => method('UNSUBSCRIBE', names(instruments, spec.streams)),
    parse: (text): Result<readonly StreamFrame[], string> =>
      parseBinanceFrame(text, spec.depth, spec.bookTicker ?? SpotBookTicker),
    async fetchSnapshot(rest, instrument, levels): Promise<Result<DepthMessage>> {
      const response = await rest.get(spec.paths.depth, {
        symbol: instrument.symbol,
        limit: spec.depthLimit(levels),
      });
      return response.ok ? parseRestDepth(response.value.body) : response;
    },
    async fetchInstruments(rest): Promise<Result<readonly Instrument[]>> {
      const response = await rest.get(spec.paths.exchangeInfo);
      if (!response.ok) return response;
      const parsed = parseExchangeInfo(spec.venue, response.value.body);
      return parsed.ok ? ok(parsed.value) : parsed;
    },
  };
}

/**
 * Binance frame parsing, shared by spot, USD-M and Aster (Binance-compatible). Maps raw frames to
 * the kit's StreamFrames: depth deltas with U/u (and pu on futures), bookTicker BBOs, aggTrade
 * prints. REST depth becomes a snapshot DepthMessage whose `last` is lastUpdateId.
 */
import type { z } from 'zod';
import { appError, err, ok, type Result } from '../../../src-shared/result';
import type { DecimalString, VenueId } from '../../../src-shared/domain';
import type { RawLevel } from '../../core/book';
import { Grid } from '../../core/num';
import type { DepthMessage, Instrument, StreamFrame } from '../kit';
import {
  AggTrade,
  CombinedFrame,
  ExchangeInfo,
  MethodError,
  MethodReply,
  RestDepth,
  SpotBookTicker,
} from './messages';

export const levels = (tuples: ReadonlyArray<readonly [string, string]>): RawLevel[] =>
  tuples.map(([price, size]) => ({ price, size }));

/** A depth-update schema and how to map it (spot has no pu). */
export interface DepthSpec<S extends z.ZodType> {
  readonly schema: S;
  readonly toMessage: (data: z.output<S>) => { symbol: string; message: DepthMessage };
}

export function parseBinanceFrame<S extends z.ZodType>(
  text: string,
  depth: DepthSpec<S>,
  bookTicker: z.ZodType<{
    u: number;
    s: string;
    b: string;
    B: string;
    a: string;
    A: string;
    E?: number;
  }> = SpotBookTicker,
): Result<readonly StreamFrame[], string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('not JSON');
  }
  const envelope = CombinedFrame.safeParse(raw);
  const data = envelope.success ? envelope.data.data : raw;
  const stream = envelope.success ? envelope.data.stream : '';
  const kind = typeof data === 'object' && data !== null ? (data as { e?: unknown }).e : undefined;

  if (kind === 'depthUpdate') {
    const parsed = depth.schema.safeParse(data);
    if (!parsed.success) return err(`depthUpdate: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const { symbol, message } = depth.toMessage(parsed.data);
    return ok([{ kind: 'depth', symbol, message }]);
  }
  if (kind === 'aggTrade') {
    const parsed = AggTrade.safeParse(data);
    if (!parsed.success) return err('aggTrade: invalid');
    const t = parsed.data;
    return ok([
      {
        kind: 'trades',
        symbol: t.s,
        trades: [
          {
            symbol: t.s,
            id: String(t.a),
            price: t.p as DecimalString,
            size: t.q as DecimalString,
            // m: the buyer is the maker, so the taker sold.
            side: t.m ? 'sell' : 'buy',
            time: t.T,
          },
        ],
      },
    ]);
  }
  if (kind === 'bookTicker' || stream.endsWith('@bookTicker')) {
    const parsed = bookTicker.safeParse(data);
    if (!parsed.success) return err('bookTicker: invalid');
    const t = parsed.data;
    return ok([
      {
        kind: 'bbo',
        symbol: t.s,
        bbo: {
          bidPrice: t.b as DecimalString,
          bidSize: t.B as DecimalString,
          askPrice: t.a as DecimalString,
          askSize: t.A as DecimalString,
          id: t.u,
          ...(t.E === undefined ? {} : { venueTime: t.E }),
        },
      },
    ]);
  }
  if (MethodError.safeParse(data).success) {
    return ok([{ kind: 'venue-error', message: (data as z.output<typeof MethodError>).error.msg }]);
  }
  if (MethodReply.safeParse(data).success) return ok([{ kind: 'control', note: 'reply' }]);
  if (typeof kind === 'string') return ok([{ kind: 'control', note: kind }]);
  return err('unrecognised frame');
}

export function parseRestDepth(body: unknown): Result<DepthMessage> {
  const parsed = RestDepth.safeParse(body);
  if (!parsed.success) return err(appError('UNAVAILABLE', 'depth snapshot has an unexpected shape'));
  const d = parsed.data;
  return ok({
    kind: 'snapshot',
    bids: levels(d.bids),
    asks: levels(d.asks),
    last: d.lastUpdateId,
    ...(d.E === undefined ? {} : { venueTime: d.E }),
  });
}

export function parseExchangeInfo(venue: VenueId, body: unknown): Result<readonly Instrument[]> {
  const parsed = ExchangeInfo.safeParse(body);
  if (!parsed.success) return err(appError('UNAVAILABLE', 'exchangeInfo has an unexpected shape'));
  const out: Instrument[] = [];
  for (const s of parsed.data.symbols) {
    if (s.status !== undefined && s.status !== 'TRADING') continue;
    const tick = s.filters.find((f) => f.filterType === 'PRICE_FILTER')?.tickSize;
    const lot = s.filters.find((f) => f.filterType === 'LOT_SIZE')?.stepSize;
    if (!tick || !lot) continue;
    try {
      const grid = new Grid({ tickSize: tick as DecimalString, lotSize: lot as DecimalString });
      out.push({
        venue,
        symbol: s.symbol,
        base: s.baseAsset,
        quote: s.quoteAsset,
        tickSize: grid.price.fromSteps(1),
        lotSize: grid.size.fromSteps(1),
        grid,
      });
    } catch {
      // A zero or malformed step: not an instrument we can keep a book for.
    }
  }
  return ok(out);
}

/**
 * Kraken v2 parsing and checksum. Numbers are quoted from the raw text before JSON.parse (and
 * exponent forms written out exactly) so prices stay decimal strings. The book checksum is
 * CRC-32 (unsigned) over the top 10 asks then the top 10 bids, each price and quantity written
 * with the pair's precision, the '.' removed and leading zeros stripped; it is verified after
 * every message, after truncation to the subscribed depth.
 */
import { appError, err, ok, type Result } from '../../../src-shared/result';
import type { DecimalString, VenueId } from '../../../src-shared/domain';
import { crc32, type BookError, type BookLevel, type L2Book, type RawLevel } from '../../core/book';
import { Dec, fromScaledFixed, Grid } from '../../core/num';
import type { DepthMessage, Instrument, StreamFrame } from '../kit';
import { AssetPairs, BookFrame, MethodReply, RestDepth, TickerFrame, TradeFrame } from './messages';
import { KRAKEN_CHECKSUM_LEVELS, v2Asset } from './urls';

const NUMERIC_FIELDS = /"(price|qty|bid|bid_qty|ask|ask_qty)":(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)/g;

/** JSON.parse that keeps price/quantity numbers as their exact decimal text. */
export function parseExact(text: string): unknown {
  return JSON.parse(
    text.replace(
      NUMERIC_FIELDS,
      (_m, key: string, num: string) => `"${key}":"${/[eE]/.test(num) ? new Dec(num).toFixed() : num}"`,
    ),
  );
}

const levels = (xs: ReadonlyArray<{ price: string; qty: string }>): RawLevel[] =>
  xs.map((l) => ({ price: l.price, size: l.qty }));

export function parseKrakenFrame(text: string): Result<readonly StreamFrame[], string> {
  let raw: unknown;
  try {
    raw = parseExact(text);
  } catch {
    return err('not JSON');
  }
  const channel = (raw as { channel?: unknown } | null)?.channel;
  if (channel === 'book') {
    const parsed = BookFrame.safeParse(raw);
    if (!parsed.success) return err(`book: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    return ok(
      parsed.data.data.map((d): StreamFrame => {
        const venueTime =
          d.timestamp === undefined ? Number.NaN : Date.parse(d.timestamp.replace(/(\.\d{3})\d+/, '$1'));
        return {
          kind: 'depth',
          symbol: d.symbol,
          message: {
            kind: parsed.data.type === 'snapshot' ? 'snapshot' : 'delta',
            bids: levels(d.bids),
            asks: levels(d.asks),
            checksum: d.checksum,
            ...(Number.isNaN(venueTime) ? {} : { venueTime }),
          },
        };
      }),
    );
  }
  if (channel === 'trade') {
    const parsed = TradeFrame.safeParse(raw);
    if (!parsed.success) return err('trade: invalid');
    return ok(
      parsed.data.data.map((t) => ({
        kind: 'trades' as const,
        symbol: t.symbol,
        trades: [
          {
            symbol: t.symbol,
            id: String(t.trade_id),
            price: t.price as DecimalString,
            size: t.qty as DecimalString,
            side: t.side,
            time: Date.parse(t.timestamp.replace(/(\.\d{3})\d+/, '$1')) || 0,
          },
        ],
      })),
    );
  }
  if (channel === 'ticker') {
    const parsed = TickerFrame.safeParse(raw);
    if (!parsed.success) return err('ticker: invalid');
    return ok(
      parsed.data.data.map((t) => ({
        kind: 'bbo' as const,
        symbol: t.symbol,
        bbo: {
          bidPrice: t.bid as DecimalString,
          bidSize: t.bid_qty as DecimalString,
          askPrice: t.ask as DecimalString,
          askSize: t.ask_qty as DecimalString,
        },
      })),
    );
  }
  if (channel === 'heartbeat' || channel === 'status')
    return ok([{ kind: 'control', note: String(channel) }]);
  const reply = MethodReply.safeParse(raw);
  if (reply.success) {
    return ok([
      reply.data.success === false
        ? { kind: 'venue-error', message: `${reply.data.method}: ${reply.data.error ?? 'failed'}` }
        : { kind: 'control', note: reply.data.method },
    ]);
  }
  return err('unrecognised frame');
}

/** The Kraken v2 checksum string of a book (top 10 asks, then top 10 bids). */
export function krakenChecksumString(book: L2Book): string {
  const { price, size } = book.grid;
  const field = (value: bigint, decimals: number) =>
    fromScaledFixed(value, decimals).replace('.', '').replace(/^0+/, '');
  const part = (l: BookLevel) =>
    field(BigInt(l.ticks) * price.units, price.decimals) + field(BigInt(l.lots) * size.units, size.decimals);
  return [
    ...book.asks.top(KRAKEN_CHECKSUM_LEVELS).map(part),
    ...book.bids.top(KRAKEN_CHECKSUM_LEVELS).map(part),
  ].join('');
}

export function verifyKrakenChecksum(book: L2Book, message: DepthMessage): BookError | null {
  if (message.checksum === undefined) return null;
  const actual = crc32(krakenChecksumString(book));
  return actual === message.checksum ? null : { kind: 'checksum', expected: message.checksum, actual };
}

export function parseRestDepth(body: unknown): Result<DepthMessage> {
  const parsed = RestDepth.safeParse(body);
  const book =
    parsed.success && parsed.data.error.length === 0 ? Object.values(parsed.data.result)[0] : undefined;
  if (!book) return err(appError('UNAVAILABLE', 'Kraken Depth response has an unexpected shape'));
  const side = (xs: ReadonlyArray<readonly [string, string, number]>): RawLevel[] =>
    xs.map(([price, size]) => ({ price, size }));
  return ok({ kind: 'snapshot', bids: side(book.bids), asks: side(book.asks) });
}

export function parseAssetPairs(venue: VenueId, body: unknown): Result<Instrument[]> {
  const parsed = AssetPairs.safeParse(body);
  if (!parsed.success || parsed.data.error.length > 0) {
    return err(appError('UNAVAILABLE', 'Kraken AssetPairs response has an unexpected shape'));
  }
  const step = (decimals: number) =>
    (decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`) as DecimalString;
  const out: Instrument[] = [];
  for (const pair of Object.values(parsed.data.result)) {
    if (!pair.wsname || (pair.status !== undefined && pair.status !== 'online')) continue;
    const [base = '', quote = ''] = pair.wsname.split('/').map(v2Asset);
    // The checksum writes prices with pair_decimals and sizes with lot_decimals: the grid's own.
    const grid = new Grid({ tickSize: step(pair.pair_decimals), lotSize: step(pair.lot_decimals) });
    out.push({
      venue,
      symbol: `${base}/${quote}`,
      base,
      quote,
      tickSize: (pair.tick_size as DecimalString | undefined) ?? grid.price.fromSteps(1),
      lotSize: grid.size.fromSteps(1),
      grid,
    });
  }
  return ok(out);
}

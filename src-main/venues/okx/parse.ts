/**
 * OKX frame parsing. A books frame may carry several data elements; each becomes one
 * DepthMessage, in order. seqId/prevSeqId map to last/prev; a checksum of 0 (the live value since
 * 2026-06-23) means "no checksum" and is never compared, while a real one is verified.
 */
import { appError, err, ok, type Result } from '../../../src-shared/result';
import type { DecimalString, VenueId } from '../../../src-shared/domain';
import { okxChecksum, type BookError, type L2Book, type RawLevel } from '../../core/book';
import { Grid } from '../../core/num';
import type { DepthMessage, Instrument, StreamFrame } from '../kit';
import { BooksFrame, EventFrame, RestBooks, RestInstruments, TickersFrame, TradesFrame } from './messages';

const levels = (raw: ReadonlyArray<readonly [string, string, string, string]>): RawLevel[] =>
  raw.map(([price, size, , count]) => ({ price, size, count: Number(count) }));

export function parseOkxFrame(text: string): Result<readonly StreamFrame[], string> {
  if (text === 'pong') return ok([{ kind: 'control', note: 'pong' }]);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('not JSON');
  }
  const channel = (raw as { arg?: { channel?: unknown } } | null)?.arg?.channel;
  if (typeof raw === 'object' && raw !== null && 'event' in raw) {
    const event = EventFrame.safeParse(raw);
    if (!event.success) return err('event: invalid');
    if (event.data.event === 'error') {
      return ok([
        { kind: 'venue-error', message: `${event.data.code ?? ''} ${event.data.msg ?? ''}`.trim() },
      ]);
    }
    return ok([{ kind: 'control', note: event.data.event }]);
  }
  if (channel === 'books') {
    const parsed = BooksFrame.safeParse(raw);
    if (!parsed.success) return err(`books: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const { arg, action, data } = parsed.data;
    return ok(
      data.map((d): StreamFrame => {
        const message: DepthMessage = {
          kind: action === 'snapshot' ? 'snapshot' : 'delta',
          bids: levels(d.bids),
          asks: levels(d.asks),
          venueTime: Number(d.ts),
          ...(d.seqId === undefined ? {} : { last: d.seqId }),
          ...(d.prevSeqId === undefined || action === 'snapshot' ? {} : { prev: d.prevSeqId }),
          ...(d.checksum ? { checksum: d.checksum } : {}),
        };
        return { kind: 'depth', symbol: arg.instId, message };
      }),
    );
  }
  if (channel === 'trades') {
    const parsed = TradesFrame.safeParse(raw);
    if (!parsed.success) return err('trades: invalid');
    return ok([
      {
        kind: 'trades',
        symbol: parsed.data.arg.instId,
        trades: parsed.data.data.map((t) => ({
          symbol: t.instId,
          id: t.tradeId,
          price: t.px as DecimalString,
          size: t.sz as DecimalString,
          side: t.side,
          time: Number(t.ts),
        })),
      },
    ]);
  }
  if (channel === 'tickers') {
    const parsed = TickersFrame.safeParse(raw);
    if (!parsed.success) return err('tickers: invalid');
    return ok(
      parsed.data.data.map((t) => ({
        kind: 'bbo' as const,
        symbol: t.instId,
        bbo: {
          bidPrice: (t.bidPx || null) as DecimalString | null,
          bidSize: (t.bidSz || null) as DecimalString | null,
          askPrice: (t.askPx || null) as DecimalString | null,
          askSize: (t.askSz || null) as DecimalString | null,
          venueTime: Number(t.ts),
        },
      })),
    );
  }
  return err('unrecognised frame');
}

/** Verifies a real (non-zero) checksum over the top 25 levels as received. */
export function verifyOkxChecksum(book: L2Book, message: DepthMessage): BookError | null {
  if (!message.checksum) return null;
  const actual = okxChecksum(book);
  return actual === message.checksum ? null : { kind: 'checksum', expected: message.checksum, actual };
}

export function parseRestBooks(body: unknown): Result<DepthMessage> {
  const parsed = RestBooks.safeParse(body);
  const book = parsed.success && parsed.data.code === '0' ? parsed.data.data[0] : undefined;
  if (!book) return err(appError('UNAVAILABLE', 'OKX books response has an unexpected shape'));
  return ok({
    kind: 'snapshot',
    bids: levels(book.bids),
    asks: levels(book.asks),
    venueTime: Number(book.ts),
  });
}

export function parseInstruments(venue: VenueId, body: unknown): Result<Instrument[]> {
  const parsed = RestInstruments.safeParse(body);
  if (!parsed.success || parsed.data.code !== '0') {
    return err(appError('UNAVAILABLE', 'OKX instruments response has an unexpected shape'));
  }
  const out: Instrument[] = [];
  for (const i of parsed.data.data) {
    if (i.state !== undefined && i.state !== 'live') continue;
    try {
      const grid = new Grid({ tickSize: i.tickSz as DecimalString, lotSize: i.lotSz as DecimalString });
      const [base = '', quote = ''] = i.instId.split('-');
      out.push({
        venue,
        symbol: i.instId,
        base: i.baseCcy || i.ctValCcy || base,
        quote: i.quoteCcy || i.settleCcy || quote,
        tickSize: grid.price.fromSteps(1),
        lotSize: grid.size.fromSteps(1),
        grid,
      });
    } catch {
      // Unusable steps: skip the instrument.
    }
  }
  return ok(out);
}

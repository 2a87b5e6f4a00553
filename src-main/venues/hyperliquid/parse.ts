/**
 * Hyperliquid parsing. l2Book is snapshot-only: every push is the whole top-20 book, loaded by
 * replacement and ordered by `time` (no sequence ids, no checksum, so no gap is possible).
 */
import { appError, err, ok, type Result } from '../../../src-shared/result';
import type { DecimalString, VenueId } from '../../../src-shared/domain';
import type { RawLevel } from '../../core/book';
import { Grid } from '../../core/num';
import type { DepthMessage, Instrument, StreamFrame } from '../kit';
import { Envelope, Meta, WsBbo, WsBook, WsTrades } from './messages';
import { PERP_MAX_DECIMALS } from './urls';

const levels = (raw: ReadonlyArray<{ px: string; sz: string; n: number }>): RawLevel[] =>
  raw.map((l) => ({ price: l.px, size: l.sz, count: l.n }));

export function bookMessage(data: unknown): Result<{ coin: string; message: DepthMessage }, string> {
  const parsed = WsBook.safeParse(data);
  if (!parsed.success) return err(`l2Book: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const {
    coin,
    time,
    levels: [bids, asks],
  } = parsed.data;
  return ok({
    coin,
    message: { kind: 'snapshot', bids: levels(bids), asks: levels(asks), last: time, venueTime: time },
  });
}

export function parseHyperliquidFrame(text: string): Result<readonly StreamFrame[], string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('not JSON');
  }
  const envelope = Envelope.safeParse(raw);
  if (!envelope.success) return err('unrecognised frame');
  const { channel, data } = envelope.data;
  switch (channel) {
    case 'l2Book': {
      const book = bookMessage(data);
      return book.ok ? ok([{ kind: 'depth', symbol: book.value.coin, message: book.value.message }]) : book;
    }
    case 'bbo': {
      const parsed = WsBbo.safeParse(data);
      if (!parsed.success) return err('bbo: invalid');
      const [bid, ask] = parsed.data.bbo;
      return ok([
        {
          kind: 'bbo',
          symbol: parsed.data.coin,
          bbo: {
            bidPrice: (bid?.px ?? null) as DecimalString | null,
            bidSize: (bid?.sz ?? null) as DecimalString | null,
            askPrice: (ask?.px ?? null) as DecimalString | null,
            askSize: (ask?.sz ?? null) as DecimalString | null,
            venueTime: parsed.data.time,
          },
        },
      ]);
    }
    case 'trades': {
      const parsed = WsTrades.safeParse(data);
      if (!parsed.success) return err('trades: invalid');
      const coin = parsed.data[0]?.coin;
      if (coin === undefined) return ok([{ kind: 'control', note: 'empty trades' }]);
      return ok([
        {
          kind: 'trades',
          symbol: coin,
          trades: parsed.data.map((t) => ({
            symbol: t.coin,
            // tid alone is a 50-bit hash; (time, coin, tid) is the documented unique id.
            id: `${t.time}-${t.tid}`,
            price: t.px as DecimalString,
            size: t.sz as DecimalString,
            side: t.side === 'B' ? 'buy' : 'sell',
            time: t.time,
          })),
        },
      ]);
    }
    case 'error':
      return ok([{ kind: 'venue-error', message: String(data) }]);
    case 'pong':
    case 'subscriptionResponse':
      return ok([{ kind: 'control', note: channel }]);
    default:
      return ok([{ kind: 'control', note: channel }]);
  }
}

export function parseMeta(venue: VenueId, body: unknown): Result<Instrument[]> {
  const parsed = Meta.safeParse(body);
  if (!parsed.success) return err(appError('UNAVAILABLE', 'Hyperliquid meta has an unexpected shape'));
  const out: Instrument[] = [];
  for (const asset of parsed.data.universe) {
    if (asset.isDelisted) continue;
    const priceDecimals = Math.max(0, PERP_MAX_DECIMALS - asset.szDecimals);
    const step = (decimals: number) =>
      (decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`) as DecimalString;
    const grid = new Grid({ tickSize: step(priceDecimals), lotSize: step(asset.szDecimals) });
    out.push({
      venue,
      symbol: asset.name,
      base: asset.name,
      quote: 'USDC',
      tickSize: grid.price.fromSteps(1),
      lotSize: grid.size.fromSteps(1),
      grid,
    });
  }
  return ok(out);
}

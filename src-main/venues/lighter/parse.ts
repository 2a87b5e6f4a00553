/**
 * Lighter parsing. Frames name markets by id (`order_book:1` -> ref "1"). The snapshot is the
 * `subscribed/order_book` frame; updates chain by `begin_nonce == previous nonce` (offsets are
 * not contiguous and are ignored). REST orderBookOrders lists individual orders, summed per price
 * here on the instrument's lot grid, exactly.
 */
import { appError, err, ok, type Result } from '../../../src-shared/result';
import type { DecimalString, VenueId } from '../../../src-shared/domain';
import type { RawLevel } from '../../core/book';
import { Grid } from '../../core/num';
import type { DepthMessage, Instrument, StreamFrame } from '../kit';
import {
  ErrorFrame,
  OrderBookDetails,
  OrderBookFrame,
  OrderBookOrders,
  TickerFrame,
  TradeFrame,
} from './messages';

const ref = (channel: string) => channel.slice(channel.indexOf(':') + 1);

export function parseLighterFrame(text: string): Result<readonly StreamFrame[], string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('not JSON');
  }
  const type = (raw as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return err('unrecognised frame');
  if (type.endsWith('/order_book')) {
    const parsed = OrderBookFrame.safeParse(raw);
    if (!parsed.success) return err(`order_book: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const { order_book: book, timestamp } = parsed.data;
    const message: DepthMessage = {
      kind: type === 'subscribed/order_book' ? 'snapshot' : 'delta',
      bids: book.bids.map((l): RawLevel => ({ price: l.price, size: l.size })),
      asks: book.asks.map((l): RawLevel => ({ price: l.price, size: l.size })),
      last: book.nonce,
      ...(book.begin_nonce === undefined ? {} : { prev: book.begin_nonce }),
      ...(timestamp === undefined ? {} : { venueTime: timestamp }),
    };
    return ok([{ kind: 'depth', symbol: ref(parsed.data.channel), message }]);
  }
  if (type.endsWith('/trade')) {
    const parsed = TradeFrame.safeParse(raw);
    if (!parsed.success) return err('trade: invalid');
    const market = ref(parsed.data.channel);
    return ok([
      {
        kind: 'trades',
        symbol: market,
        trades: parsed.data.trades.map((t) => ({
          symbol: market,
          id: String(t.trade_id),
          price: t.price as DecimalString,
          size: t.size as DecimalString,
          // The maker sat on the ask, so the taker bought.
          side: t.is_maker_ask ? 'buy' : 'sell',
          time: t.timestamp < 1e12 ? t.timestamp * 1000 : t.timestamp,
        })),
      },
    ]);
  }
  if (type.endsWith('/ticker')) {
    const parsed = TickerFrame.safeParse(raw);
    if (!parsed.success) return err('ticker: invalid');
    const { a, b } = parsed.data.ticker;
    return ok([
      {
        kind: 'bbo',
        symbol: ref(parsed.data.channel),
        bbo: {
          bidPrice: (b?.price ?? null) as DecimalString | null,
          bidSize: (b?.size ?? null) as DecimalString | null,
          askPrice: (a?.price ?? null) as DecimalString | null,
          askSize: (a?.size ?? null) as DecimalString | null,
          ...(parsed.data.nonce === undefined ? {} : { id: parsed.data.nonce }),
          ...(parsed.data.timestamp === undefined ? {} : { venueTime: parsed.data.timestamp }),
        },
      },
    ]);
  }
  if (type === 'error') {
    const parsed = ErrorFrame.safeParse(raw);
    return ok([
      {
        kind: 'venue-error',
        message: parsed.success ? `${parsed.data.error.code} ${parsed.data.error.message}` : 'error',
      },
    ]);
  }
  return ok([{ kind: 'control', note: type }]);
}

const step = (decimals: number) => (decimals === 0 ? '1' : `0.${'0'.repeat(decimals - 1)}1`) as DecimalString;

export function parseDetails(venue: VenueId, body: unknown): Result<Instrument[]> {
  const parsed = OrderBookDetails.safeParse(body);
  if (!parsed.success)
    return err(appError('UNAVAILABLE', 'Lighter orderBookDetails has an unexpected shape'));
  const all = [...(parsed.data.order_book_details ?? []), ...(parsed.data.spot_order_book_details ?? [])];
  return ok(
    all
      .filter((d) => d.status === undefined || d.status === 'active')
      .map((d): Instrument => {
        const grid = new Grid({ tickSize: step(d.price_decimals), lotSize: step(d.size_decimals) });
        const [base = d.symbol, quote = 'USDC'] = d.symbol.split('/');
        return {
          venue,
          symbol: d.symbol,
          base,
          quote,
          tickSize: grid.price.fromSteps(1),
          lotSize: grid.size.fromSteps(1),
          grid,
          ref: String(d.market_id),
        };
      }),
  );
}

/** Sums individual orders into levels. No nonce: usable for display fallback only. */
export function parseOrders(instrument: Instrument, body: unknown): Result<DepthMessage> {
  const parsed = OrderBookOrders.safeParse(body);
  if (!parsed.success) return err(appError('UNAVAILABLE', 'Lighter orderBookOrders has an unexpected shape'));
  const grid = instrument.grid;
  const sum = (
    orders: ReadonlyArray<{ price: string; remaining_base_amount: string }>,
  ): RawLevel[] | null => {
    const lots = new Map<string, number>();
    for (const order of orders) {
      const size = grid.sizeToLots(order.remaining_base_amount);
      if (!size.ok) return null;
      lots.set(order.price, (lots.get(order.price) ?? 0) + size.value);
    }
    return [...lots].map(([price, l]) => ({ price, size: grid.lotsToSize(l) }));
  };
  const bids = sum(parsed.data.bids);
  const asks = sum(parsed.data.asks);
  if (!bids || !asks) return err(appError('UNAVAILABLE', 'Lighter orders are off the lot grid'));
  return ok({ kind: 'snapshot', bids, asks });
}

/**
 * Coinbase Advanced Trade parsing. Each frame first yields its connection counter (the connector
 * checks it across all channels), then its content: level2 snapshot/update events per product
 * (`offer` is the ask side; quantities are absolute, "0" deletes), trades, ticker BBOs.
 */
import { appError, err, ok, type Result } from '../../../src-shared/result';
import type { DecimalString, VenueId } from '../../../src-shared/domain';
import type { RawLevel } from '../../core/book';
import { Grid } from '../../core/num';
import type { DepthMessage, Instrument, StreamFrame } from '../kit';
import {
  AnyChannelFrame,
  ErrorFrame,
  L2Frame,
  Products,
  ProductBook,
  TickerFrame,
  TradesFrame,
} from './messages';

/** ISO time with up to nanoseconds -> epoch ms (Date.parse only trusts milliseconds). */
export function isoMs(iso: string): number | undefined {
  const trimmed = iso.replace(/(\.\d{3})\d+/, '$1');
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

export function parseCoinbaseFrame(text: string): Result<readonly StreamFrame[], string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('not JSON');
  }
  const error = ErrorFrame.safeParse(raw);
  if (error.success) return ok([{ kind: 'venue-error', message: error.data.message }]);
  const envelope = AnyChannelFrame.safeParse(raw);
  if (!envelope.success) return err('unrecognised frame');
  const out: StreamFrame[] = [{ kind: 'connection-seq', seq: envelope.data.sequence_num }];
  switch (envelope.data.channel) {
    case 'l2_data': {
      const parsed = L2Frame.safeParse(raw);
      if (!parsed.success) return err(`l2_data: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
      const venueTime = isoMs(parsed.data.timestamp);
      for (const event of parsed.data.events) {
        const side = (s: 'bid' | 'offer'): RawLevel[] =>
          event.updates
            .filter((u) => u.side === s)
            .map((u) => ({ price: u.price_level, size: u.new_quantity }));
        const message: DepthMessage = {
          kind: event.type === 'snapshot' ? 'snapshot' : 'delta',
          bids: side('bid'),
          asks: side('offer'),
          ...(venueTime === undefined ? {} : { venueTime }),
        };
        out.push({ kind: 'depth', symbol: event.product_id, message });
      }
      return ok(out);
    }
    case 'market_trades': {
      const parsed = TradesFrame.safeParse(raw);
      if (!parsed.success) return err('market_trades: invalid');
      for (const event of parsed.data.events) {
        for (const t of event.trades) {
          out.push({
            kind: 'trades',
            symbol: t.product_id,
            trades: [
              {
                symbol: t.product_id,
                id: t.trade_id,
                price: t.price as DecimalString,
                size: t.size as DecimalString,
                side: t.side === 'BUY' ? 'buy' : 'sell',
                time: isoMs(t.time) ?? 0,
              },
            ],
          });
        }
      }
      return ok(out);
    }
    case 'ticker': {
      const parsed = TickerFrame.safeParse(raw);
      if (!parsed.success) return err('ticker: invalid');
      for (const event of parsed.data.events) {
        for (const t of event.tickers) {
          out.push({
            kind: 'bbo',
            symbol: t.product_id,
            bbo: {
              bidPrice: (t.best_bid ?? null) as DecimalString | null,
              bidSize: (t.best_bid_quantity ?? null) as DecimalString | null,
              askPrice: (t.best_ask ?? null) as DecimalString | null,
              askSize: (t.best_ask_quantity ?? null) as DecimalString | null,
            },
          });
        }
      }
      return ok(out);
    }
    default:
      out.push({ kind: 'control', note: envelope.data.channel });
      return ok(out);
  }
}

export function parseProductBook(body: unknown): Result<DepthMessage> {
  const parsed = ProductBook.safeParse(body);
  if (!parsed.success) return err(appError('UNAVAILABLE', 'Coinbase product_book has an unexpected shape'));
  const book = parsed.data.pricebook;
  const venueTime = book.time === undefined ? undefined : isoMs(book.time);
  const levels = (xs: ReadonlyArray<{ price: string; size: string }>): RawLevel[] =>
    xs.map((l) => ({ price: l.price, size: l.size }));
  return ok({
    kind: 'snapshot',
    bids: levels(book.bids),
    asks: levels(book.asks),
    ...(venueTime === undefined ? {} : { venueTime }),
  });
}

export function parseProducts(venue: VenueId, body: unknown): Result<Instrument[]> {
  const parsed = Products.safeParse(body);
  if (!parsed.success) return err(appError('UNAVAILABLE', 'Coinbase products have an unexpected shape'));
  const out: Instrument[] = [];
  for (const p of parsed.data.products) {
    if (p.trading_disabled || (p.status !== undefined && p.status !== 'online')) continue;
    try {
      const grid = new Grid({
        tickSize: (p.price_increment ?? p.quote_increment) as DecimalString,
        lotSize: p.base_increment as DecimalString,
      });
      const [base = '', quote = ''] = p.product_id.split('-');
      out.push({
        venue,
        symbol: p.product_id,
        base: p.base_currency_id ?? base,
        quote: p.quote_currency_id ?? quote,
        tickSize: grid.price.fromSteps(1),
        lotSize: grid.size.fromSteps(1),
        grid,
      });
    } catch {
      // Unusable increments: skip.
    }
  }
  return ok(out);
}

/**
 * Bybit v5 parsing: `orderbook.50.*` snapshots and deltas (u -> `last`; `u == 1` is a restart
 * the sync rules load as a snapshot), `orderbook.1.*` as the BBO, `publicTrade.*` prints.
 */
import { appError, err, ok, type Result } from '../../../src-shared/result';
import type { DecimalString, VenueId } from '../../../src-shared/domain';
import type { RawLevel } from '../../core/book';
import { Grid } from '../../core/num';
import type { DepthMessage, Instrument, StreamFrame } from '../kit';
import { OpReply, OrderbookFrame, RestInstruments, RestOrderbook, TradeFrame } from './messages';

const levels = (raw: ReadonlyArray<readonly [string, string]>): RawLevel[] =>
  raw.map(([price, size]) => ({ price, size }));

export function parseBybitFrame(text: string): Result<readonly StreamFrame[], string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('not JSON');
  }
  const topic = (raw as { topic?: unknown } | null)?.topic;
  if (typeof topic === 'string' && topic.startsWith('orderbook.')) {
    const parsed = OrderbookFrame.safeParse(raw);
    if (!parsed.success) return err(`orderbook: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    const { type, ts, data } = parsed.data;
    if (topic.startsWith('orderbook.1.')) {
      const [bid] = data.b;
      const [ask] = data.a;
      return ok([
        {
          kind: 'bbo',
          symbol: data.s,
          bbo: {
            bidPrice: (bid?.[0] ?? null) as DecimalString | null,
            bidSize: (bid?.[1] ?? null) as DecimalString | null,
            askPrice: (ask?.[0] ?? null) as DecimalString | null,
            askSize: (ask?.[1] ?? null) as DecimalString | null,
            id: data.u,
            venueTime: ts,
          },
        },
      ]);
    }
    const message: DepthMessage = {
      kind: type === 'snapshot' ? 'snapshot' : 'delta',
      bids: levels(data.b),
      asks: levels(data.a),
      last: data.u,
      venueTime: ts,
    };
    return ok([{ kind: 'depth', symbol: data.s, message }]);
  }
  if (typeof topic === 'string' && topic.startsWith('publicTrade.')) {
    const parsed = TradeFrame.safeParse(raw);
    if (!parsed.success) return err('publicTrade: invalid');
    const symbol = topic.slice('publicTrade.'.length);
    return ok([
      {
        kind: 'trades',
        symbol,
        trades: parsed.data.data.map((t) => ({
          symbol: t.s,
          id: t.i,
          price: t.p as DecimalString,
          size: t.v as DecimalString,
          side: t.S === 'Buy' ? 'buy' : 'sell',
          time: t.T,
        })),
      },
    ]);
  }
  const reply = OpReply.safeParse(raw);
  if (reply.success) {
    return ok([
      reply.data.success
        ? { kind: 'control', note: reply.data.op }
        : { kind: 'venue-error', message: `${reply.data.op}: ${reply.data.ret_msg ?? 'failed'}` },
    ]);
  }
  return err('unrecognised frame');
}

export function parseRestOrderbook(body: unknown): Result<DepthMessage> {
  const parsed = RestOrderbook.safeParse(body);
  if (!parsed.success || parsed.data.retCode !== 0) {
    return err(appError('UNAVAILABLE', 'Bybit orderbook response has an unexpected shape'));
  }
  const r = parsed.data.result;
  return ok({ kind: 'snapshot', bids: levels(r.b), asks: levels(r.a), last: r.u, venueTime: r.ts });
}

export function parseInstrumentsPage(
  venue: VenueId,
  body: unknown,
): Result<{ instruments: Instrument[]; cursor: string }> {
  const parsed = RestInstruments.safeParse(body);
  if (!parsed.success || parsed.data.retCode !== 0) {
    return err(appError('UNAVAILABLE', 'Bybit instruments response has an unexpected shape'));
  }
  const instruments: Instrument[] = [];
  for (const i of parsed.data.result.list) {
    if (i.status !== undefined && i.status !== 'Trading') continue;
    try {
      const grid = new Grid({
        tickSize: i.priceFilter.tickSize as DecimalString,
        lotSize: i.lotSizeFilter.qtyStep as DecimalString,
      });
      instruments.push({
        venue,
        symbol: i.symbol,
        base: i.baseCoin,
        quote: i.quoteCoin,
        tickSize: grid.price.fromSteps(1),
        lotSize: grid.size.fromSteps(1),
        grid,
      });
    } catch {
      // Unusable steps: skip.
    }
  }
  return ok({ instruments, cursor: parsed.data.result.nextPageCursor ?? '' });
}

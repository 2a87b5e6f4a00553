/**
 * Builders for every server message, from the ports' views (camelCase) to the wire (snake_case,
 * decimal strings). Pure functions; optional fields are left out rather than sent as null. The
 * shapes are those of server-messages.ts (tests validate every emitted message against them).
 */
import type { L2BookUpdate, MarketTrade } from '../market-data-port';
import type {
  AgentSummary,
  BookView,
  CanceledOrder,
  CancelReason,
  FillView,
  InstrumentSpec,
  NewsItem,
  OrderView,
  PortfolioView,
  TradeView,
} from '../venue-port';
import type { ReqId } from './client-messages';
import type { GatewayError } from './errors';
import type { ServerMessageOf } from './server-messages';

/** Copies only the defined entries, so optional fields are absent instead of undefined. */
function opt<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const key in fields) if (fields[key] !== undefined) out[key] = fields[key];
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}

export function errorMessage(
  error: GatewayError,
  echo: { request?: string | undefined; reqId?: ReqId | undefined; clientOrderId?: string | undefined },
): ServerMessageOf<'error'> {
  return {
    type: 'error',
    code: error.code,
    msg: error.msg,
    ...opt({ request: echo.request, client_order_id: echo.clientOrderId, req_id: echo.reqId }),
  };
}

function orderFields(order: OrderView) {
  return {
    order_id: order.orderId,
    agent_id: order.agentId,
    ...opt({ client_order_id: order.clientOrderId, price: order.price }),
    symbol_id: order.symbol,
    side: order.side,
    order_type: order.orderType,
    time_in_force: order.timeInForce,
    quantity: order.quantity,
    filled_quantity: order.filledQuantity,
    remaining_quantity: order.remainingQuantity,
    status: order.status,
    time: order.time,
  };
}

export function orderResponse(order: OrderView, reqId: ReqId | undefined): ServerMessageOf<'order_response'> {
  return { type: 'order_response', ...orderFields(order), ...opt({ req_id: reqId }) };
}

export function orderPlaced(order: OrderView): ServerMessageOf<'order_placed'> {
  return { type: 'order_placed', ...orderFields(order) };
}

export function orderFilled(fill: FillView): ServerMessageOf<'order_filled'> {
  return {
    type: 'order_filled',
    order_id: fill.orderId,
    ...opt({ client_order_id: fill.clientOrderId }),
    trade_id: fill.tradeId,
    symbol_id: fill.symbol,
    side: fill.side,
    price: fill.price,
    quantity: fill.quantity,
    remaining_quantity: fill.remainingQuantity,
    liquidity: fill.liquidity,
    fee: fill.fee,
    fee_asset: fill.feeAsset,
    time: fill.time,
  };
}

export function cancelResponse(
  canceled: CanceledOrder,
  reqId: ReqId | undefined,
): ServerMessageOf<'cancel_response'> {
  return {
    type: 'cancel_response',
    order_id: canceled.orderId,
    symbol_id: canceled.symbol,
    canceled_quantity: canceled.canceledQuantity,
    time: canceled.time,
    ...opt({ req_id: reqId }),
  };
}

export function orderCanceled(
  canceled: CanceledOrder,
  reason: CancelReason,
): ServerMessageOf<'order_canceled'> {
  return {
    type: 'order_canceled',
    order_id: canceled.orderId,
    symbol_id: canceled.symbol,
    canceled_quantity: canceled.canceledQuantity,
    reason,
    time: canceled.time,
  };
}

export function tradeMessage(venue: string, trade: TradeView): ServerMessageOf<'trade'> {
  return {
    type: 'trade',
    venue,
    trade_id: trade.tradeId,
    symbol_id: trade.symbol,
    price: trade.price,
    quantity: trade.quantity,
    aggressor_side: trade.aggressorSide,
    time: trade.time,
  };
}

export function portfolioUpdate(view: PortfolioView, reqId?: ReqId): ServerMessageOf<'portfolio_update'> {
  return {
    type: 'portfolio_update',
    agent_id: view.agentId,
    quote_asset: view.quoteAsset,
    cash: view.cash,
    locked_cash: view.lockedCash,
    holdings: view.holdings.map((h) => ({ asset: h.asset, free: h.free, locked: h.locked })),
    positions: view.positions.map((p) => ({
      symbol_id: p.symbol,
      quantity: p.quantity,
      ...opt({ average_cost: p.averageCost, mark_price: p.markPrice, unrealized_pnl: p.unrealizedPnl }),
    })),
    starting_capital: view.startingCapital,
    equity: view.equity,
    pnl: view.pnl,
    ...opt({ realized_pnl: view.realizedPnl, unrealized_pnl: view.unrealizedPnl, req_id: reqId }),
    time: view.time,
  };
}

export function agentsSnapshot(
  agents: readonly AgentSummary[],
  isConnected: (agentId: string) => boolean,
): ServerMessageOf<'agents_snapshot'> {
  return {
    type: 'agents_snapshot',
    agents: agents.map((a) => ({
      agent_id: a.agentId,
      name: a.name,
      kind: a.kind,
      connected: isConnected(a.agentId),
      equity: a.equity,
      pnl: a.pnl,
    })),
  };
}

function newsFields(item: NewsItem) {
  return {
    id: item.id,
    time: item.time,
    headline: item.headline,
    ...opt({ body: item.body }),
    symbols: [...item.symbols],
  };
}

export function newsMessage(item: NewsItem): ServerMessageOf<'news'> {
  return { type: 'news', ...newsFields(item) };
}

export function newsHistory(items: readonly NewsItem[]): ServerMessageOf<'news_history'> {
  return { type: 'news_history', items: items.map(newsFields) };
}

export function instrumentsMessage(
  venue: string,
  specs: readonly InstrumentSpec[],
): ServerMessageOf<'instruments'> {
  return {
    type: 'instruments',
    venue,
    instruments: specs.map((s) => ({
      symbol_id: s.symbol,
      base: s.base,
      quote: s.quote,
      tick_size: s.tickSize,
      lot_size: s.lotSize,
      min_size: s.minSize,
    })),
  };
}

export function orderbooksMessage(venue: string, books: readonly BookView[]): ServerMessageOf<'orderbooks'> {
  return {
    type: 'orderbooks',
    venue,
    books: books.map((b) => ({ symbol_id: b.symbol, time: b.time, bids: [...b.bids], asks: [...b.asks] })),
  };
}

export function l2BookMessage(book: L2BookUpdate): ServerMessageOf<'l2Book'> {
  return {
    type: 'l2Book',
    channel: 'l2Book',
    data: {
      coin: book.symbol,
      venue: book.venue,
      time: book.time,
      levels: [[...book.levels[0]], [...book.levels[1]]],
      source: book.source,
      status: book.status,
    },
  };
}

export function tradesMessage(venue: string, trades: readonly MarketTrade[]): ServerMessageOf<'trades'> {
  return {
    type: 'trades',
    channel: 'trades',
    venue,
    data: trades.map((t) => ({ coin: t.symbol, side: t.side, px: t.px, sz: t.sz, time: t.time, tid: t.tid })),
  };
}

/**
 * The venue's read models in the VenuePort's vocabulary (decimal strings, string ids): orders,
 * portfolios and books, built from the engine and the registry on demand. Portfolio figures are
 * valued at marks the caller passes in (integer ticks per instrument); PnL is against the
 * account's starting capital, realised PnL is net of fees.
 */
import type { DecimalString } from '../../src-shared/domain';
import type { Engine } from '../core/engine';
import { Dec, fromScaled, toDecimalString, type Grid } from '../core/num';
import type { BookLevel, BookView, OrderView, PortfolioView, PositionView } from '../gateway/venue-port';
import type { SimAccount } from './accounts';
import type { LiveOrder } from './orders';

/** The order's view (cached on the order until it changes). */
export function orderView(o: LiveOrder, agentId: string, grid: Grid): OrderView {
  o.view ??= buildOrderView(o, agentId, grid);
  return o.view;
}

function buildOrderView(o: LiveOrder, agentId: string, grid: Grid): OrderView {
  const status = o.status === 'open' ? 'open' : o.status === 'filled' ? 'filled' : 'canceled';
  // Built on every order answer and event: optional fields are added, not spread in (spreading
  // conditional literals cost more than the rest of the view together).
  const view: { -readonly [K in keyof OrderView]: OrderView[K] } = {
    orderId: String(o.orderId),
    agentId,
    symbol: o.symbol,
    side: o.side,
    orderType: o.type,
    timeInForce: o.tif,
    quantity: grid.lotsToSize(o.qty),
    filledQuantity: grid.lotsToSize(o.filled),
    remainingQuantity: grid.lotsToSize(status === 'open' ? o.qty - o.filled : 0),
    status,
    time: o.createdTs,
  };
  if (o.clientOrderId !== null) view.clientOrderId = o.clientOrderId;
  if (o.type !== 'market') view.price = grid.ticksToPrice(o.price);
  return view;
}

export interface PortfolioContext {
  readonly engine: Engine;
  readonly quote: string;
  readonly quoteDecimals: number;
  readonly marks: ReadonlyMap<string, number>;
  readonly time: number;
}

export function portfolioView(ctx: PortfolioContext, owner: SimAccount): PortfolioView {
  const { engine, quote, quoteDecimals } = ctx;
  const p = engine.portfolio(owner.account, ctx.marks, quote);
  if (p === null) throw new Error(`no engine account ${owner.account}`);
  const cash = p.balances.find((b) => b.asset === quote);
  const zero = '0' as DecimalString;
  let realized = new Dec(0);
  let unrealized = new Dec(0);
  const positions: PositionView[] = [];
  const held = new Map(p.balances.map((b) => [b.asset, b.total]));
  const traded = new Map(p.positions.map((x) => [x.instrument, x]));
  for (const id of engine.instrumentIds()) {
    const info = engine.instrument(id)!;
    const position = traded.get(id);
    const quantity = held.get(info.base);
    if (position) {
      realized = realized.add(position.realizedPnl).sub(position.fees);
      if (position.unrealizedPnl !== null) unrealized = unrealized.add(position.unrealizedPnl);
    }
    if (quantity === undefined && !position) continue;
    const mark = ctx.marks.get(id);
    positions.push({
      symbol: id,
      quantity: quantity ?? zero,
      ...(position?.avgPrice ? { averageCost: position.avgPrice } : {}),
      ...(mark === undefined ? {} : { markPrice: info.grid.ticksToPrice(mark) }),
      ...(position?.unrealizedPnl ? { unrealizedPnl: position.unrealizedPnl } : {}),
      ...(position ? { realizedPnl: toDecimalString(new Dec(position.realizedPnl).sub(position.fees)) } : {}),
    });
  }
  const starting = fromScaled(owner.startingUnits, quoteDecimals);
  const equity = p.equity ?? starting;
  return {
    agentId: owner.agentId,
    quoteAsset: quote,
    cash: cash?.free ?? zero,
    lockedCash: cash?.locked ?? zero,
    holdings: p.balances.map((b) => ({ asset: b.asset, free: b.free, locked: b.locked })),
    positions,
    startingCapital: starting,
    equity,
    pnl: toDecimalString(new Dec(equity).sub(starting)),
    realizedPnl: toDecimalString(realized),
    unrealizedPnl: toDecimalString(unrealized),
    time: ctx.time,
  };
}

export function bookView(engine: Engine, grid: Grid, symbol: string, depth: number, time: number): BookView {
  const side = (s: 'buy' | 'sell'): BookLevel[] =>
    engine.depth(symbol, s, depth).map((l) => ({
      px: grid.ticksToPrice(l.price),
      sz: grid.lotsToSize(l.qty),
      n: l.orders,
    }));
  return { symbol, time, bids: side('buy'), asks: side('sell') };
}

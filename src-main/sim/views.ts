/**
 * The venue's read models in the VenuePort's vocabulary (decimal strings, string ids): orders,
 * portfolios and books, built from the engine and the registry on demand. Portfolio figures are
 * valued at marks the caller passes in (integer ticks per instrument); PnL is against the
 * account's starting capital, realised PnL is net of fees. Sums are exact (ExactSum: bigints).
 */
import type { DecimalString } from '../../src-shared/domain';
import type { Engine } from '../core/engine';
import { ExactSum, fromScaled, type Grid } from '../core/num';
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
  const zero = '0' as DecimalString;
  // Sent to a bot after every burst of its orders: exact sums without decimal.js, lookups in the
  // (short) balance and position lists without building maps.
  const realized = new ExactSum();
  const unrealized = new ExactSum();
  const positions: PositionView[] = [];
  for (const id of engine.instrumentIds()) {
    const info = engine.instrument(id)!;
    const position = p.positions.find((x) => x.instrument === id);
    const quantity = p.balances.find((b) => b.asset === info.base)?.total;
    let realizedHere: DecimalString | undefined;
    if (position) {
      realizedHere = new ExactSum().add(position.realizedPnl).add(position.fees, -1).toString();
      realized.add(realizedHere);
      if (position.unrealizedPnl !== null) unrealized.add(position.unrealizedPnl);
    }
    if (quantity === undefined && !position) continue;
    const mark = ctx.marks.get(id);
    positions.push({
      symbol: id,
      quantity: quantity ?? zero,
      ...(position?.avgPrice ? { averageCost: position.avgPrice } : {}),
      ...(mark === undefined ? {} : { markPrice: info.grid.ticksToPrice(mark) }),
      ...(position?.unrealizedPnl ? { unrealizedPnl: position.unrealizedPnl } : {}),
      ...(realizedHere === undefined ? {} : { realizedPnl: realizedHere }),
    });
  }
  const cash = p.balances.find((b) => b.asset === quote);
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
    pnl: new ExactSum().add(equity).add(starting, -1).toString(),
    realizedPnl: realized.toString(),
    unrealizedPnl: unrealized.toString(),
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

/**
 * The paper venue's port views. Every view carries `paper: true`; open orders carry their queue
 * estimate (resting limits) and the reason they are not filling. Amounts are decimal strings
 * converted exactly from ticks, lots and asset units.
 */
import type { DecimalString } from '../../src-shared/domain';
import { Dec, fromScaled, toDecimalString, type Grid } from '../core/num';
import type { PaperExchange, PaperOrderSnapshot } from '../core/paper';
import type { LedgerAccount } from '../core/portfolio';
import type { FillView, OrderView, PortfolioView, PositionView } from '../gateway/venue-port';

export function orderView(
  ex: PaperExchange,
  order: PaperOrderSnapshot,
  agentId: string,
  grid: Grid,
): OrderView {
  const open = order.status === 'open' && order.leaves > 0;
  const queue = open ? ex.queueOf(order.id) : null;
  const reason = open ? ex.noFillReason(order.id) : null;
  return {
    orderId: String(order.id),
    agentId,
    ...(order.clientOrderId === null ? {} : { clientOrderId: order.clientOrderId }),
    symbol: order.symbol,
    side: order.side,
    orderType: order.type,
    timeInForce: order.tif,
    ...(order.price === null ? {} : { price: grid.ticksToPrice(order.price) }),
    quantity: grid.lotsToSize(order.qty),
    filledQuantity: grid.lotsToSize(order.filled),
    remainingQuantity: grid.lotsToSize(open ? order.leaves : 0),
    status: order.status === 'open' && order.leaves === 0 ? 'filled' : order.status,
    time: order.updatedAt,
    paper: true,
    ...(queue ? { queue: { ahead: grid.lotsToSize(queue.ahead), confidence: queue.confidence } } : {}),
    ...(reason ? { noFillReason: reason } : {}),
  };
}

export interface FillFacts {
  readonly order: PaperOrderSnapshot;
  readonly tradeId: number;
  readonly ticks: number;
  readonly lots: number;
  readonly liquidity: 'maker' | 'taker';
  readonly fee: DecimalString;
  readonly feeAsset: string;
  readonly at: number;
}

export function fillView(facts: FillFacts, agentId: string, grid: Grid): FillView {
  const { order } = facts;
  return {
    orderId: String(order.id),
    agentId,
    ...(order.clientOrderId === null ? {} : { clientOrderId: order.clientOrderId }),
    tradeId: String(facts.tradeId),
    symbol: order.symbol,
    side: order.side,
    price: grid.ticksToPrice(facts.ticks),
    quantity: grid.lotsToSize(facts.lots),
    remainingQuantity: grid.lotsToSize(order.leaves),
    liquidity: facts.liquidity,
    fee: facts.fee,
    feeAsset: facts.feeAsset,
    time: facts.at,
    paper: true,
  };
}

export interface PortfolioFacts {
  readonly agentId: string;
  readonly account: LedgerAccount;
  readonly quoteAsset: string;
  /** Marks in ticks per symbol (live mid, else last print). */
  readonly marks: ReadonlyMap<string, number>;
  /** The quote capital the agent started with, and any other starting balances. */
  readonly startingCapital: DecimalString;
  readonly startingExtras: Readonly<Record<string, string>>;
  readonly time: number;
}

/**
 * Equity values every held asset at the marks (assets with no mark are left out: "at last known
 * prices"). PnL is equity minus the starting balances valued at the same marks, so extra starting
 * assets (settings `startingBalances`) do not count as profit when their price moves.
 */
export function portfolioView(ex: PaperExchange, facts: PortfolioFacts): PortfolioView {
  const view = ex.accounts.view(facts.account, facts.marks, facts.quoteAsset);
  const holdings = view.balances.map((b) => ({ asset: b.asset, free: b.free, locked: b.locked }));
  const quote = view.balances.find((b) => b.asset === facts.quoteAsset);
  const price = (asset: string): Dec | null => {
    if (asset === facts.quoteAsset) return new Dec(1);
    for (const i of ex.accounts.instruments) {
      const mark = facts.marks.get(i.id);
      if (i.base.id === asset && i.quote.id === facts.quoteAsset && mark !== undefined)
        return new Dec(i.price.fromSteps(mark));
    }
    return null;
  };
  let equity = new Dec(0);
  for (const b of view.balances) equity = equity.add(new Dec(b.total).mul(price(b.asset) ?? 0));
  let start = new Dec(facts.startingCapital);
  for (const [asset, amount] of Object.entries(facts.startingExtras))
    start = start.add(new Dec(amount).mul(price(asset) ?? 0));
  let realized = new Dec(0);
  let unrealized = new Dec(0);
  const positions: PositionView[] = view.positions.map((p) => {
    realized = realized.add(p.realizedPnl);
    if (p.unrealizedPnl !== null) unrealized = unrealized.add(p.unrealizedPnl);
    const instrument = ex.instrument(p.instrument)!.instrument;
    const mark = facts.marks.get(p.instrument);
    const held = view.balances.find((b) => b.asset === instrument.base.id)?.total ?? ('0' as DecimalString);
    return {
      symbol: p.instrument,
      quantity: held,
      ...(p.avgPrice === null ? {} : { averageCost: p.avgPrice }),
      ...(mark === undefined ? {} : { markPrice: instrument.price.fromSteps(mark) }),
      ...(p.unrealizedPnl === null ? {} : { unrealizedPnl: p.unrealizedPnl }),
      realizedPnl: p.realizedPnl,
    };
  });
  return {
    agentId: facts.agentId,
    quoteAsset: facts.quoteAsset,
    cash: quote?.free ?? ('0' as DecimalString),
    lockedCash: quote?.locked ?? ('0' as DecimalString),
    holdings,
    positions,
    startingCapital: facts.startingCapital,
    equity: toDecimalString(equity),
    pnl: toDecimalString(equity.sub(start)),
    realizedPnl: toDecimalString(realized),
    unrealizedPnl: toDecimalString(unrealized),
    time: facts.time,
    paper: true,
  };
}

export function feeText(units: number, decimals: number): DecimalString {
  return fromScaled(BigInt(units), decimals);
}

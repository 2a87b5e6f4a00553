/**
 * Rebuilds a paper venue's exchange from the ledger after a restart: accounts (in creation order),
 * deposits, every fill in order (balances, positions, fees exactly as recorded), then the open
 * orders (their locks recomputed from what is left, their queue positions unknown until the book
 * is live: confidence low). Trigger records are parsed for the trigger layer. Anything that does
 * not fit (an amount off the asset's grid, an unknown account) is a failure: the venue then stays
 * unavailable and says why, rather than trading on a partial state.
 */
import { fromScaled } from '../core/num';
import { toUnits } from '../core/portfolio';
import type { FillView } from '../gateway/venue-port';
import type { PaperExchange } from '../core/paper';
import type { Grid } from '../core/num';
import type { StoredVenueState } from '../store/read/venue-state';
import type { TriggerRecord } from '../trading/triggers/records';
import { TRIGGER_STATUSES, VENUE_ACCOUNT } from './journal';

export interface RestoredAgent {
  readonly agentId: string;
  readonly name: string;
  readonly account: number;
  readonly startingCapital: string;
  readonly extras: Record<string, string>;
}

export interface Restored {
  readonly agents: readonly RestoredAgent[];
  readonly triggers: readonly TriggerRecord[];
  /** Per agent, its most recent fills (at most `recentFills`), oldest first. */
  readonly fills: ReadonlyMap<string, FillView[]>;
}

export function restoreVenue(
  ex: PaperExchange,
  stored: StoredVenueState,
  grids: ReadonlyMap<string, Grid>,
  quoteAsset: string,
  recentFills = 500,
): Restored | string {
  const agents = new Map<string, RestoredAgent>();
  for (const account of stored.accounts) {
    if (account.kind !== 'agent') continue;
    agents.set(account.key, {
      agentId: account.key,
      name: account.name,
      account: ex.openAccount(),
      startingCapital: '0',
      extras: {},
    });
  }
  for (const change of stored.balanceChanges) {
    const agent = agents.get(change.account);
    const assetIndex = ex.accounts.ledger.assetIndex(change.asset);
    const asset = ex.accounts.ledger.assets[assetIndex];
    const units = asset ? toUnits(change.delta, asset.decimals) : null;
    if (!agent || !asset || units === null || change.reason !== 'deposit')
      return `balance change ${change.delta} ${change.asset} of ${change.account} cannot be restored`;
    ex.accounts.grant(ex.accounts.account(agent.account)!, asset, units);
    if (change.asset === quoteAsset && agent.startingCapital === '0') {
      agents.set(agent.agentId, { ...agent, startingCapital: change.delta });
    } else agent.extras[change.asset] = change.delta;
  }
  const sizes = new Map(stored.filledOrders.map((o) => [o.orderId, o]));
  const filledSoFar = new Map<number, number>();
  const fills = new Map<string, FillView[]>();
  for (const fill of stored.fills) {
    const taker = fill.taker !== VENUE_ACCOUNT;
    const agent = agents.get(taker ? fill.taker : fill.maker);
    const grid = grids.get(fill.instrument);
    const entry = ex.instrument(fill.instrument);
    if (!agent || !grid || !entry) return `fill ${fill.tradeId} on ${fill.instrument} cannot be restored`;
    const ticks = grid.priceToTicks(fill.price);
    const lots = grid.sizeToLots(fill.quantity);
    const fee = toUnits(taker ? fill.takerFee : fill.makerFee, entry.instrument.quote.decimals);
    if (!ticks.ok || !lots.ok || fee === null) return `fill ${fill.tradeId} is off the instrument's grid`;
    const side = taker ? fill.takerSide : fill.takerSide === 'buy' ? 'sell' : 'buy';
    ex.replayFill(agent.account, fill.instrument, side, ticks.value, lots.value, fee);
    const orderId = taker ? fill.takerOrderId : fill.makerOrderId;
    const order = sizes.get(orderId);
    const total = order ? grid.sizeToLots(order.quantity) : null;
    const done = (filledSoFar.get(orderId) ?? 0) + lots.value;
    filledSoFar.set(orderId, done);
    const list = fills.get(agent.agentId) ?? [];
    list.push({
      orderId: String(orderId),
      agentId: agent.agentId,
      ...(order?.clientOrderId ? { clientOrderId: order.clientOrderId } : {}),
      tradeId: String(fill.tradeId),
      symbol: fill.instrument,
      side,
      price: grid.ticksToPrice(ticks.value),
      quantity: grid.lotsToSize(lots.value),
      remainingQuantity: grid.lotsToSize(total?.ok ? Math.max(0, total.value - done) : 0),
      liquidity: taker ? 'taker' : 'maker',
      fee: fromScaled(BigInt(fee), entry.instrument.quote.decimals),
      feeAsset: entry.instrument.quote.id,
      time: fill.ts,
      paper: true,
    });
    if (list.length > recentFills) list.shift();
    fills.set(agent.agentId, list);
  }
  const triggers: TriggerRecord[] = [];
  const trigger = new Set<string>(TRIGGER_STATUSES);
  for (const order of stored.orders) {
    if (trigger.has(order.status)) {
      if (order.lastEvent !== null) triggers.push(JSON.parse(order.lastEvent) as TriggerRecord);
      continue;
    }
    const agent = agents.get(order.account);
    const grid = grids.get(order.instrument);
    const price = order.price === null || !grid ? null : grid.priceToTicks(order.price);
    const qty = grid?.sizeToLots(order.quantity);
    const filled = order.filled === '0' ? { ok: true as const, value: 0 } : grid?.sizeToLots(order.filled);
    if (!agent || !price?.ok || !qty?.ok || !filled?.ok)
      return `open order ${order.orderId} on ${order.instrument} cannot be restored`;
    const failed = ex.restoreOrder({
      id: order.orderId,
      account: agent.account,
      symbol: order.instrument,
      side: order.side,
      type: 'limit',
      tif: order.tif === 'POST_ONLY' ? 'POST_ONLY' : 'GTC',
      price: price.value,
      qty: qty.value,
      filled: filled.value,
      clientOrderId: order.clientOrderId,
      createdAt: order.createdTs,
      updatedAt: order.updatedTs,
    });
    if (failed) return `open order ${order.orderId}: ${failed}`;
  }
  ex.setCounters(stored.maxOrderId + 1, stored.maxTradeId + 1);
  const openIds = new Set(stored.orders.map((o) => String(o.orderId)));
  return {
    agents: [...agents.values()],
    fills,
    // Fired triggers matter only while the order they released is still open.
    triggers: triggers.filter(
      (t) => t.state !== 'triggered' || (t.releasedAs !== null && openIds.has(t.releasedAs)),
    ),
  };
}

/**
 * Ledger rows of the simulated venue: its instruments (with its genesis entry), its orders' events,
 * and each order's whole row (an upsert: the latest state wins) once per command that touched it.
 */
import type { Grid } from '../core/num';
import type { LedgerOp } from '../store/writer/ops';
import type { AccountBook } from './accounts';
import type { Genesis } from './config';
import type { LiveOrder } from './orders';

export const SIM_VENUE = 'sim';

/** The instrument rows written with the venue's genesis entry. */
export function instrumentOps(genesis: Genesis): LedgerOp[] {
  return genesis.instruments.map((i) => ({
    op: 'instrument',
    venue: SIM_VENUE,
    symbol: i.id,
    baseAsset: i.base,
    quoteAsset: i.quote,
    tickSize: i.tickSize,
    lotSize: i.lotSize,
  }));
}

export function orderEvent(
  orderId: number,
  ts: number,
  kind: string,
  price: string | null,
  quantity: string | null,
  reason: string | null,
): LedgerOp {
  return { op: 'orderEvent', venue: SIM_VENUE, orderId, ts, kind, price, quantity, reason };
}

export function orderRow(o: LiveOrder, grid: Grid, accounts: AccountBook): LedgerOp {
  return {
    op: 'order',
    venue: SIM_VENUE,
    row: {
      orderId: o.orderId,
      account: accounts.get(o.account)?.agentId ?? `a${o.account}`,
      instrument: o.symbol,
      side: o.side,
      orderType: o.type,
      tif: o.tif,
      price: o.type === 'market' ? null : grid.ticksToPrice(o.price),
      quantity: grid.lotsToSize(o.qty),
      filled: grid.lotsToSize(o.filled),
      status: o.status,
      clientOrderId: o.clientOrderId,
      createdTs: o.createdTs,
      updatedTs: o.updatedTs,
    },
  };
}

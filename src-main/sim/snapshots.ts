/** Periodic portfolio snapshots of every account of the simulated venue, as ledger projections. */
import type { LedgerOp } from '../store/writer/ops';
import { SIM_VENUE } from './processor';
import type { SimVenue } from './venue';

export function portfolioSnapshots(venue: SimVenue, ts: number): LedgerOp[] {
  const ops: LedgerOp[] = [];
  for (const id of venue.accountIds()) {
    const view = venue.portfolio(id);
    if (!view.ok) continue;
    const p = view.value;
    ops.push({
      op: 'portfolio',
      venue: SIM_VENUE,
      account: p.agentId,
      ts,
      equity: p.equity,
      cash: p.cash,
      realizedPnl: p.realizedPnl ?? '0',
      unrealizedPnl: p.unrealizedPnl ?? '0',
      positions: JSON.stringify(p.positions),
    });
  }
  return ops;
}

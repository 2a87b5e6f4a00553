/**
 * What one paper exchange event means for the ledger and for the port: the order row (every
 * event), the double-entry fill row, and the port events (order placed / filled / canceled, then
 * a portfolio change). Returns the fill view of a fill, for the venue's recent fills.
 */
import type { Grid } from '../core/num';
import type { PaperEvent, PaperOrderSnapshot } from '../core/paper';
import type { Asset } from '../core/portfolio';
import type { FillView, OrderView, VenueEvent } from '../gateway/venue-port';
import type { LedgerOp } from '../store/writer/ops';
import { fillOp, orderOp } from './journal';
import { feeText, fillView } from './views';

export interface EventNames {
  readonly venue: string;
  readonly agentId: string;
  readonly grid: Grid;
  readonly quote: Asset;
}

export function describeEvent(
  event: PaperEvent,
  names: EventNames,
  ops: LedgerOp[],
  events: VenueEvent[],
  view: (order: PaperOrderSnapshot) => OrderView,
): FillView | null {
  const { agentId, grid } = names;
  ops.push(orderOp(names, event.order));
  let fill: FillView | null = null;
  switch (event.kind) {
    case 'accepted':
    case 'amended':
      events.push({ kind: 'order_placed', order: view(event.order) });
      break;
    case 'fill': {
      const fee = feeText(event.fee, names.quote.decimals);
      ops.push(
        fillOp(names, event.order, event.tradeId, event.ticks, event.lots, event.liquidity, fee, event.at),
      );
      fill = fillView({ ...event, fee, feeAsset: names.quote.id }, agentId, grid);
      events.push({ kind: 'order_filled', fill });
      break;
    }
    case 'canceled':
      events.push({
        kind: 'order_canceled',
        agentId,
        canceled: {
          orderId: String(event.order.id),
          symbol: event.order.symbol,
          canceledQuantity: grid.lotsToSize(event.canceledLots),
          time: event.at,
        },
        reason: event.reason === 'user' ? 'requested' : 'ioc_remainder',
      });
      break;
  }
  events.push({ kind: 'portfolio', agentId });
  return fill;
}

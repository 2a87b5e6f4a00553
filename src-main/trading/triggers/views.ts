/**
 * How trigger orders look on the port. A pending trigger is an open order of the type it will
 * release (market for stop_market and legs, limit for stop_limit) with `trigger` saying what it
 * waits for and `noFillReason: 'trigger_pending'`. Once fired, the order it released on the venue
 * is shown under the trigger's id (the user placed one order, not two), with trigger.state
 * 'triggered'.
 */
import type { Grid } from '../../core/num';
import type { Trigger } from '../../core/triggers';
import type { CanceledOrder, FillView, OrderView, TriggerInfo } from '../../gateway/venue-port';

export interface TriggerMeta {
  readonly info: TriggerInfo;
  readonly clientOrderId: string | null;
}

export function triggerInfo(trigger: Trigger, grid: Grid, state?: TriggerInfo['state']): TriggerInfo {
  return {
    type: trigger.kind,
    triggerPrice: grid.ticksToPrice(trigger.triggerTicks),
    state:
      state ??
      (trigger.state === 'waiting_entry'
        ? 'waiting_entry'
        : trigger.state === 'armed'
          ? 'pending'
          : 'triggered'),
    ...(trigger.parent === null ? {} : { parentOrderId: trigger.parent }),
    ...(trigger.sibling === null ? {} : { siblingOrderId: trigger.sibling }),
  };
}

export function pendingView(
  trigger: Trigger,
  grid: Grid,
  timeInForce: OrderView['timeInForce'],
  paper: boolean,
): OrderView {
  const quantity = grid.lotsToSize(trigger.qty);
  return {
    orderId: trigger.id,
    agentId: trigger.owner,
    ...(trigger.clientOrderId === null ? {} : { clientOrderId: trigger.clientOrderId }),
    symbol: trigger.symbol,
    side: trigger.side,
    orderType: trigger.limitTicks === null ? 'market' : 'limit',
    timeInForce,
    ...(trigger.limitTicks === null ? {} : { price: grid.ticksToPrice(trigger.limitTicks) }),
    quantity,
    filledQuantity: grid.lotsToSize(0),
    remainingQuantity: quantity,
    status: 'open',
    time: trigger.createdAt,
    trigger: triggerInfo(trigger, grid),
    noFillReason: 'trigger_pending',
    ...(paper ? { paper: true as const } : {}),
  };
}

/** A released order's view under its trigger's id. */
export function releasedView(view: OrderView, triggerId: string, meta: TriggerMeta): OrderView {
  const { clientOrderId: _released, ...rest } = view;
  return {
    ...rest,
    orderId: triggerId,
    ...(meta.clientOrderId === null ? {} : { clientOrderId: meta.clientOrderId }),
    trigger: { ...meta.info, state: 'triggered' },
  };
}

export function releasedFill(fill: FillView, triggerId: string, meta: TriggerMeta): FillView {
  const { clientOrderId: _released, ...rest } = fill;
  return {
    ...rest,
    orderId: triggerId,
    ...(meta.clientOrderId === null ? {} : { clientOrderId: meta.clientOrderId }),
  };
}

export function releasedCancel(canceled: CanceledOrder, triggerId: string): CanceledOrder {
  return { ...canceled, orderId: triggerId };
}

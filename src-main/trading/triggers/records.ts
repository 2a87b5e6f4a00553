/**
 * Trigger orders as durable records (decimal strings, so a record outlives grid changes) and the
 * port through which the trigger layer saves them. A venue that persists its orders (the paper
 * venues) gives the trigger layer a store and the records it saved, so pending stops, bracket legs
 * and the link from a fired trigger to the order it released survive a restart.
 */
import type { DecimalString } from '../../../src-shared/domain';
import type { Grid } from '../../core/num';
import { directionFor, type Trigger, type TriggerState } from '../../core/triggers';

export interface TriggerRecord {
  readonly id: string;
  readonly owner: string;
  readonly symbol: string;
  readonly kind: Trigger['kind'];
  readonly side: Trigger['side'];
  readonly triggerPrice: DecimalString;
  readonly limitPrice: DecimalString | null;
  readonly quantity: DecimalString;
  readonly timeInForce: 'GTC' | 'IOC' | 'FOK' | 'POST_ONLY';
  readonly source: Trigger['source'];
  readonly state: TriggerState;
  readonly parent: string | null;
  readonly sibling: string | null;
  /** Legs: whether the entry still rests (a firing leg then cancels its remainder). */
  readonly entryOpen: boolean;
  readonly clientOrderId: string | null;
  readonly createdAt: number;
  /** Once triggered: the id of the order it released on the venue. */
  readonly releasedAs: string | null;
  readonly updatedAt: number;
}

export interface TriggerStore {
  /** Called after every change of a trigger (new, re-sized, triggered, released, canceled). */
  save(record: TriggerRecord): void;
  /** Resolves once everything saved so far is durable; placing a trigger answers after it. */
  durable?(): Promise<unknown>;
}

export function toRecord(
  trigger: Trigger,
  grid: Grid,
  extra: {
    readonly timeInForce: TriggerRecord['timeInForce'];
    readonly entryOpen: boolean;
    readonly releasedAs: string | null;
    readonly at: number;
  },
): TriggerRecord {
  return {
    id: trigger.id,
    owner: trigger.owner,
    symbol: trigger.symbol,
    kind: trigger.kind,
    side: trigger.side,
    triggerPrice: grid.ticksToPrice(trigger.triggerTicks),
    limitPrice: trigger.limitTicks === null ? null : grid.ticksToPrice(trigger.limitTicks),
    quantity: grid.lotsToSize(trigger.qty),
    timeInForce: extra.timeInForce,
    source: trigger.source,
    state: trigger.state,
    parent: trigger.parent,
    sibling: trigger.sibling,
    entryOpen: extra.entryOpen,
    clientOrderId: trigger.clientOrderId,
    createdAt: trigger.createdAt,
    releasedAs: extra.releasedAs,
    updatedAt: extra.at,
  };
}

/** Null when the record's numbers are not on the grid any more. */
export function fromRecord(record: TriggerRecord, grid: Grid): Trigger | null {
  const trigger = grid.priceToTicks(record.triggerPrice);
  const limit = record.limitPrice === null ? null : grid.priceToTicks(record.limitPrice);
  const qty = record.quantity === '0' ? { ok: true as const, value: 0 } : grid.sizeToLots(record.quantity);
  if (!trigger.ok || (limit !== null && !limit.ok) || !qty.ok) return null;
  return {
    id: record.id,
    owner: record.owner,
    symbol: record.symbol,
    kind: record.kind,
    side: record.side,
    direction: directionFor(record.kind, record.side),
    triggerTicks: trigger.value,
    limitTicks: limit === null ? null : limit.value,
    qty: qty.value,
    source: record.source,
    state: record.state,
    parent: record.parent,
    sibling: record.sibling,
    clientOrderId: record.clientOrderId,
    createdAt: record.createdAt,
  };
}

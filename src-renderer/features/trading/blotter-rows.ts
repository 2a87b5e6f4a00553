/**
 * The open-orders blotter's row order and words, pure. Orders of the linked instrument come
 * first, newest first; a bracket's legs (take-profit, stop-loss) follow their entry directly, or,
 * once the entry has filled and left the list, each other, so a bracket always reads as one
 * group. Invariants: every order appears exactly once; nothing but the order changes.
 */
import type { TradingOrder, TriggerInfo } from '../../../src-shared/contract';

export interface BlotterRow {
  readonly order: TradingOrder;
  /** A bracket leg, shown indented under its entry (or next to its sibling). */
  readonly leg: boolean;
}

const LEG_TYPES: ReadonlySet<TriggerInfo['type']> = new Set(['take_profit', 'stop_loss']);

export function isLeg(o: TradingOrder): boolean {
  return o.trigger !== undefined && LEG_TYPES.has(o.trigger.type);
}

/** A trigger order that has not fired yet: it rests nowhere and cannot be amended. */
export function isUnfired(o: TradingOrder): boolean {
  return o.trigger !== undefined && o.trigger.state !== 'triggered';
}

export function blotterRows(orders: readonly TradingOrder[], linkedSymbol: string): BlotterRow[] {
  const sorted = [...orders].sort(
    (a, b) =>
      Number(b.symbol === linkedSymbol) - Number(a.symbol === linkedSymbol) ||
      b.time - a.time ||
      a.orderId.localeCompare(b.orderId),
  );
  const ids = new Set(sorted.map((o) => o.orderId));
  const legsOf = new Map<string, TradingOrder[]>();
  for (const o of sorted) {
    const parent = o.trigger?.parentOrderId;
    if (!isLeg(o) || parent === undefined) continue;
    legsOf.set(parent, [...(legsOf.get(parent) ?? []), o]);
  }
  const legOrder = (a: TradingOrder, b: TradingOrder) =>
    Number(a.trigger?.type === 'stop_loss') - Number(b.trigger?.type === 'stop_loss');
  const out: BlotterRow[] = [];
  const placed = new Set<string>();
  const put = (o: TradingOrder, leg: boolean) => {
    if (placed.has(o.orderId)) return;
    placed.add(o.orderId);
    out.push({ order: o, leg });
  };
  for (const o of sorted) {
    if (placed.has(o.orderId)) continue;
    const parent = o.trigger?.parentOrderId;
    if (isLeg(o) && parent !== undefined && ids.has(parent)) continue; // placed under its entry
    if (isLeg(o)) {
      // The entry is gone (filled): the orphaned legs of one bracket stay together.
      const group = parent === undefined ? [o] : (legsOf.get(parent) ?? [o]);
      for (const leg of [...group].sort(legOrder)) put(leg, true);
      continue;
    }
    put(o, false);
    for (const leg of [...(legsOf.get(o.orderId) ?? [])].sort(legOrder)) put(leg, true);
  }
  return out;
}

const TYPE_TEXT: Record<TriggerInfo['type'], string> = {
  stop_market: 'stop market',
  stop_limit: 'stop limit',
  take_profit: 'take-profit',
  stop_loss: 'stop-loss',
};

/** "limit", "market", "stop market", "take-profit", ... */
export function orderTypeText(o: TradingOrder): string {
  return o.trigger ? TYPE_TEXT[o.trigger.type] : o.orderType;
}

const STATE_TEXT: Record<TriggerInfo['state'], string> = {
  waiting_entry: 'awaits entry',
  pending: 'pending',
  triggered: 'triggered',
};

export function triggerStateText(state: TriggerInfo['state']): string {
  return STATE_TEXT[state];
}

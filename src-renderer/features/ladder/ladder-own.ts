/**
 * The user's orders on the ladder's rows, pure. Resting orders land on rows by the book's rule
 * (buys round down, sells up); a row with several shows their summed size and the queue position
 * of the front-most one (the smallest size ahead, with its confidence). Pending stops land on the
 * row of their trigger price rounded the other way (a buy stop up, a sell stop down): the first row
 * at which the last trade has surely reached the trigger. Invariants: sizes are exact sums in
 * units of 10^-sizeScale; an order whose price or size does not parse is left out, never rounded.
 */
import { ceilTo, decimalsOf, floorTo, fromUnits, toUnits } from '../../ui/decimal';

export type QueueConfidence = 'high' | 'medium' | 'low';

/** A resting order of the user's. */
export interface OwnOrderInput {
  readonly id: string;
  readonly side: 'buy' | 'sell';
  readonly price: string;
  readonly remaining: string;
  /** Paper orders: estimated size ahead at the price, and how sure the model is. */
  readonly queue?: { readonly ahead: string; readonly confidence: QueueConfidence };
}

/** A trigger order of the user's that has not fired yet. */
export interface StopInput {
  readonly id: string;
  readonly side: 'buy' | 'sell';
  readonly triggerPrice: string;
  readonly remaining: string;
  /** e.g. "stop market", "take-profit": shown in the row's tooltip. */
  readonly label: string;
}

export interface OwnAtRow {
  readonly size: string;
  readonly ids: readonly string[];
  readonly queue?: { readonly ahead: string; readonly confidence: QueueConfidence };
}

export interface StopsAtRow {
  readonly size: string;
  readonly ids: readonly string[];
  readonly labels: readonly string[];
}

export interface Grid {
  readonly scale: number;
  readonly step: bigint;
  readonly sizeScale: number;
}

/** -1, 0 or 1 for two decimal strings (null when either does not parse). */
function compareText(a: string, b: string): number | null {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  const x = toUnits(a, scale);
  const y = toUnits(b, scale);
  return x === null || y === null ? null : x < y ? -1 : x > y ? 1 : 0;
}

export function ownBySide(
  own: readonly OwnOrderInput[],
  side: 'buy' | 'sell',
  grid: Grid,
): Map<bigint, OwnAtRow> {
  const acc = new Map<bigint, { size: bigint; ids: string[]; queue?: OwnOrderInput['queue'] }>();
  for (const order of own) {
    if (order.side !== side) continue;
    const price = toUnits(order.price, grid.scale);
    const size = toUnits(order.remaining, grid.sizeScale);
    if (price === null || size === null) continue;
    const row = side === 'buy' ? floorTo(price, grid.step) : ceilTo(price, grid.step);
    const entry = acc.get(row) ?? { size: 0n, ids: [] };
    entry.size += size;
    entry.ids.push(order.id);
    if (order.queue && (!entry.queue || compareText(order.queue.ahead, entry.queue.ahead) === -1)) {
      entry.queue = order.queue;
    }
    acc.set(row, entry);
  }
  const out = new Map<bigint, OwnAtRow>();
  for (const [row, e] of acc) {
    out.set(row, {
      size: fromUnits(e.size, grid.sizeScale),
      ids: e.ids,
      ...(e.queue ? { queue: e.queue } : {}),
    });
  }
  return out;
}

export function stopsBySide(
  stops: readonly StopInput[],
  side: 'buy' | 'sell',
  grid: Grid,
): Map<bigint, StopsAtRow> {
  const acc = new Map<bigint, { size: bigint; ids: string[]; labels: string[] }>();
  for (const stop of stops) {
    if (stop.side !== side) continue;
    const price = toUnits(stop.triggerPrice, grid.scale);
    const size = toUnits(stop.remaining, grid.sizeScale);
    if (price === null || size === null) continue;
    const row = side === 'buy' ? ceilTo(price, grid.step) : floorTo(price, grid.step);
    const entry = acc.get(row) ?? { size: 0n, ids: [], labels: [] };
    entry.size += size;
    entry.ids.push(stop.id);
    entry.labels.push(`${stop.label} ${stop.side} ${stop.remaining} @ ${stop.triggerPrice}`);
    acc.set(row, entry);
  }
  const out = new Map<bigint, StopsAtRow>();
  for (const [row, e] of acc)
    out.set(row, { size: fromUnits(e.size, grid.sizeScale), ids: e.ids, labels: e.labels });
  return out;
}

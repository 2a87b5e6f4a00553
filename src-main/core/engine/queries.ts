/**
 * Read-only views of the engine state. Everything returned is a fresh plain object; the engine's own
 * records never escape (they are pooled and mutable). Costs: best bid/ask O(1); depth O(n levels);
 * order by id O(1); open orders O(account's orders); resting volume O(levels on the side).
 */
import type { Grid } from '../num';
import type { Instrument } from './instrument';
import type { Order } from './model';
import type { EngineState } from './state';
import type { BalanceUnits, L2Level, OrderSnapshot, Side } from './types';

/** What callers need to convert an instrument's ticks, lots and units to and from decimal strings. */
export interface InstrumentInfo {
  readonly id: string;
  readonly base: string;
  readonly quote: string;
  readonly grid: Grid;
  readonly baseDecimals: number;
  readonly quoteDecimals: number;
  readonly minQty: number;
  /** Quote units. */
  readonly minNotional: number;
  readonly makerFee: string;
  readonly takerFee: string;
  readonly baseUnitsPerLot: number;
  readonly unitsPerTickLot: number;
}

export function instrumentInfo(i: Instrument): InstrumentInfo {
  return {
    id: i.id,
    base: i.base.id,
    quote: i.quote.id,
    grid: i.grid,
    baseDecimals: i.base.decimals,
    quoteDecimals: i.quote.decimals,
    minQty: i.minQty,
    minNotional: i.minNotional,
    makerFee: i.makerFee.text,
    takerFee: i.takerFee.text,
    baseUnitsPerLot: i.baseUnitsPerLot,
    unitsPerTickLot: i.unitsPerTickLot,
  };
}

export function snapshotOf(o: Order): OrderSnapshot {
  return {
    orderId: o.id,
    account: o.account!.id,
    instrument: o.instrument!.id,
    side: o.side,
    type: o.type,
    tif: o.tif,
    price: o.price,
    qty: o.qty,
    filledQty: o.filled,
    leavesQty: o.leaves,
    locked: o.locked,
    clientOrderId: o.clientOrderId,
    ts: o.ts,
  };
}

/** Up to `n` levels of one side, best first. */
export function depth(instrument: Instrument, side: Side, n: number): L2Level[] {
  const ladder = side === 'buy' ? instrument.bids : instrument.asks;
  const out: L2Level[] = [];
  for (let level = ladder.best; level !== null && out.length < n; level = ladder.after(level.price)) {
    out.push({ price: level.price, qty: level.total, orders: level.count });
  }
  return out;
}

/** Every resting order of one level side in priority order (for L3 views and tests). */
export function queue(instrument: Instrument, side: Side, price: number): OrderSnapshot[] {
  const level = (side === 'buy' ? instrument.bids : instrument.asks).get(price);
  const out: OrderSnapshot[] = [];
  for (let o = level?.head ?? null; o !== null; o = o.next) out.push(snapshotOf(o));
  return out;
}

export function restingVolume(instrument: Instrument, side: Side): number {
  const ladder = side === 'buy' ? instrument.bids : instrument.asks;
  let total = 0;
  for (let level = ladder.best; level !== null; level = ladder.after(level.price)) total += level.total;
  return total;
}

export function openOrders(st: EngineState, account: number, instrument?: string): OrderSnapshot[] {
  const out: OrderSnapshot[] = [];
  const owner = st.accounts[account];
  for (let o = owner?.head ?? null; o !== null; o = o.accNext) {
    if (instrument === undefined || o.instrument!.id === instrument) out.push(snapshotOf(o));
  }
  return out;
}

/** Balances of every asset (zeros included), in asset order. Works for the fee account too. */
export function balances(st: EngineState, account: number): BalanceUnits[] {
  const ledger = st.accounts[account]?.ledger;
  if (ledger === undefined) return [];
  return st.ledger.assets.map((a) => ({
    asset: a.id,
    free: ledger.free[a.index]!,
    locked: ledger.locked[a.index]!,
  }));
}

/**
 * The price ladder's row model, pure. Rows sit on a fixed grid: row i shows the price
 * `centre + (half - i) * step`, highest price at the top, where `step` is the tick times the
 * grouping multiple (all in integer units of 10^-scale). Book levels land on rows the way main
 * groups them (bids round down, asks round up), so a grouped bid row is never better than the
 * levels inside it and bid and ask rows never coincide. Own orders land on rows by the same rule.
 * Invariants: prices strictly decrease down the rows by exactly `step`; the size shown on a row is
 * the exact sum of the levels mapped to it; nothing here uses a float except bar ratios.
 */
import { ceilTo, floorTo, fromUnits, ratio, toUnits } from '../../ui/decimal';
import {
  ownBySide,
  stopsBySide,
  type OwnAtRow,
  type OwnOrderInput,
  type StopInput,
  type StopsAtRow,
} from './ladder-own';

export type { OwnAtRow, OwnOrderInput, StopInput, StopsAtRow } from './ladder-own';

export interface LevelText {
  readonly price: string;
  readonly size: string;
}

export interface LadderInput {
  /** Decimals of prices (the tick's). */
  readonly scale: number;
  /** Row spacing in price units (tick x grouping multiple); > 0. */
  readonly step: bigint;
  /** Price of the centre row; a multiple of `step`. */
  readonly centre: bigint;
  readonly rows: number;
  readonly bids: readonly LevelText[];
  readonly asks: readonly LevelText[];
  /** Decimals sizes are shown with (the lot's). */
  readonly sizeScale: number;
  readonly own?: readonly OwnOrderInput[];
  /** The user's trigger orders that have not fired, shown on their trigger price's row. */
  readonly stops?: readonly StopInput[];
  readonly lastTrade?: { readonly price: string; readonly side: 'buy' | 'sell' } | null;
}

export type RowZone = 'ask' | 'bid' | 'spread' | 'none';

export interface LadderRow {
  readonly index: number;
  readonly price: bigint;
  readonly priceText: string;
  readonly bid: string | null;
  readonly ask: string | null;
  readonly bidRatio: number;
  readonly askRatio: number;
  readonly best: 'bid' | 'ask' | null;
  readonly zone: RowZone;
  readonly ownBuy: OwnAtRow | null;
  readonly ownSell: OwnAtRow | null;
  readonly stopBuy: StopsAtRow | null;
  readonly stopSell: StopsAtRow | null;
  readonly lastTrade: 'buy' | 'sell' | null;
}

export interface LadderModel {
  readonly rows: readonly LadderRow[];
  /** Best bid and ask as row prices (grouped), null when that side is empty. */
  readonly bestBid: bigint | null;
  readonly bestAsk: bigint | null;
}

/** Index of the centre row: the row whose price is `centre`. */
export function centreIndex(rows: number): number {
  return Math.floor((Math.max(1, rows) - 1) / 2);
}

export function rowPrice(centre: bigint, step: bigint, rows: number, index: number): bigint {
  return centre + BigInt(centreIndex(rows) - index) * step;
}

/** Which row a price falls on for a side (bids down, asks up); null when off screen. */
export function rowOf(
  price: bigint,
  side: 'bid' | 'ask',
  input: Pick<LadderInput, 'centre' | 'step' | 'rows'>,
) {
  const snapped = side === 'bid' ? floorTo(price, input.step) : ceilTo(price, input.step);
  const index = centreIndex(input.rows) - Number((snapped - input.centre) / input.step);
  return index >= 0 && index < input.rows ? index : null;
}

/** Sums sizes per row price for one side; keys are row prices. */
function bucket(
  levels: readonly LevelText[],
  side: 'bid' | 'ask',
  scale: number,
  step: bigint,
  sizeScale: number,
): Map<bigint, bigint> {
  const out = new Map<bigint, bigint>();
  for (const level of levels) {
    const price = toUnits(level.price, scale);
    const size = toUnits(level.size, sizeScale);
    if (price === null || size === null || size <= 0n) continue;
    const row = side === 'bid' ? floorTo(price, step) : ceilTo(price, step);
    out.set(row, (out.get(row) ?? 0n) + size);
  }
  return out;
}

function best(map: Map<bigint, bigint>, side: 'bid' | 'ask'): bigint | null {
  let found: bigint | null = null;
  for (const price of map.keys()) {
    if (found === null || (side === 'bid' ? price > found : price < found)) found = price;
  }
  return found;
}

export function buildLadder(input: LadderInput): LadderModel {
  const bids = bucket(input.bids, 'bid', input.scale, input.step, input.sizeScale);
  const asks = bucket(input.asks, 'ask', input.scale, input.step, input.sizeScale);
  const bestBid = best(bids, 'bid');
  const bestAsk = best(asks, 'ask');
  const grid = { scale: input.scale, step: input.step, sizeScale: input.sizeScale };
  const ownBuy = ownBySide(input.own ?? [], 'buy', grid);
  const ownSell = ownBySide(input.own ?? [], 'sell', grid);
  const stopBuy = stopsBySide(input.stops ?? [], 'buy', grid);
  const stopSell = stopsBySide(input.stops ?? [], 'sell', grid);
  const lastPrice = input.lastTrade ? toUnits(input.lastTrade.price, input.scale) : null;
  const lastRow =
    lastPrice === null || !input.lastTrade
      ? null
      : input.lastTrade.side === 'buy'
        ? ceilTo(lastPrice, input.step)
        : floorTo(lastPrice, input.step);

  const prices = Array.from({ length: input.rows }, (_, i) =>
    rowPrice(input.centre, input.step, input.rows, i),
  );
  let max = 0n;
  for (const p of prices) {
    const b = bids.get(p) ?? 0n;
    const a = asks.get(p) ?? 0n;
    if (b > max) max = b;
    if (a > max) max = a;
  }
  const rows = prices.map((price, index): LadderRow => {
    const bid = bids.get(price) ?? null;
    const ask = asks.get(price) ?? null;
    return {
      index,
      price,
      priceText: fromUnits(price, input.scale),
      bid: bid === null ? null : fromUnits(bid, input.sizeScale),
      ask: ask === null ? null : fromUnits(ask, input.sizeScale),
      bidRatio: bid === null ? 0 : ratio(bid, max),
      askRatio: ask === null ? 0 : ratio(ask, max),
      best: price === bestBid ? 'bid' : price === bestAsk ? 'ask' : null,
      zone: zoneOf(price, bestBid, bestAsk),
      ownBuy: ownBuy.get(price) ?? null,
      ownSell: ownSell.get(price) ?? null,
      stopBuy: stopBuy.get(price) ?? null,
      stopSell: stopSell.get(price) ?? null,
      lastTrade: lastRow !== null && lastRow === price ? input.lastTrade!.side : null,
    };
  });
  return { rows, bestBid, bestAsk };
}

function zoneOf(price: bigint, bestBid: bigint | null, bestAsk: bigint | null): RowZone {
  if (bestAsk !== null && price >= bestAsk) return 'ask';
  if (bestBid !== null && price <= bestBid) return 'bid';
  if (bestBid !== null && bestAsk !== null) return 'spread';
  return 'none';
}

/** The centre row price that puts the spread in the middle; null when the book is empty. */
export function spreadCentre(bestBid: bigint | null, bestAsk: bigint | null, step: bigint): bigint | null {
  if (bestBid !== null && bestAsk !== null) return floorTo((bestBid + bestAsk) / 2n, step);
  const one = bestBid ?? bestAsk;
  return one === null ? null : floorTo(one, step);
}

/** True when the best bid or best ask is outside the rows, less a margin of rows at each edge. */
export function spreadOutOfView(
  model: Pick<LadderModel, 'bestBid' | 'bestAsk'>,
  input: Pick<LadderInput, 'centre' | 'step' | 'rows'>,
  margin = 2,
): boolean {
  const m = Math.min(margin, Math.floor((input.rows - 1) / 2));
  const top = rowPrice(input.centre, input.step, input.rows, m);
  const bottom = rowPrice(input.centre, input.step, input.rows, input.rows - 1 - m);
  const out = (p: bigint | null) => p !== null && (p > top || p < bottom);
  return out(model.bestBid) || out(model.bestAsk);
}

/** Moves the centre by whole rows (positive = up, towards higher prices). */
export function scrollCentre(centre: bigint, rowsDelta: number, step: bigint): bigint {
  return centre + BigInt(Math.trunc(rowsDelta)) * step;
}

/** Keeps the view where it is when the step changes: the centre snaps down to the new grid. */
export function rebaseCentre(centre: bigint, step: bigint): bigint {
  return floorTo(centre, step);
}

/**
 * How many levels per side to ask main for so every visible row is filled: the farthest visible
 * row from the touch, in rows, plus a margin, rounded up to a few fixed depths (a change of depth
 * is a resubscription, so it should not move with every scroll).
 */
export function depthFor(
  input: Pick<LadderInput, 'centre' | 'step' | 'rows'>,
  bestBid: bigint | null,
  bestAsk: bigint | null,
): number {
  const top = rowPrice(input.centre, input.step, input.rows, 0);
  const bottom = rowPrice(input.centre, input.step, input.rows, input.rows - 1);
  const askReach = bestAsk === null ? input.rows : Number((top - bestAsk) / input.step);
  const bidReach = bestBid === null ? input.rows : Number((bestBid - bottom) / input.step);
  const needed = Math.max(askReach, bidReach, 0) + 5;
  for (const depth of [50, 100, 200]) if (needed <= depth) return depth;
  return 200;
}

/**
 * Where the view sits: the user's centre (snapped to the current step), or the spread when there
 * is none yet, or when following and the spread has left the screen.
 */
export function placeView(
  centre: bigint | null,
  home: bigint | null,
  touch: { bestBid: bigint | null; bestAsk: bigint | null },
  view: { step: bigint; rows: number; follow: boolean },
): bigint | null {
  if (centre === null) return home;
  const snapped = rebaseCentre(centre, view.step);
  if (
    home !== null &&
    view.follow &&
    spreadOutOfView(touch, { centre: snapped, step: view.step, rows: view.rows })
  ) {
    return home;
  }
  return snapped;
}

/**
 * A first row step for an instrument nobody chose one for: the finest multiple of the tick (from
 * `multiples`, ascending) that shows the spread in at most a third of the rows, so both sides of
 * the book are on screen; the coarsest when even that is not enough. 1 when the book is one-sided.
 */
export function autoMultiple(
  touch: { bestBid: bigint | null; bestAsk: bigint | null },
  tick: bigint,
  rows: number,
  multiples: readonly number[],
): number {
  const first = multiples[0] ?? 1;
  if (touch.bestBid === null || touch.bestAsk === null || tick <= 0n) return first;
  const spreadTicks = (touch.bestAsk - touch.bestBid) / tick;
  const budget = BigInt(Math.max(1, Math.floor(rows / 3)));
  for (const m of multiples) {
    const step = BigInt(m);
    if ((spreadTicks + step - 1n) / step <= budget) return m;
  }
  return multiples.at(-1) ?? first;
}

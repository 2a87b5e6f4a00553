/**
 * The depth chart's series, pure: cumulative size from the touch outwards on each side, as step
 * points on one ascending price axis (bids left of the spread, asks right). Sums are exact; only
 * the final coordinates become floats, for drawing. Optionally limited to a band around the mid so
 * one far-away level does not squash the interesting part.
 */
import { decimalsOf, fromUnits, toPlotNumber, toUnits } from '../../ui/decimal';

export interface DepthPoint {
  readonly price: number;
  readonly bid: number | null;
  readonly ask: number | null;
}

interface Level {
  readonly price: string;
  readonly size: string;
}

function cumulative(levels: readonly Level[]): Array<{ price: string; total: string }> {
  const scale = levels.reduce((m, l) => Math.max(m, decimalsOf(l.size)), 0);
  let running = 0n;
  return levels.map((l) => {
    running += toUnits(l.size, scale) ?? 0n;
    return { price: l.price, total: fromUnits(running, scale) };
  });
}

/**
 * `band` is the fraction of the mid kept each side (0.01 = +/-1%); levels outside are dropped.
 * Bids come best first (descending), asks best first (ascending), as in a BookView.
 */
export function depthSeries(bids: readonly Level[], asks: readonly Level[], band?: number): DepthPoint[] {
  const bestBid = bids[0] ? toPlotNumber(bids[0].price) : null;
  const bestAsk = asks[0] ? toPlotNumber(asks[0].price) : null;
  const mid = bestBid !== null && bestAsk !== null ? (bestBid + bestAsk) / 2 : (bestBid ?? bestAsk);
  const inBand = (p: number) => band === undefined || mid === null || Math.abs(p - mid) <= mid * band;
  const bidPoints = cumulative(bids)
    .map((l) => ({ price: toPlotNumber(l.price), bid: toPlotNumber(l.total), ask: null }))
    .filter((p) => inBand(p.price))
    .reverse();
  const askPoints = cumulative(asks)
    .map((l) => ({ price: toPlotNumber(l.price), bid: null, ask: toPlotNumber(l.total) }))
    .filter((p) => inBand(p.price));
  return [...bidPoints, ...askPoints];
}

/**
 * An instrument grid that remembers the decimal text of the ticks and lots it has converted: the
 * venue writes the same few prices and sizes over and over (quotes, projections, views), and the
 * exact conversion (bigint arithmetic) is the costliest step of building them. Same results as
 * Grid; each memo is bounded (cleared when full).
 */
import type { DecimalString } from '../../src-shared/domain';
import { Grid } from '../core/num';

const MAX_ENTRIES = 20_000;

export class CachedGrid extends Grid {
  private readonly prices = new Map<number, DecimalString>();
  private readonly sizes = new Map<number, DecimalString>();

  static of(grid: Grid): CachedGrid {
    return new CachedGrid({ tickSize: grid.price.step, lotSize: grid.size.step });
  }

  override ticksToPrice(ticks: number | bigint): DecimalString {
    if (typeof ticks !== 'number') return super.ticksToPrice(ticks);
    return remember(this.prices, ticks, () => super.ticksToPrice(ticks));
  }

  override lotsToSize(lots: number | bigint): DecimalString {
    if (typeof lots !== 'number') return super.lotsToSize(lots);
    return remember(this.sizes, lots, () => super.lotsToSize(lots));
  }
}

function remember(memo: Map<number, DecimalString>, key: number, make: () => DecimalString): DecimalString {
  const hit = memo.get(key);
  if (hit !== undefined) return hit;
  if (memo.size >= MAX_ENTRIES) memo.clear();
  const text = make();
  memo.set(key, text);
  return text;
}

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
    // Inline lookups, no closure per call: this runs for every price of every view and row.
    const hit = this.prices.get(ticks);
    return hit !== undefined ? hit : remember(this.prices, ticks, super.ticksToPrice(ticks));
  }

  override lotsToSize(lots: number | bigint): DecimalString {
    if (typeof lots !== 'number') return super.lotsToSize(lots);
    const hit = this.sizes.get(lots);
    return hit !== undefined ? hit : remember(this.sizes, lots, super.lotsToSize(lots));
  }
}

function remember(memo: Map<number, DecimalString>, key: number, text: DecimalString): DecimalString {
  if (memo.size >= MAX_ENTRIES) memo.clear();
  memo.set(key, text);
  return text;
}

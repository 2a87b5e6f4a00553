/**
 * The trade tape's filter, pure: prints smaller than the minimum size are hidden, prints at or
 * above the big-print threshold are flagged. Thresholds are decimal strings compared exactly; an
 * empty threshold means "off". Thresholds are kept per instrument, since a big print on BTC is a
 * small one on DOGE.
 */
import type { TradeView } from '../../../src-shared/contract';
import { compareDecimal } from '../../ui/decimal';

export interface TapeThresholds {
  /** Hide prints smaller than this ("" = show all). */
  readonly minSize: string;
  /** Highlight prints at least this large ("" = none). */
  readonly bigSize: string;
}

export const NO_THRESHOLDS: TapeThresholds = { minSize: '', bigSize: '' };

const DECIMAL_INPUT = /^\d+(\.\d+)?$/;

/** A threshold as typed: "", or a non-negative decimal ("0.5", "10"). */
export function isThresholdText(text: string): boolean {
  return text === '' || DECIMAL_INPUT.test(text);
}

export interface TapeRow {
  readonly trade: TradeView;
  readonly big: boolean;
}

export function filterTape(trades: readonly TradeView[], thresholds: TapeThresholds, limit = 100): TapeRow[] {
  const min = DECIMAL_INPUT.test(thresholds.minSize) ? thresholds.minSize : null;
  const big = DECIMAL_INPUT.test(thresholds.bigSize) ? thresholds.bigSize : null;
  const out: TapeRow[] = [];
  for (const trade of trades) {
    if (min !== null && compareDecimal(trade.size, min) < 0) continue;
    out.push({ trade, big: big !== null && compareDecimal(trade.size, big) >= 0 });
    if (out.length >= limit) break;
  }
  return out;
}

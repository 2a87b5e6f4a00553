/**
 * Grouping choices for the book and the ladder, and what a choice means in price terms. The book
 * offers significant figures (bucket width follows the price's magnitude, as on Hyperliquid) and
 * tick multiples; the ladder offers tick multiples only, because its rows must sit on one fixed
 * grid and a significant-figure bucket changes width at each power of ten. Main does the
 * aggregation (market.book `grouping`); this module only names choices and computes step sizes,
 * mirroring main's rule (width = 10^(integer digits - n) at the tick's scale, never below a tick).
 */
import type { GroupingParam } from '../../../src-shared/contract';
import { decimalsOf, fromUnits, pow10, significantDecimals, toUnits, trimDecimal } from '../../ui/decimal';

export interface GroupingOption {
  readonly id: string;
  readonly label: string;
  readonly grouping: GroupingParam | undefined;
}

const ticks = (multiple: number): GroupingOption => ({
  id: `t${multiple}`,
  label: `${multiple} ticks`,
  grouping: { kind: 'ticks', multiple },
});
const sigfigs = (n: 2 | 3 | 4 | 5): GroupingOption => ({
  id: `s${n}`,
  label: `${n} sig. figs`,
  grouping: { kind: 'sigfigs', nSigFigs: n },
});

export const BOOK_GROUPINGS: readonly GroupingOption[] = [
  { id: 'full', label: 'full precision', grouping: undefined },
  ticks(2),
  ticks(5),
  ticks(10),
  ticks(25),
  ticks(100),
  ticks(1000),
  sigfigs(5),
  sigfigs(4),
  sigfigs(3),
  sigfigs(2),
];

/** Ladder row steps, in ticks; `]` and `[` move along this list. */
export const LADDER_MULTIPLES = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] as const;

export function stepMultiple(current: number, direction: 1 | -1): number {
  const index = LADDER_MULTIPLES.findIndex((m) => m >= current);
  const at = index < 0 ? LADDER_MULTIPLES.length - 1 : index;
  const next = Math.min(LADDER_MULTIPLES.length - 1, Math.max(0, at + direction));
  return LADDER_MULTIPLES[next]!;
}

/** Coarser (+1) or finer (-1) book grouping, in the order of BOOK_GROUPINGS' two families. */
export function stepBookGrouping(id: string, direction: 1 | -1): string {
  const order = ['full', 't2', 't5', 't10', 't25', 't100', 't1000'];
  const sig = ['s5', 's4', 's3', 's2'];
  const family = sig.includes(id) ? sig : order;
  const index = Math.max(0, family.indexOf(id));
  return family[Math.min(family.length - 1, Math.max(0, index + direction))]!;
}

export function bookGrouping(id: string): GroupingOption {
  return BOOK_GROUPINGS.find((g) => g.id === id) ?? BOOK_GROUPINGS[0]!;
}

/** Decimals a tick size needs ("0.10000000" -> 1). */
export function tickDecimals(tickSize: string): number {
  return significantDecimals(tickSize);
}

/** The tick in units at its own decimals ("0.10000000" -> 1n at scale 1); null if not positive. */
export function tickUnits(tickSize: string): bigint | null {
  const units = toUnits(tickSize, tickDecimals(tickSize));
  return units !== null && units > 0n ? units : null;
}

/**
 * The width of one bucket as a decimal string, at the price `reference` (sig. figs depend on it);
 * the tick itself for full precision. Null when the tick is unknown.
 */
export function groupingStep(
  grouping: GroupingParam | undefined,
  tickSize: string,
  reference?: string,
): string | null {
  const scale = tickDecimals(tickSize);
  const tick = tickUnits(tickSize);
  if (tick === null) return null;
  if (!grouping) return trimDecimal(fromUnits(tick, scale));
  if (grouping.kind === 'ticks') return trimDecimal(fromUnits(tick * BigInt(grouping.multiple), scale));
  if (!reference) return null;
  const scaled = toUnits(reference, Math.max(scale, decimalsOf(reference)));
  if (scaled === null || scaled <= 0n) return null;
  // As main counts them: digits of the price scaled to the tick's decimals, minus those decimals
  // (negative for prices below 0.1), so the bucket is mantissa x 10^(digits - n) in price terms.
  const atScale = scaled / pow10(Math.max(scale, decimalsOf(reference)) - scale);
  const integerDigits = atScale.toString().length - scale;
  const exponent = integerDigits - grouping.nSigFigs + scale;
  const units = exponent < 0 ? 1n : BigInt(grouping.mantissa ?? 1) * pow10(exponent);
  return trimDecimal(fromUnits(units < tick ? tick : units, scale));
}

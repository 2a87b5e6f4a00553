/**
 * Exact integer amounts on the hot path. Every balance, lock, notional and fee is a whole number of an
 * asset's smallest unit (10^-decimals), held in a JS number that is always a safe integer
 * (|x| <= 2^53 - 1). Arithmetic on safe integers is exact as long as every intermediate stays safe, so:
 *
 * - the ledger caps each asset's total supply at MAX_UNITS (a deposit beyond it is refused), and since
 *   the ledger conserves every asset, no balance, lock or fee can ever exceed MAX_UNITS;
 * - a product that might exceed 2^53 (notional x fee rate numerator) is detected (a double product of
 *   two safe integers is >= 2^53 exactly when the true product is) and recomputed in bigint.
 *
 * So no value is ever rounded by floating point; the only roundings are the documented fee rules
 * (fees round down, fee reserves round up), done in integer arithmetic. This is exchange-core's
 * 64-bit-long design with 53 bits, chosen because bigint arithmetic allocates on every operation and
 * would cost most of the engine's time budget.
 */
import type { DecimalString } from '../../../src-shared/domain';
import { decimalsOf, toScaled } from '../num';

/** The largest amount (in an asset's smallest units) the ledger will ever hold. */
export const MAX_UNITS = Number.MAX_SAFE_INTEGER;

/** A non-negative fee rate below 1, as an exact fraction num / den with den a power of ten. */
export interface Rate {
  readonly text: DecimalString;
  readonly num: number;
  readonly den: number;
}

/** Parses "0.001" into { num: 1, den: 1000 }. Null unless 0 <= rate < 1 with at most 15 decimals. */
export function parseRate(text: string): Rate | null {
  const decimals = decimalsOf(text);
  if (decimals < 0 || decimals > 15) return null;
  const scaled = toScaled(text, decimals);
  const den = 10n ** BigInt(decimals);
  if (scaled === null || scaled < 0n || scaled >= den) return null;
  return { text: text as DecimalString, num: Number(scaled), den: Number(den) };
}

/** floor(amount * rate), exact. `amount` is a non-negative safe integer; the result is <= amount. */
export function mulRateFloor(amount: number, rate: Rate): number {
  const product = amount * rate.num;
  if (product <= MAX_UNITS) {
    // Both operands are exact and below 2^53, so the rounded quotient is off by at most one;
    // the remainder check makes it exact.
    let q = Math.floor(product / rate.den);
    const r = product - q * rate.den;
    if (r < 0) q -= 1;
    else if (r >= rate.den) q += 1;
    return q;
  }
  return Number((BigInt(amount) * BigInt(rate.num)) / BigInt(rate.den));
}

/** ceil(amount * rate), exact. */
export function mulRateCeil(amount: number, rate: Rate): number {
  const floor = mulRateFloor(amount, rate);
  const product = amount * rate.num;
  if (product <= MAX_UNITS) return product - floor * rate.den > 0 ? floor + 1 : floor;
  return (BigInt(amount) * BigInt(rate.num)) % BigInt(rate.den) > 0n ? floor + 1 : floor;
}

/** True when `x` is a whole number in [0, MAX_UNITS]. */
export function isUnits(x: number): boolean {
  return Number.isSafeInteger(x) && x >= 0;
}

/** Decimal string -> whole smallest units of an asset with `decimals` decimals; null if off-grid. */
export function toUnits(amount: string, decimals: number): number | null {
  const scaled = toScaled(amount, decimals);
  if (scaled === null || scaled < 0n || scaled > BigInt(MAX_UNITS)) return null;
  return Number(scaled);
}

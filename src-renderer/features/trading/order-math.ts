/**
 * Exact arithmetic on decimal strings for order entry, pure: notional (price x size), how far a
 * price sits from a reference in percent, a size from a notional on the lot grid, and the mid of
 * two prices. Everything goes through scaled bigints (src-renderer/ui/decimal), never a float.
 * Invariants: results are exact (no rounding) except where a function says it floors; a value
 * that is not a decimal string gives null rather than a guess.
 */
import { decimalsOf, fromUnits, pow10, toUnits } from '../../ui/decimal';

const DECIMAL = /^-?\d+(\.\d+)?$/;

export function isDecimal(text: string): boolean {
  return DECIMAL.test(text.trim());
}

/** True for a decimal string greater than zero. */
export function isPositiveDecimal(text: string): boolean {
  const t = text.trim();
  if (!isDecimal(t) || t.startsWith('-')) return false;
  return (toUnits(t, decimalsOf(t)) ?? 0n) > 0n;
}

/** Both values as units at their common scale, or null when either is not a decimal. */
function common(a: string, b: string): [bigint, bigint, number] | null {
  if (!isDecimal(a) || !isDecimal(b)) return null;
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  const x = toUnits(a, scale);
  const y = toUnits(b, scale);
  return x === null || y === null ? null : [x, y, scale];
}

/** price x size, exact (its decimals are the sum of theirs). */
export function notional(price: string, size: string): string | null {
  if (!isDecimal(price) || !isDecimal(size)) return null;
  const dp = decimalsOf(price);
  const ds = decimalsOf(size);
  const p = toUnits(price, dp);
  const s = toUnits(size, ds);
  return p === null || s === null ? null : fromUnits(p * s, dp + ds);
}

/** a - b, exact. */
export function subtract(a: string, b: string): string | null {
  const c = common(a, b);
  return c ? fromUnits(c[0] - c[1], c[2]) : null;
}

/** -1, 0 or 1; null when either is not a decimal. */
export function compare(a: string, b: string): -1 | 0 | 1 | null {
  const c = common(a, b);
  if (!c) return null;
  return c[0] < c[1] ? -1 : c[0] > c[1] ? 1 : 0;
}

/** (a + b) / 2, exact (one more decimal when needed). */
export function midpoint(a: string, b: string): string | null {
  const c = common(a, b);
  if (!c) return null;
  const [x, y, scale] = c;
  const sum = x + y;
  return sum % 2n === 0n ? fromUnits(sum / 2n, scale) : fromUnits((sum * 10n) / 2n, scale + 1);
}

/** True when |price - reference| is more than `pct` percent of the reference (reference > 0). */
export function deviatesMoreThan(price: string, reference: string, pct: string): boolean | null {
  const c = common(price, reference);
  if (!c || !isDecimal(pct)) return null;
  const [p, r] = c;
  if (r <= 0n) return null;
  const dp = decimalsOf(pct);
  const limit = toUnits(pct, dp);
  if (limit === null) return null;
  const distance = p > r ? p - r : r - p;
  // distance / r > limit / (100 * 10^dp)  <=>  distance * 100 * 10^dp > limit * r
  return distance * 100n * pow10(dp) > limit * r;
}

/** |price - reference| / reference in percent, truncated to two decimals ("7.31"), for messages. */
export function deviationPct(price: string, reference: string): string | null {
  const c = common(price, reference);
  if (!c || c[1] <= 0n) return null;
  const [p, r] = c;
  const distance = p > r ? p - r : r - p;
  return fromUnits((distance * 10_000n) / r, 2);
}

/**
 * The largest size on the lot grid whose notional at `price` does not exceed `amount` (floors);
 * null when the inputs are not positive decimals. May be "0" when one lot already costs more.
 */
export function sizeForNotional(amount: string, price: string, lotSize: string): string | null {
  if (!isPositiveDecimal(amount) || !isPositiveDecimal(price) || !isPositiveDecimal(lotSize)) return null;
  const scale = Math.max(decimalsOf(amount), decimalsOf(price), decimalsOf(lotSize));
  const n = toUnits(amount, scale)!;
  const p = toUnits(price, scale)!;
  const l = toUnits(lotSize, scale)!;
  // lots = floor((n / 10^s) / ((p / 10^s) * (l / 10^s))) = floor(n * 10^s / (p * l))
  const lots = (n * pow10(scale)) / (p * l);
  return trimZeros(fromUnits(lots * l, scale));
}

/** True when `size` is a whole multiple of `lotSize`. */
export function onLotGrid(size: string, lotSize: string): boolean {
  const c = common(size, lotSize);
  return c !== null && c[1] > 0n && c[0] % c[1] === 0n;
}

/** "1.500" -> "1.5", "2.000" -> "2"; integers stay. */
export function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** For display: rounded half away from zero to `decimals` (PnL and notional figures only). */
export function roundForDisplay(text: string, decimals: number): string {
  if (!isDecimal(text)) return text;
  const have = decimalsOf(text);
  if (have <= decimals) return fromUnits(toUnits(text, have)! * pow10(decimals - have), decimals);
  const units = toUnits(text, have)!;
  const factor = pow10(have - decimals);
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const rounded = (abs + factor / 2n) / factor;
  return fromUnits(negative && rounded !== 0n ? -rounded : rounded, decimals);
}

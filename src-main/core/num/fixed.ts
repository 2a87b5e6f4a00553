/**
 * Exact fixed-point conversion between decimal strings and scaled integers. A decimal string
 * with at most `decimals` fractional digits maps to the bigint value * 10^decimals; anything that
 * would need rounding is refused (null), never silently rounded. Hot paths (venue frames, order
 * entry) use this instead of constructing Decimal objects.
 */
import type { DecimalString } from '../../../src-shared/domain';

const DECIMAL = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?$/;
const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));

export function pow10(exponent: number): bigint {
  return POW10[exponent] ?? 10n ** BigInt(exponent);
}

/** Number of fractional digits as written ("1.50" -> 2, "3" -> 0); -1 for malformed input. */
export function decimalsOf(s: string): number {
  const m = DECIMAL.exec(s);
  if (!m) return -1;
  return m[3]?.length ?? 0;
}

/** Number of fractional digits after dropping trailing zeros ("1.50" -> 1). */
export function significantDecimals(s: string): number {
  const m = DECIMAL.exec(s);
  if (!m) return -1;
  return (m[3] ?? '').replace(/0+$/, '').length;
}

/** "12.345", 3 -> 12345n. Null when malformed or when it has non-zero digits beyond `decimals`. */
export function toScaled(s: string, decimals: number): bigint | null {
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const [, sign, whole, frac = ''] = m;
  let digits = frac;
  if (digits.length > decimals) {
    if (!/^0*$/.test(digits.slice(decimals))) return null;
    digits = digits.slice(0, decimals);
  }
  const value = BigInt(whole!) * pow10(decimals) + (digits ? BigInt(digits.padEnd(decimals, '0')) : 0n);
  return sign === '-' ? -value : value;
}

/**
 * The common case of `toScaled` without regular expressions or bigints, for hot paths (venue
 * frames): a plain non-negative decimal ("64000.10", "0.00500000") whose scaled value is a safe
 * integer. Returns that value, or -1 whenever `toScaled` must decide instead: a sign, a leading
 * zero, a malformed string, non-zero digits beyond `decimals`, or a value above 2^53 - 1. Where it
 * answers, it equals `Number(toScaled(s, decimals))` (a property test holds it to that).
 */
export function toScaledSafe(s: string, decimals: number): number {
  const n = s.length;
  if (n === 0) return -1;
  let i = 0;
  let value = 0;
  if (s.charCodeAt(0) === 48) {
    // "0" or "0.xxx"; "01" is not a decimal.
    i = 1;
  } else {
    for (; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) break;
      value = value * 10 + c;
    }
    if (i === 0) return -1;
  }
  let digits = 0;
  if (i < n) {
    if (s.charCodeAt(i) !== 46 || i === n - 1) return -1;
    for (i += 1; i < n; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return -1;
      if (digits < decimals) {
        value = value * 10 + c;
        digits += 1;
      } else if (c !== 0) return -1;
    }
  }
  for (; digits < decimals; digits++) value *= 10;
  // Every intermediate is at most the final value, so all of them were exact when it is safe.
  return value <= Number.MAX_SAFE_INTEGER ? value : -1;
}

/** 12345n, 3 -> "12.345"; trailing fractional zeros are trimmed ("12.3" not "12.300"). */
export function fromScaled(value: bigint, decimals: number): DecimalString {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  let text: string;
  if (decimals === 0) {
    text = abs.toString();
  } else {
    const raw = abs.toString().padStart(decimals + 1, '0');
    const whole = raw.slice(0, raw.length - decimals);
    const frac = raw.slice(raw.length - decimals).replace(/0+$/, '');
    text = frac ? `${whole}.${frac}` : whole;
  }
  return ((negative && abs !== 0n ? '-' : '') + text) as DecimalString;
}

/**
 * `fromScaled` for a non-negative safe integer, without bigints (order answers and views format
 * several prices and sizes each). Equals `fromScaled(BigInt(value), decimals)`.
 */
export function fromScaledSafe(value: number, decimals: number): DecimalString {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`not a safe scaled value: ${value}`);
  const digits = String(value);
  if (decimals === 0) return digits as DecimalString;
  const raw = digits.length > decimals ? digits : digits.padStart(decimals + 1, '0');
  const point = raw.length - decimals;
  let end = raw.length;
  while (end > point && raw.charCodeAt(end - 1) === 48) end--;
  return (
    end === point ? raw.slice(0, point) : `${raw.slice(0, point)}.${raw.slice(point, end)}`
  ) as DecimalString;
}

/** Like fromScaled but always prints exactly `decimals` fractional digits ("12.300"). */
export function fromScaledFixed(value: bigint, decimals: number): DecimalString {
  const negative = value < 0n;
  const abs = negative ? -value : value;
  if (decimals === 0) return ((negative && abs !== 0n ? '-' : '') + abs.toString()) as DecimalString;
  const raw = abs.toString().padStart(decimals + 1, '0');
  const text = `${raw.slice(0, raw.length - decimals)}.${raw.slice(raw.length - decimals)}`;
  return ((negative && abs !== 0n ? '-' : '') + text) as DecimalString;
}

/**
 * An exact running sum of plain decimal strings ("12.5", "-0.001") as a bigint at the largest
 * scale seen so far: for adding up amounts written at different decimals (equity, PnL) without
 * decimal.js. `toString` is canonical (trailing zeros trimmed, never "-0"), as `toDecimalString`.
 */
export class ExactSum {
  private units = 0n;
  private decimals = 0;

  /** Adds `value` (or subtracts it when `sign` is -1); throws on anything but a plain decimal. */
  add(value: string, sign: 1 | -1 = 1): this {
    const decimals = decimalsOf(value);
    const scaled = decimals < 0 ? null : toScaled(value, decimals);
    if (scaled === null) throw new RangeError(`not a plain decimal: "${value}"`);
    return this.addScaled(sign < 0 ? -scaled : scaled, decimals);
  }

  /** Adds `units` × 10^-decimals. */
  addScaled(units: bigint, decimals: number): this {
    if (decimals > this.decimals) {
      this.units *= pow10(decimals - this.decimals);
      this.decimals = decimals;
    }
    this.units += decimals < this.decimals ? units * pow10(this.decimals - decimals) : units;
    return this;
  }

  toString(): DecimalString {
    return fromScaled(this.units, this.decimals);
  }
}

/** Integer division rounding towards +infinity (for fees charged to the payer). */
export function divCeil(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new RangeError('divCeil needs a positive divisor');
  const q = a / b;
  return a % b > 0n ? q + 1n : q;
}

/** Integer division rounding towards -infinity. */
export function divFloor(a: bigint, b: bigint): bigint {
  if (b <= 0n) throw new RangeError('divFloor needs a positive divisor');
  const q = a / b;
  return a % b < 0n ? q - 1n : q;
}

/**
 * Decimal strings as exact scaled integers for the renderer (it may not import src-main/core/num).
 * A price or size is `units / 10^scale` with `units` a bigint, so comparing, summing and placing
 * values on a tick grid never goes through a float. Floats appear only where a pixel is computed
 * (bar widths, chart coordinates), through `toPlotNumber`, and never flow back into a value.
 * Invariants: `fromUnits(toUnits(s, d)!, d)` equals `s` normalised to `d` decimals; an input with
 * more non-zero decimals than the scale asked for gives null, never a silent rounding.
 */

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** Number of decimals written (trailing zeros count: "0.10" has 2). */
export function decimalsOf(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Decimals actually needed ("0.10000000" needs 1, "5" needs 0). */
export function significantDecimals(text: string): number {
  const match = DECIMAL.exec(text);
  if (!match) return 0;
  return (match[3] ?? '').replace(/0+$/, '').length;
}

/** Exact units at `scale` decimals, or null when not a decimal or not representable at that scale. */
export function toUnits(text: string, scale: number): bigint | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const kept = fraction.slice(0, scale);
  if (/[1-9]/.test(fraction.slice(scale))) return null;
  const digits = `${whole}${kept.padEnd(scale, '0')}`;
  const units = BigInt(digits);
  return sign === '-' ? -units : units;
}

/** The decimal string of `units / 10^scale`, with exactly `scale` decimals. */
export function fromUnits(units: bigint, scale: number): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale);
  return `${negative ? '-' : ''}${whole}${scale > 0 ? `.${fraction}` : ''}`;
}

/** -1, 0 or 1; non-decimal input compares as zero-free garbage last (it never appears on the wire). */
export function compareDecimal(a: string, b: string): number {
  const scale = Math.max(decimalsOf(a), decimalsOf(b));
  const x = toUnits(a, scale);
  const y = toUnits(b, scale);
  if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Exact sum of decimal strings (at the widest scale among them). */
export function addDecimals(values: readonly string[]): string {
  const scale = values.reduce((m, v) => Math.max(m, decimalsOf(v)), 0);
  let total = 0n;
  for (const v of values) total += toUnits(v, scale) ?? 0n;
  return fromUnits(total, scale);
}

/** A display copy with at least `decimals` decimals (never drops a non-zero digit). */
export function padDecimals(text: string, decimals: number): string {
  const have = decimalsOf(text);
  if (have >= decimals) return text;
  return `${text}${have === 0 ? '.' : ''}${'0'.repeat(decimals - have)}`;
}

/** Splits trailing fractional zeros off, so a view can dim them: "1.500" -> ["1.5", "00"]. */
export function splitTrailingZeros(text: string): [string, string] {
  if (!text.includes('.')) return [text, ''];
  const match = /^(.*?)(0*)$/.exec(text)!;
  return [match[1]!, match[2]!];
}

/** Floor/ceil of `units` to a multiple of `step` (step > 0), exact for negatives too. */
export function floorTo(units: bigint, step: bigint): bigint {
  const q = units / step;
  return (units % step !== 0n && units < 0n ? q - 1n : q) * step;
}

export function ceilTo(units: bigint, step: bigint): bigint {
  const q = units / step;
  return (units % step !== 0n && units > 0n ? q + 1n : q) * step;
}

export function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** For pixels and chart axes only: the value as a float. Never feed the result back into a value. */
export function toPlotNumber(text: string): number {
  return Number(text);
}

/** Ratio of two unit counts as a float in [0, 1] (bar widths). */
export function ratio(part: bigint, whole: bigint): number {
  if (whole <= 0n || part <= 0n) return 0;
  if (part >= whole) return 1;
  // Scale to 1e6 in bigint first so huge unit counts keep their precision.
  return Number((part * 1_000_000n) / whole) / 1_000_000;
}

/** Canonical short form for labels: trailing fractional zeros dropped ("0.10000000" -> "0.1", "10" stays). */
export function trimDecimal(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/**
 * For display: exactly `decimals` decimals when the value fits ("999.80000000" at 1 -> "999.8"),
 * otherwise the value with its trailing zeros trimmed (never a rounded figure).
 */
export function toDecimals(text: string, decimals: number): string {
  const units = toUnits(text, decimals);
  return units === null ? trimDecimal(text) : fromUnits(units, decimals);
}

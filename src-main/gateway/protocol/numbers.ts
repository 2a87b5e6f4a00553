/**
 * Exact decimals from JSON. A JSON number is never trusted as a float: JSON.parse turns
 * 0.3000000000000000001 into 0.3, which would silently accept a price the bot did not send. So
 * for every price, quantity or amount sent as a number we read its raw token from the message text
 * and convert that token to a plain decimal string by moving the decimal point (no arithmetic).
 * Strings must already be plain decimals ("12.5"; no exponent, sign '+', spaces or leading zeros).
 *
 * `topLevelNumberTokens` scans only the top-level members of an object and is called after
 * JSON.parse succeeded on the same text, so the text is valid JSON; nested values are skipped with
 * a depth counter (never recursion). Duplicate keys resolve like JSON.parse: the last one wins.
 */
import { DECIMAL_PATTERN } from '../../../src-shared/domain';

/** Map from top-level key to the raw text of its value, for the members whose value is a number. */
export function topLevelNumberTokens(text: string): Map<string, string> | null {
  const out = new Map<string, string>();
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return null;
  i = skipSpace(text, i + 1);
  if (text[i] === '}') return out;
  for (;;) {
    if (text[i] !== '"') return null;
    const keyEnd = stringEnd(text, i);
    if (keyEnd < 0) return null;
    const rawKey = text.slice(i, keyEnd + 1);
    const key = rawKey.includes('\\') ? (JSON.parse(rawKey) as string) : rawKey.slice(1, -1);
    i = skipSpace(text, keyEnd + 1);
    if (text[i] !== ':') return null;
    const start = skipSpace(text, i + 1);
    const end = valueEnd(text, start);
    if (end < 0) return null;
    const first = text.charCodeAt(start);
    if (first === 45 /* - */ || (first >= 48 && first <= 57)) out.set(key, text.slice(start, end));
    else out.delete(key);
    i = skipSpace(text, end);
    if (text[i] === '}') return out;
    if (text[i] !== ',') return null;
    i = skipSpace(text, i + 1);
  }
}

const JSON_NUMBER = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/;
/** Far beyond any grid: a value needing more digits than this is refused, not expanded. */
const MAX_DIGITS = 40;

export type DecimalInput = { ok: true; value: string } | { ok: false; reason: string };

/** A JSON number token as a plain decimal string: "1e-7" -> "0.0000001", "-0" -> "0". */
export function plainDecimalFromToken(token: string): DecimalInput {
  const m = JSON_NUMBER.exec(token);
  if (!m) return { ok: false, reason: `"${token.slice(0, 24)}" is not a JSON number` };
  const [, sign, whole = '0', frac = '', expText] = m;
  const exponent = expText === undefined ? 0 : Number(expText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 1000) {
    return { ok: false, reason: `${token.slice(0, 24)} is out of range` };
  }
  const all = whole + frac;
  const significant = all.replace(/^0+/, '');
  if (significant === '') return { ok: true, value: '0' };
  // `point` = how many of the significant digits stand before the decimal point (may be <= 0 or
  // beyond their count); dropping trailing zeros does not move it.
  const point = whole.length + exponent - (all.length - significant.length);
  const digits = significant.replace(/0+$/, '');
  if (point > MAX_DIGITS) return { ok: false, reason: `${token.slice(0, 24)} is too large` };
  if (point < -MAX_DIGITS || digits.length - point > MAX_DIGITS) {
    return { ok: false, reason: `${token.slice(0, 24)} has too many decimals` };
  }
  let intPart: string;
  let fracPart: string;
  if (point <= 0) {
    intPart = '0';
    fracPart = '0'.repeat(-point) + digits;
  } else if (point >= digits.length) {
    intPart = digits + '0'.repeat(point - digits.length);
    fracPart = '';
  } else {
    intPart = digits.slice(0, point);
    fracPart = digits.slice(point);
  }
  fracPart = fracPart.replace(/0+$/, '');
  const text = fracPart ? `${intPart}.${fracPart}` : intPart;
  return { ok: true, value: sign === '-' && text !== '0' ? `-${text}` : text };
}

/**
 * A price, quantity or amount as a plain decimal string. `token` is the raw JSON text when the
 * value arrived as a number (required then: without it a number is refused, never guessed).
 */
export function decimalFromJson(value: string | number, token: string | undefined): DecimalInput {
  if (typeof value === 'string') {
    if (value.length > 64 || !DECIMAL_PATTERN.test(value)) {
      return { ok: false, reason: `"${value.slice(0, 24)}" is not a plain decimal such as "12.5"` };
    }
    return { ok: true, value: value === '-0' ? '0' : value };
  }
  if (!Number.isFinite(value)) return { ok: false, reason: 'is not a finite number' };
  if (token === undefined) return { ok: false, reason: 'could not be read exactly' };
  return plainDecimalFromToken(token);
}

function skipSpace(text: string, i: number): number {
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else return i;
  }
}

/** Index of the closing quote of the string starting at `i`; -1 if unterminated. */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (c === 92 /* \ */) j++;
    else if (c === 34 /* " */) return j;
  }
  return -1;
}

/** Index just after the value starting at `i`; -1 if malformed. Iterative for nested values. */
function valueEnd(text: string, i: number): number {
  const first = text[i];
  if (first === '"') {
    const end = stringEnd(text, i);
    return end < 0 ? -1 : end + 1;
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const c = text[j];
      if (c === '"') {
        j = stringEnd(text, j);
        if (j < 0) return -1;
      } else if (c === '{' || c === '[') depth++;
      else if (c === '}' || c === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  }
  let j = i;
  while (j < text.length && !',}] \t\n\r'.includes(text[j]!)) j++;
  return j === i ? -1 : j;
}

/**
 * Exact decimals from JSON: the raw-token scanner agrees with JSON.parse on every generated
 * object, and token -> decimal conversion is exact (checked against decimal.js, and against the
 * float where the float is exact).
 */
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decimalFromJson,
  plainDecimalFromToken,
  topLevelNumberTokens,
} from '../../../src-main/gateway/protocol/numbers';

/** JSON text of an object with random whitespace, escaped keys and nested values. */
const spaced = fc.constantFrom('', ' ', '\n', '\t ', '\r\n  ');
const jsonNumberToken = fc
  .tuple(
    fc.boolean(),
    fc.oneof(fc.constant('0'), fc.integer({ min: 1, max: 1e9 }).map(String)),
    fc.option(fc.stringMatching(/^[0-9]{1,12}$/), { nil: undefined }),
    fc.option(
      fc.tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), fc.integer({ min: 0, max: 30 })),
      {
        nil: undefined,
      },
    ),
  )
  .map(
    ([neg, whole, frac, exp]) =>
      `${neg ? '-' : ''}${whole}${frac ? `.${frac}` : ''}${exp ? exp.join('') : ''}`,
  );
const member = fc.tuple(
  fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('price', 'quantity', '__proto__', 'a"b', 'p\\q')),
  fc.oneof(
    jsonNumberToken,
    fc.json({ maxDepth: 2 }),
    fc.string({ maxLength: 6 }).map((s) => JSON.stringify(s)),
  ),
);
const objectText = fc
  .tuple(fc.array(fc.tuple(member, spaced, spaced), { maxLength: 8 }), spaced)
  .map(
    ([members, end]) =>
      `{${members.map(([[k, v], a, b]) => `${a}${JSON.stringify(k)}${b}:${a}${v}${b}`).join(',')}${end}}`,
  );

describe('topLevelNumberTokens', () => {
  it('finds exactly the top-level numeric members JSON.parse sees, last duplicate winning', () => {
    fc.assert(
      fc.property(objectText, (text) => {
        const parsed = JSON.parse(text) as Record<string, unknown>;
        const tokens = topLevelNumberTokens(text);
        expect(tokens).not.toBeNull();
        const numericKeys = Object.keys(parsed).filter((k) => typeof parsed[k] === 'number');
        expect([...tokens!.keys()].sort()).toEqual(numericKeys.sort());
        for (const key of numericKeys) expect(Number(tokens!.get(key))).toBe(parsed[key]);
      }),
      { numRuns: 2000 },
    );
  });

  it('handles escapes in keys and brackets inside strings', () => {
    const tokens = topLevelNumberTokens(
      '{"\\u0070rice" : 1.10, "s":"}]{[", "n":{"price":2}, "quantity":3e-2}',
    );
    expect(Object.fromEntries(tokens!)).toEqual({ price: '1.10', quantity: '3e-2' });
    expect(topLevelNumberTokens('[1,2]')).toBeNull();
  });
});

describe('plainDecimalFromToken', () => {
  it('equals decimal.js on every JSON number token, never in exponent form', () => {
    fc.assert(
      fc.property(jsonNumberToken, (token) => {
        const out = plainDecimalFromToken(token);
        const exact = new Decimal(token);
        // Refused only beyond 40 integer or 40 fractional digits, far outside any grid.
        const huge = exact.decimalPlaces() > 40 || exact.abs().gte(new Decimal('1e40'));
        expect(out.ok).toBe(!huge);
        if (!out.ok) return;
        expect(out.value).toMatch(/^-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/);
        expect(new Decimal(out.value).equals(new Decimal(token))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees with the float where the float prints exactly', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (d) => {
        const token = JSON.stringify(d);
        const out = plainDecimalFromToken(token);
        if (out.ok) expect(new Decimal(out.value).equals(new Decimal(d))).toBe(true);
      }),
    );
  });

  it.each([
    ['1e-7', '0.0000001'],
    ['100e-2', '1'],
    ['-0', '0'],
    ['-0.0e5', '0'],
    ['1.50', '1.5'],
    ['0.30000000000000000001', '0.30000000000000000001'],
    ['1E+2', '100'],
  ])('%s -> %s', (token, value) => {
    expect(plainDecimalFromToken(token)).toEqual({ ok: true, value });
  });

  it.each(['1e309', '1e-50', '1e99999999', '00', '.5', '1.', '+1', 'NaN'])('refuses %s', (token) => {
    expect(plainDecimalFromToken(token).ok).toBe(false);
  });
});

describe('decimalFromJson', () => {
  it('takes strings only as plain decimals and numbers only with their token', () => {
    expect(decimalFromJson('12.50', undefined)).toEqual({ ok: true, value: '12.50' });
    expect(decimalFromJson('1e3', undefined).ok).toBe(false);
    expect(decimalFromJson(' 1', undefined).ok).toBe(false);
    expect(decimalFromJson(0.1, undefined).ok).toBe(false);
    expect(decimalFromJson(0.1, '0.1')).toEqual({ ok: true, value: '0.1' });
    expect(decimalFromJson(Infinity, '1e309').ok).toBe(false);
  });
});

/**
 * Decimal strings are how every price, size and amount crosses an edge (wire, contract, SQLite).
 * Canonical form: optional '-', no leading zeros, no exponent, no trailing '.', e.g. "0.5", "-12.25".
 * Trailing fractional zeros are allowed ("1.50") because venues send them and checksums need them.
 */
import { z } from 'zod';

export const DECIMAL_PATTERN = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

export const DecimalStringSchema = z
  .string()
  .max(64, 'decimal string too long')
  .regex(DECIMAL_PATTERN, 'expected a plain decimal string such as "12.5"')
  .brand<'DecimalString'>();
export type DecimalString = z.infer<typeof DecimalStringSchema>;

/** A decimal string that is strictly positive (prices, order sizes). */
export const PositiveDecimalSchema = DecimalStringSchema.refine(
  (s) => !s.startsWith('-') && /[1-9]/.test(s),
  'must be greater than zero',
);

/**
 * decimal.js lives here and only here: for the arithmetic that is not a grid conversion (ratios,
 * averages, display rounding). Configured with enough precision that no trading figure rounds.
 */
import Decimal from 'decimal.js';
import type { DecimalString } from '../../../src-shared/domain';

export const Dec = Decimal.clone({
  precision: 60,
  rounding: Decimal.ROUND_HALF_EVEN,
  toExpNeg: -60,
  toExpPos: 60,
});
export type Dec = InstanceType<typeof Dec>;

/** A Decimal as a plain decimal string (never exponent notation). */
export function toDecimalString(value: Dec): DecimalString {
  const text = value.toFixed();
  return (text === '-0' ? '0' : text) as DecimalString;
}

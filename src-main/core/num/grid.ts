/**
 * An instrument's price and size grid. Inside the core, prices are integer ticks and sizes are
 * integer lots (JS safe integers, fast to compare and hash); at the edges they are decimal strings.
 * A value that is not a whole number of ticks or lots is an error value, not a rounding.
 */
import type { DecimalString } from '../../../src-shared/domain';
import { decimalsOf, fromScaled, fromScaledSafe, toScaled, toScaledSafe } from './fixed';

export type GridError = 'MALFORMED' | 'OFF_GRID' | 'NOT_POSITIVE' | 'TOO_LARGE';
export type GridResult = { ok: true; value: number } | { ok: false; error: GridError };

/** One axis of a grid: a step (tick or lot) and the number of decimals needed to write it. */
export class Step {
  readonly decimals: number;
  /** The step expressed in units of 10^-decimals. */
  readonly units: bigint;
  /** `units` as a number when it is a safe integer (enables `quickSteps`), else 0. */
  private readonly unitsSafe: number;

  constructor(readonly step: DecimalString) {
    const decimals = decimalsOf(step);
    const units = decimals < 0 ? null : toScaled(step, decimals);
    if (units === null || units <= 0n) throw new RangeError(`invalid step "${step}"`);
    this.decimals = decimals;
    this.units = units;
    this.unitsSafe = units <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(units) : 0;
  }

  /**
   * Hot-path conversion: the whole number of steps (0 for a zero value) of a plain decimal on the
   * grid, or -1 when `toSteps` must decide (off the grid, malformed, unusual spelling, too large).
   * Never disagrees with `toSteps` where it answers.
   */
  quickSteps(value: string): number {
    const units = this.unitsSafe;
    if (units === 0) return -1;
    const scaled = toScaledSafe(value, this.decimals);
    // A step of one unit (tick 0.01 at 2 decimals: the common case) needs no division.
    if (units === 1 || scaled < 0) return scaled;
    return scaled % units === 0 ? scaled / units : -1;
  }

  /** Decimal string -> whole number of steps. Refuses anything off the grid, zero or negative. */
  toSteps(value: string): GridResult {
    // The plain on-grid case needs neither regular expressions nor bigints.
    const quick = this.quickSteps(value);
    return quick > 0 ? { ok: true, value: quick } : this.exactSteps(value);
  }

  /** `toSteps` by the general parser alone (bigints): the reference the quick path must match. */
  exactSteps(value: string): GridResult {
    const scaled = toScaled(value, this.decimals);
    if (scaled === null) return decimalsOf(value) < 0 ? fail('MALFORMED') : fail('OFF_GRID');
    if (scaled <= 0n) return fail('NOT_POSITIVE');
    if (scaled % this.units !== 0n) return fail('OFF_GRID');
    const steps = scaled / this.units;
    if (steps > BigInt(Number.MAX_SAFE_INTEGER)) return fail('TOO_LARGE');
    return { ok: true, value: Number(steps) };
  }

  /** Whole number of steps -> canonical decimal string (trailing zeros trimmed). */
  fromSteps(steps: number | bigint): DecimalString {
    if (typeof steps === 'number' && steps >= 0 && this.unitsSafe !== 0) {
      const scaled = steps * this.unitsSafe;
      if (Number.isSafeInteger(scaled)) return fromScaledSafe(scaled, this.decimals);
    }
    return fromScaled(BigInt(steps) * this.units, this.decimals);
  }
}

export interface GridSpec {
  readonly tickSize: DecimalString;
  readonly lotSize: DecimalString;
}

export class Grid {
  readonly price: Step;
  readonly size: Step;

  constructor(spec: GridSpec) {
    this.price = new Step(spec.tickSize);
    this.size = new Step(spec.lotSize);
  }

  priceToTicks(price: string): GridResult {
    return this.price.toSteps(price);
  }
  ticksToPrice(ticks: number | bigint): DecimalString {
    return this.price.fromSteps(ticks);
  }
  sizeToLots(size: string): GridResult {
    return this.size.toSteps(size);
  }
  lotsToSize(lots: number | bigint): DecimalString {
    return this.size.fromSteps(lots);
  }

  /**
   * Notional of `lots` at `ticks` as an exact integer in units of 10^-(price.decimals+size.decimals)
   * of the quote currency; see `notionalDecimals`.
   */
  notional(ticks: number, lots: number): bigint {
    return BigInt(ticks) * this.price.units * BigInt(lots) * this.size.units;
  }

  get notionalDecimals(): number {
    return this.price.decimals + this.size.decimals;
  }
}

function fail(error: GridError): GridResult {
  return { ok: false, error };
}

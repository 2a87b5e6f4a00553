/**
 * A position per (account, instrument), built from that account's fills only (average-cost method,
 * as nautilus and most venues report it). Deposits and withdrawals do not touch positions, so a cash
 * account that sells base it deposited shows a negative (short-like) traded position; its balances
 * are never negative.
 *
 * Exact: closing part of a position releases floor(basis × closed / open) of the basis; the rounding
 * remainder stays in the basis and is realised when the position closes completely, so over a round
 * trip realised PnL equals proceeds minus cost exactly.
 *
 * Representation: safe-integer numbers on the hot path (bigint allocates on every operation). Fees
 * are bounded by the quote supply (they all sit in the fee account), but basis, realised PnL and
 * volume are not provably bounded, so a position whose next value would leave the safe range widens
 * to bigint for good before anything is changed. Readers see bigints either way (`basis`, `realized`).
 */
import { MAX_UNITS } from './amounts';

interface Wide {
  basis: bigint;
  realized: bigint;
  volume: bigint;
}

/** floor(a × b / c) for non-negative safe integers, exact. */
function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (product > MAX_UNITS) return Number((BigInt(a) * BigInt(b)) / BigInt(c));
  let q = Math.floor(product / c);
  const r = product - q * c;
  if (r < 0) q -= 1;
  else if (r >= c) q += 1;
  return q;
}

export class Position {
  /** Net traded quantity in lots: > 0 long, < 0 short. */
  qty = 0;
  /** Fees paid in quote units (both maker and taker). */
  fees = 0;
  private basisUnits = 0;
  private realizedUnits = 0;
  private volumeLots = 0;
  private wide: Wide | null = null;

  constructor(readonly instrument: number) {}

  /** Cost basis of the open quantity in quote units: paid for a long, received for a short. */
  get basis(): bigint {
    return this.wide ? this.wide.basis : BigInt(this.basisUnits);
  }
  /** Realised PnL in quote units, before fees. */
  get realized(): bigint {
    return this.wide ? this.wide.realized : BigInt(this.realizedUnits);
  }
  /** Lots traded, both sides. */
  get volume(): bigint {
    return this.wide ? this.wide.volume : BigInt(this.volumeLots);
  }

  /**
   * Applies one fill of `lots` whose value is `notional` quote units (price × lots × units per
   * tick-lot, so notional / lots is an exact integer) and whose fee for this account was `fee`.
   */
  apply(buy: boolean, lots: number, notional: number, fee: number): void {
    if (this.wide !== null) return this.applyWide(buy, lots, notional, fee);
    const open = this.qty;
    let basis: number;
    let realized = this.realizedUnits;
    if (open === 0 || open > 0 === buy) {
      basis = this.basisUnits + notional;
    } else {
      const openAbs = open > 0 ? open : -open;
      const closing = lots < openAbs ? lots : openAbs;
      const closed = (notional / lots) * closing;
      const released = closing === openAbs ? this.basisUnits : mulDivFloor(this.basisUnits, closing, openAbs);
      realized += open > 0 ? closed - released : released - closed;
      // Closing everything and more flips the position: the new basis is the part that opened it.
      basis = lots > closing ? notional - closed : this.basisUnits - released;
    }
    const volume = this.volumeLots + lots;
    if (basis > MAX_UNITS || volume > MAX_UNITS || !Number.isSafeInteger(realized)) {
      this.widen();
      return this.applyWide(buy, lots, notional, fee);
    }
    this.fees += fee;
    this.qty = buy ? open + lots : open - lots;
    this.basisUnits = basis;
    this.realizedUnits = realized;
    this.volumeLots = volume;
  }

  /** Unrealised PnL in quote units against a mark of `markTicks`, given units per tick-lot. */
  unrealized(markTicks: number, unitsPerTickLot: number): bigint {
    if (this.qty === 0) return 0n;
    const value = BigInt(markTicks) * BigInt(Math.abs(this.qty)) * BigInt(unitsPerTickLot);
    return this.qty > 0 ? value - this.basis : this.basis - value;
  }

  private widen(): void {
    this.wide = {
      basis: BigInt(this.basisUnits),
      realized: BigInt(this.realizedUnits),
      volume: BigInt(this.volumeLots),
    };
  }

  private applyWide(buy: boolean, lots: number, notional: number, fee: number): void {
    const w = this.wide!;
    this.fees += fee;
    w.volume += BigInt(lots);
    const open = this.qty;
    this.qty = buy ? open + lots : open - lots;
    if (open === 0 || open > 0 === buy) {
      w.basis += BigInt(notional);
      return;
    }
    const openAbs = open > 0 ? open : -open;
    const closing = lots < openAbs ? lots : openAbs;
    const closed = BigInt((notional / lots) * closing);
    const released = closing === openAbs ? w.basis : (w.basis * BigInt(closing)) / BigInt(openAbs);
    w.realized += open > 0 ? closed - released : released - closed;
    w.basis -= released;
    if (lots > closing) w.basis = BigInt(notional) - closed;
  }
}

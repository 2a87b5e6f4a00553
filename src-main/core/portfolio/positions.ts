/**
 * A position per (account, instrument), built from that account's fills only (average-cost method,
 * as nautilus and most venues report it). Deposits and withdrawals do not touch positions, so a cash
 * account that sells base it deposited shows a negative (short-like) traded position; its balances
 * are never negative.
 *
 * Exact: basis, realised PnL and fees are bigint quote units. Closing part of a position releases
 * floor(basis × closed / open) of the basis; the rounding remainder stays in the basis and is
 * realised when the position closes completely, so over a round trip realised PnL equals proceeds
 * minus cost exactly.
 */
export class Position {
  /** Net traded quantity in lots: > 0 long, < 0 short. */
  qty = 0;
  /** Cost basis of the open quantity in quote units: paid for a long, received for a short. */
  basis = 0n;
  /** Realised PnL in quote units, before fees. */
  realized = 0n;
  /** Fees paid in quote units (both maker and taker). */
  fees = 0n;
  /** Lots traded, both sides. */
  volume = 0;

  constructor(readonly instrument: number) {}

  /**
   * Applies one fill of `lots` whose value is `notional` quote units (price × lots × units per
   * tick-lot, so notional / lots is an exact integer) and whose fee for this account was `fee`.
   */
  apply(buy: boolean, lots: number, notional: number, fee: number): void {
    this.fees += BigInt(fee);
    this.volume += lots;
    const open = this.qty;
    if (open === 0 || open > 0 === buy) {
      this.qty = buy ? open + lots : open - lots;
      this.basis += BigInt(notional);
      return;
    }
    const openAbs = open > 0 ? open : -open;
    const closing = lots < openAbs ? lots : openAbs;
    const closedNotional = BigInt((notional / lots) * closing);
    const released = closing === openAbs ? this.basis : (this.basis * BigInt(closing)) / BigInt(openAbs);
    this.realized += open > 0 ? closedNotional - released : released - closedNotional;
    this.basis -= released;
    this.qty = buy ? open + lots : open - lots;
    if (lots > closing) this.basis = BigInt((notional / lots) * (lots - closing));
  }

  /** Unrealised PnL in quote units against a mark of `markTicks`, given units per tick-lot. */
  unrealized(markTicks: number, unitsPerTickLot: number): bigint {
    if (this.qty === 0) return 0n;
    const value = BigInt(markTicks) * BigInt(Math.abs(this.qty)) * BigInt(unitsPerTickLot);
    return this.qty > 0 ? value - this.basis : this.basis - value;
  }
}

/**
 * Paper cash accounts on the portfolio ledger (core/portfolio): balances in each asset's smallest
 * units, positions and fees. The counterparty of every paper fill is the live venue's book, which
 * is outside the ledger: what a paper buyer pays leaves the ledger and the base it receives enters
 * it (withdraw/deposit), and the net of those flows is kept per asset in `marketNet`.
 *
 * Invariants (checked by `conservationErrors`):
 * - the ledger's own: no negative balance; per asset Σ free + locked (fee account included) == supply;
 * - supply == granted (deposits) + marketNet, exactly: fills only move units between accounts and
 *   the venue, and fees move from the payer to the fee account (account 0);
 * - no short sales: a sell needs free base, a buy needs free quote (limit buys lock price × qty
 *   plus a fee reserve at the higher fee rate, rounded up; see `buyLock`).
 */
import type { DecimalString } from '../../../src-shared/domain';
import { Step } from '../num';
import {
  Ledger,
  Position,
  mulRateCeil,
  mulRateFloor,
  parseRate,
  portfolioView,
  type Asset,
  type LedgerAccount,
  type Marks,
  type PortfolioView,
  type Rate,
} from '../portfolio';

export interface PaperInstrumentSpec {
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly tickSize: DecimalString;
  readonly lotSize: DecimalString;
  /** Smallest order in lots (default 1). */
  readonly minLots?: number;
  readonly makerFee: DecimalString;
  readonly takerFee: DecimalString;
}

/** An instrument as the accounts need it; also a portfolio `MarketInfo`. */
export interface PaperInstrument {
  readonly id: string;
  readonly index: number;
  readonly base: Asset;
  readonly quote: Asset;
  readonly price: Step;
  readonly size: Step;
  /** Quote units per (tick × lot): notional = ticks × lots × unitsPerTickLot. */
  readonly unitsPerTickLot: number;
  readonly baseUnitsPerLot: number;
  readonly minLots: number;
  readonly makerFee: Rate;
  readonly takerFee: Rate;
  /** The higher of the two: what a limit buy reserves for fees. */
  readonly reserveFee: Rate;
}

export class PaperAccounts {
  readonly ledger = new Ledger();
  readonly instruments: PaperInstrument[] = [];
  private readonly granted: bigint[] = [];
  private readonly market: bigint[] = [];

  /** Adds an asset whose smallest unit is 10^-decimals; an existing asset keeps its decimals. */
  ensureAsset(id: string, decimals: number): Asset | string {
    const index = this.ledger.assetIndex(id);
    if (index >= 0) return this.ledger.assets[index]!;
    const added = this.ledger.addAsset({ id, decimals });
    if (typeof added === 'string') return `${added}: ${id}`;
    this.granted.push(0n);
    this.market.push(0n);
    return added;
  }

  /** Adds an instrument; its assets must exist with enough decimals for its grid. */
  addInstrument(spec: PaperInstrumentSpec): PaperInstrument | string {
    const base = this.ledger.assets[this.ledger.assetIndex(spec.base)];
    const quote = this.ledger.assets[this.ledger.assetIndex(spec.quote)];
    if (!base || !quote) return `unknown asset of ${spec.symbol}`;
    const price = new Step(spec.tickSize);
    const size = new Step(spec.lotSize);
    const quoteShift = quote.decimals - price.decimals - size.decimals;
    const baseShift = base.decimals - size.decimals;
    if (quoteShift < 0 || baseShift < 0)
      return `${spec.symbol}: ${spec.quote} or ${spec.base} has too few decimals for the instrument's grid`;
    const upl = price.units * size.units * 10n ** BigInt(quoteShift);
    const bpl = size.units * 10n ** BigInt(baseShift);
    if (upl > BigInt(Number.MAX_SAFE_INTEGER) || bpl > BigInt(Number.MAX_SAFE_INTEGER))
      return `${spec.symbol}: grid too coarse`;
    const makerFee = parseRate(spec.makerFee);
    const takerFee = parseRate(spec.takerFee);
    if (!makerFee || !takerFee) return `${spec.symbol}: fee rates must be decimals in [0, 1)`;
    const instrument: PaperInstrument = {
      id: spec.symbol,
      index: this.instruments.length,
      base,
      quote,
      price,
      size,
      unitsPerTickLot: Number(upl),
      baseUnitsPerLot: Number(bpl),
      minLots: Math.max(1, spec.minLots ?? 1),
      makerFee,
      takerFee,
      reserveFee: makerFee.num * takerFee.den >= takerFee.num * makerFee.den ? makerFee : takerFee,
    };
    this.instruments.push(instrument);
    return instrument;
  }

  openAccount(): LedgerAccount {
    return this.ledger.openAccount(this.ledger.accounts.length);
  }

  account(id: number): LedgerAccount | undefined {
    return id === 0 ? undefined : this.ledger.accounts[id];
  }

  /** Credits free balance from outside (starting balances). False when the supply cap refuses it. */
  grant(account: LedgerAccount, asset: Asset, units: number): boolean {
    if (!this.ledger.deposit(account, asset.index, units)) return false;
    this.granted[asset.index]! += BigInt(units);
    return true;
  }

  notional(instrument: PaperInstrument, ticks: number, lots: number): number {
    const n = ticks * lots * instrument.unitsPerTickLot;
    if (!Number.isSafeInteger(n)) throw new Error('notional outside the safe integer range');
    return n;
  }

  /** Quote a limit buy of `lots` at `ticks` locks: notional plus the fee reserve, rounded up. */
  buyLock(instrument: PaperInstrument, ticks: number, lots: number): number {
    const n = this.notional(instrument, ticks, lots);
    return n + mulRateCeil(n, instrument.reserveFee);
  }

  /** Cost (notional + fee, fee rounded down) of a buy of `lots` at `ticks` at `rate`. */
  buyCost(instrument: PaperInstrument, ticks: number, lots: number, rate: Rate): number {
    const n = this.notional(instrument, ticks, lots);
    return n + mulRateFloor(n, rate);
  }

  /** The most lots (<= max) a buy at `ticks` paying `rate` can afford from `funds` quote units. */
  affordableLots(instrument: PaperInstrument, ticks: number, max: number, funds: number, rate: Rate): number {
    let lo = 0;
    let hi = max;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      if (this.buyCost(instrument, ticks, mid, rate) <= funds) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  lock(account: LedgerAccount, asset: Asset, units: number): boolean {
    return this.ledger.lock(account, asset.index, units);
  }

  unlock(account: LedgerAccount, asset: Asset, units: number): void {
    if (units > 0) this.ledger.unlock(account, asset.index, units);
  }

  /**
   * Settles one paper fill against the venue. A buy pays notional + fee in quote (out of its lock
   * when `fromLocked`, else out of free) and receives base; a sell delivers base (out of its lock
   * when `fromLocked`) and receives notional - fee. `fee` is in quote units.
   */
  settle(
    account: LedgerAccount,
    instrument: PaperInstrument,
    buy: boolean,
    ticks: number,
    lots: number,
    fee: number,
    fromLocked: boolean,
  ): void {
    const { base, quote } = instrument;
    const notional = this.notional(instrument, ticks, lots);
    const baseUnits = lots * instrument.baseUnitsPerLot;
    if (buy) {
      if (fromLocked) this.ledger.unlock(account, quote.index, notional + fee);
      this.must(this.ledger.withdraw(account, quote.index, notional + fee), 'buyer quote');
      this.must(this.ledger.deposit(this.ledger.feeAccount, quote.index, fee), 'fee');
      this.must(this.ledger.deposit(account, base.index, baseUnits), 'buyer base');
      this.market[quote.index]! -= BigInt(notional);
      this.market[base.index]! += BigInt(baseUnits);
    } else {
      if (fromLocked) this.ledger.unlock(account, base.index, baseUnits);
      this.must(this.ledger.withdraw(account, base.index, baseUnits), 'seller base');
      this.must(this.ledger.deposit(account, quote.index, notional - fee), 'seller quote');
      this.must(this.ledger.deposit(this.ledger.feeAccount, quote.index, fee), 'fee');
      this.market[base.index]! -= BigInt(baseUnits);
      this.market[quote.index]! += BigInt(notional);
    }
    let position = account.positions[instrument.index];
    if (!position) account.positions[instrument.index] = position = new Position(instrument.index);
    position.apply(buy, lots, notional, fee);
  }

  free(account: LedgerAccount, asset: Asset): number {
    return account.free[asset.index] ?? 0;
  }

  view(account: LedgerAccount, marks?: Marks, valuationAsset?: string): PortfolioView {
    return portfolioView(account, this.ledger.assets, this.instruments, marks, valuationAsset ?? null);
  }

  /** Every broken invariant, as text; empty when all hold. Walks all accounts: not for hot paths. */
  conservationErrors(): string[] {
    const errors = this.ledger.conservationErrors();
    for (const asset of this.ledger.assets) {
      const expected = this.granted[asset.index]! + this.market[asset.index]!;
      if (BigInt(asset.supply) !== expected)
        errors.push(`${asset.id}: supply ${asset.supply} != granted + market ${expected}`);
    }
    return errors;
  }

  /** Net units the venue delivered into the ledger per asset (negative: paid out to it). */
  marketNet(asset: Asset): bigint {
    return this.market[asset.index]!;
  }

  private must(ok: boolean, what: string): void {
    if (!ok) throw new Error(`paper ledger refused a settlement (${what}): an invariant is broken`);
  }
}

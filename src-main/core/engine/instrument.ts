/**
 * An instrument as the engine uses it: its grid, its assets, its fee rates and the precomputed unit
 * conversions that keep every amount an integer:
 *   base units  = lots × baseUnitsPerLot
 *   quote units = ticks × lots × unitsPerTickLot   (the notional)
 * `create` refuses a spec whose grid is finer than an asset's smallest unit (the amounts would not be
 * whole units) or whose conversions would not be safe integers.
 *
 * Funds rules (see the engine header for the full story):
 *   buy lock  = notional(price, leaves) + ceil(notional × max(maker, taker) rate)   (fee reserve)
 *   sell lock = leaves × baseUnitsPerLot
 *   fee       = floor(notional of the fill × rate), charged in quote to the fee account
 * Because the reserve rounds up and fees round down, the lock released by any fill at or better than
 * the order's price always covers that fill's cost (see lockReleaseCovers in the tests).
 */
import { Grid, pow10 } from '../num';
import {
  mulRateCeil,
  parseRate,
  toUnits,
  type Asset,
  type Ledger,
  type MarketInfo,
  type Rate,
} from '../portfolio';
import { PriceLadder } from './price-ladder';
import type { InstrumentSpec } from './types';

export class Instrument implements MarketInfo {
  readonly bids = new PriceLadder(true);
  readonly asks = new PriceLadder(false);

  private constructor(
    readonly spec: InstrumentSpec,
    readonly index: number,
    readonly base: Asset,
    readonly quote: Asset,
    readonly grid: Grid,
    readonly minQty: number,
    readonly minNotional: number,
    readonly makerFee: Rate,
    readonly takerFee: Rate,
    readonly reserveRate: Rate,
    readonly baseUnitsPerLot: number,
    readonly unitsPerTickLot: number,
  ) {}

  get id(): string {
    return this.spec.id;
  }
  get price() {
    return this.grid.price;
  }
  get size() {
    return this.grid.size;
  }

  /** Quote units locked by a buy of `lots` at `price` ticks, fee reserve included. */
  buyLock(price: number, lots: number): number {
    const notional = price * lots * this.unitsPerTickLot;
    return notional + mulRateCeil(notional, this.reserveRate);
  }

  static create(spec: InstrumentSpec, index: number, ledger: Ledger): Instrument | string {
    if (!/^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,47}$/.test(spec.id)) return `invalid instrument id "${spec.id}"`;
    const base = ledger.assets[ledger.assetIndex(spec.base)];
    const quote = ledger.assets[ledger.assetIndex(spec.quote)];
    if (!base || !quote) return `unknown asset in ${spec.id}`;
    if (base === quote) return `${spec.id}: base and quote must differ`;
    let grid: Grid;
    try {
      grid = new Grid({ tickSize: spec.tickSize, lotSize: spec.lotSize });
    } catch {
      return `${spec.id}: invalid tick or lot size`;
    }
    if (grid.size.decimals > base.decimals) return `${spec.id}: lot size finer than ${base.id}'s unit`;
    if (grid.notionalDecimals > quote.decimals)
      return `${spec.id}: price × size finer than ${quote.id}'s unit`;
    const baseUnitsPerLot = Number(grid.size.units * pow10(base.decimals - grid.size.decimals));
    const unitsPerTickLot = Number(
      grid.price.units * grid.size.units * pow10(quote.decimals - grid.notionalDecimals),
    );
    if (!Number.isSafeInteger(baseUnitsPerLot) || !Number.isSafeInteger(unitsPerTickLot)) {
      return `${spec.id}: grid too fine for safe integer amounts`;
    }
    const minQty =
      spec.minSize === undefined ? { ok: true as const, value: 1 } : grid.sizeToLots(spec.minSize);
    if (!minQty.ok) return `${spec.id}: minSize must be a positive multiple of the lot size`;
    const minNotional = spec.minNotional === undefined ? 0 : toUnits(spec.minNotional, quote.decimals);
    if (minNotional === null) return `${spec.id}: invalid minNotional`;
    const makerFee = parseRate(spec.makerFee ?? '0');
    const takerFee = parseRate(spec.takerFee ?? '0');
    if (!makerFee || !takerFee) return `${spec.id}: fee rates must be decimals in [0, 1)`;
    const reserveRate = makerFee.num * takerFee.den >= takerFee.num * makerFee.den ? makerFee : takerFee;
    return new Instrument(
      spec,
      index,
      base,
      quote,
      grid,
      minQty.value,
      minNotional,
      makerFee,
      takerFee,
      reserveRate,
      baseUnitsPerLot,
      unitsPerTickLot,
    );
  }
}

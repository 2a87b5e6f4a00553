/**
 * Plain, decimal-string views of an account for the UI, the gateway and persistence: balances,
 * positions with average price and PnL, and equity in a valuation asset against marks the caller
 * passes in (the core never looks prices up itself). Exact: integers and bigints (decimal.js only
 * for the average price's division). The gateway sends one of these per agent after every burst
 * of orders, so the common parts avoid decimal.js and bigints where a safe integer is exact.
 */
import type { DecimalString } from '../../../src-shared/domain';
import { Dec, ExactSum, fromScaled, fromScaledSafe, toDecimalString, type Step } from '../num';
import type { Asset, LedgerAccount } from './ledger';

/** What a view needs to know about an instrument. */
export interface MarketInfo {
  readonly id: string;
  readonly index: number;
  readonly base: Asset;
  readonly quote: Asset;
  readonly price: Step;
  readonly size: Step;
  /** Quote units per (tick × lot). */
  readonly unitsPerTickLot: number;
}

export interface BalanceView {
  readonly asset: string;
  readonly free: DecimalString;
  readonly locked: DecimalString;
  readonly total: DecimalString;
}

export interface PositionView {
  readonly instrument: string;
  /** Net traded base quantity (negative after selling deposited base). */
  readonly qty: DecimalString;
  /** Average entry price of the open quantity; null when flat. */
  readonly avgPrice: DecimalString | null;
  /** In the quote asset, before fees. */
  readonly realizedPnl: DecimalString;
  readonly fees: DecimalString;
  /** Against the mark passed in; null when no mark was given. */
  readonly unrealizedPnl: DecimalString | null;
}

export interface PortfolioView {
  readonly account: number;
  readonly balances: readonly BalanceView[];
  readonly positions: readonly PositionView[];
  /** Σ balances valued in `valuationAsset`; null when some held asset had no mark to value it. */
  readonly equity: DecimalString | null;
  readonly valuationAsset: string | null;
  /** Held assets that could not be valued (no instrument asset/valuation with a mark). */
  readonly unvalued: readonly string[];
}

/** Marks as price ticks per instrument id. */
export type Marks = ReadonlyMap<string, number>;

export function portfolioView(
  account: LedgerAccount,
  assets: readonly Asset[],
  markets: readonly MarketInfo[],
  marks: Marks = new Map(),
  valuationAsset: string | null = null,
): PortfolioView {
  const balances: BalanceView[] = [];
  for (const asset of assets) {
    const free = account.free[asset.index] ?? 0;
    const locked = account.locked[asset.index] ?? 0;
    if (free === 0 && locked === 0) continue;
    balances.push({
      asset: asset.id,
      free: unitsText(free, asset.decimals),
      locked: unitsText(locked, asset.decimals),
      total: Number.isSafeInteger(free + locked)
        ? unitsText(free + locked, asset.decimals)
        : fromScaled(BigInt(free) + BigInt(locked), asset.decimals),
    });
  }
  const positions: PositionView[] = [];
  for (const market of markets) {
    const position = account.positions[market.index];
    if (!position) continue;
    const mark = marks.get(market.id);
    const quoteDecimals = market.quote.decimals;
    positions.push({
      instrument: market.id,
      qty: market.size.fromSteps(position.qty),
      avgPrice: position.qty === 0 ? null : averagePrice(position.basis, Math.abs(position.qty), market),
      realizedPnl: fromScaled(position.realized, quoteDecimals),
      fees: fromScaled(BigInt(position.fees), quoteDecimals),
      unrealizedPnl:
        mark === undefined
          ? null
          : fromScaled(position.unrealized(mark, market.unitsPerTickLot), quoteDecimals),
    });
  }
  const valuation = valuationAsset === null ? null : value(account, assets, markets, marks, valuationAsset);
  return {
    account: account.id,
    balances,
    positions,
    equity: valuation && valuation.unvalued.length === 0 ? valuation.equity : null,
    valuationAsset,
    unvalued: valuation?.unvalued ?? [],
  };
}

/** basis quote units / (lots × lot size), to the price's decimals plus 8 (half-even). */
function averagePrice(basis: bigint, lots: number, market: MarketInfo): DecimalString {
  const quote = new Dec(basis.toString()).div(new Dec(10).pow(market.quote.decimals));
  const size = new Dec(market.size.fromSteps(lots));
  return toDecimalString(quote.div(size).toDecimalPlaces(market.price.decimals + 8));
}

function value(
  account: LedgerAccount,
  assets: readonly Asset[],
  markets: readonly MarketInfo[],
  marks: Marks,
  valuationAsset: string,
): { equity: DecimalString; unvalued: string[] } {
  // Σ amount (valuation asset) + amount × mark price (others), exactly: each term is an integer at
  // the asset's decimals (plus the price's), summed at the largest scale.
  const equity = new ExactSum();
  const unvalued: string[] = [];
  for (const asset of assets) {
    const units = BigInt(account.free[asset.index] ?? 0) + BigInt(account.locked[asset.index] ?? 0);
    if (units === 0n) continue;
    if (asset.id === valuationAsset) {
      equity.addScaled(units, asset.decimals);
      continue;
    }
    const market = markets.find(
      (m) => m.base.id === asset.id && m.quote.id === valuationAsset && marks.has(m.id),
    );
    if (!market) {
      unvalued.push(asset.id);
      continue;
    }
    const price = BigInt(marks.get(market.id)!) * market.price.units;
    equity.addScaled(units * price, asset.decimals + market.price.decimals);
  }
  return { equity: equity.toString(), unvalued };
}

/** A balance (a safe integer of units; never negative) as a decimal string. */
function unitsText(units: number, decimals: number): DecimalString {
  return units >= 0 && Number.isSafeInteger(units)
    ? fromScaledSafe(units, decimals)
    : fromScaled(BigInt(units), decimals);
}

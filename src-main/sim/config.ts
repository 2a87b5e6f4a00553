/**
 * From the `sim` settings to what the venue is built from: the engine's assets and instruments,
 * the gateway's instrument specs, the model's instruments (fair values in ticks) and the genesis
 * record journaled first, which pins everything a replay depends on (instrument grids and fees,
 * asset decimals, initial prices that value deposits). A journal whose genesis differs from the
 * settings is not replayed into a different venue: the start is refused with the reason.
 */
import type { SimSettings } from '../config/sim-settings';
import type { AssetSpec, InstrumentSpec as EngineInstrumentSpec } from '../core/engine';
import { Grid } from '../core/num';
import type { InstrumentSpec } from '../gateway/venue-port';
import type { DepositValuation } from './accounts';
import type { ModelInstrument } from './market-model';

export interface Genesis {
  readonly version: 1;
  readonly assets: readonly AssetSpec[];
  readonly instruments: ReadonlyArray<EngineInstrumentSpec & { readonly initialPrice: string }>;
}

export interface SimConfig {
  readonly genesis: Genesis;
  readonly specs: readonly InstrumentSpec[];
  readonly model: readonly ModelInstrument[];
  readonly quote: { readonly asset: string; readonly decimals: number };
  readonly valuation: DepositValuation;
}

export function simConfig(settings: SimSettings): SimConfig {
  const assets = settings.assets.map((a) => ({ id: a.id, decimals: a.decimals }));
  const decimals = new Map(assets.map((a) => [a.id, a.decimals]));
  const instruments = settings.instruments.map((i) => ({
    id: i.symbol,
    base: i.base,
    quote: i.quote,
    tickSize: i.tickSize,
    lotSize: i.lotSize,
    minSize: i.minSize,
    makerFee: i.makerFee,
    takerFee: i.takerFee,
    initialPrice: i.initialPrice,
  }));
  const quote = settings.instruments[0]!.quote;
  const model = settings.instruments.map((i): ModelInstrument => {
    const grid = new Grid({ tickSize: i.tickSize, lotSize: i.lotSize });
    const ticks = grid.priceToTicks(i.initialPrice);
    if (!ticks.ok) throw new Error(`sim instrument ${i.symbol}: initialPrice is not on the tick grid`);
    return { symbol: i.symbol, base: i.base, initialTicks: ticks.value, volatility: Number(i.volatility) };
  });
  return {
    genesis: { version: 1, assets, instruments },
    specs: settings.instruments.map((i) => ({
      symbol: i.symbol,
      base: i.base,
      quote: i.quote,
      tickSize: i.tickSize,
      lotSize: i.lotSize,
      minSize: i.minSize,
    })),
    model,
    quote: { asset: quote, decimals: decimals.get(quote)! },
    valuation: valuationOf({ version: 1, assets, instruments }),
  };
}

/**
 * How deposits are valued in quote units (an account's starting capital): at the genesis prices, in
 * the first instrument's quote asset. Derived from the genesis record alone, so the store writer's
 * projector (see projector.ts) values them exactly as the venue does.
 */
export function valuationOf(genesis: Genesis): DepositValuation {
  const decimals = new Map(genesis.assets.map((a) => [a.id, a.decimals]));
  const quote = genesis.instruments[0]!.quote;
  return {
    quote,
    quoteDecimals: decimals.get(quote)!,
    basePrices: new Map(
      genesis.instruments.map((i) => [i.base, [i.initialPrice, decimals.get(i.base)!] as const]),
    ),
  };
}

/** Null when the journal's genesis is the one these settings would write; else why not. */
export function genesisMismatch(journaled: Genesis, current: Genesis): string | null {
  if (JSON.stringify(journaled) === JSON.stringify(current)) return null;
  return (
    'the sim settings (instruments or assets) changed since this venue started; ' +
    'restore them, or start fresh with --reset-sim'
  );
}

/**
 * Which instruments a paper venue trades and on which grids: the live venue's instruments (from
 * its metadata) for the configured symbols and for every symbol the ledger already knows for the
 * paper venue (it may hold open orders or positions); a recorded symbol the venue no longer lists
 * is `missing`. Assets get the decimals their instruments need
 * (base: the lot's decimals; quote: price + lot decimals, so every notional is a whole number of
 * units, plus up to 4 more below 8 so fees are not rounded to coarse units), and at least those
 * of any amount the ledger recorded or the settings grant.
 */
import type { DecimalString } from '../../src-shared/domain';
import { decimalsOf, fromScaled, Grid, toScaled } from '../core/num';
import type { PaperInstrumentSpec } from '../core/paper';
import type { InstrumentSpec } from '../gateway/venue-port';
import type { StoredVenueState } from '../store/read/venue-state';
import type { Instrument } from '../venues/kit';
import type { FeeSchedule } from './fees';

export interface PaperInstrumentPlan {
  readonly spec: PaperInstrumentSpec;
  readonly port: InstrumentSpec;
  readonly grid: Grid;
}

export interface InstrumentPlan {
  readonly instruments: readonly PaperInstrumentPlan[];
  readonly assets: ReadonlyMap<string, number>;
  /** Symbols the ledger knows that the live venue no longer lists (not tradable). */
  readonly missing: readonly string[];
}

export function planInstruments(
  live: readonly Instrument[],
  stored: StoredVenueState,
  fees: FeeSchedule,
  grants: Readonly<Record<string, string>> = {},
): InstrumentPlan {
  const bySymbol = new Map(live.map((i) => [i.symbol, i]));
  const wanted = [...new Set([...stored.instruments.map((i) => i.symbol), ...live.map((i) => i.symbol)])];
  const instruments: PaperInstrumentPlan[] = [];
  const missing: string[] = [];
  for (const symbol of wanted) {
    const instrument = bySymbol.get(symbol);
    if (!instrument) {
      missing.push(symbol);
      continue;
    }
    // Venues write steps with trailing zeros ("0.10000000"); the step is the same number, so the
    // tick and lot counts are the same, and amounts need only its significant decimals.
    const tickSize = canonical(instrument.tickSize);
    const lotSize = canonical(instrument.lotSize);
    const grid = new Grid({ tickSize, lotSize });
    const spec: PaperInstrumentSpec = {
      symbol,
      base: instrument.base,
      quote: instrument.quote,
      tickSize,
      lotSize,
      makerFee: fees.maker as DecimalString,
      takerFee: fees.taker as DecimalString,
    };
    const port: InstrumentSpec = {
      symbol,
      base: instrument.base,
      quote: instrument.quote,
      tickSize,
      lotSize,
      minSize: lotSize,
    };
    instruments.push({ spec, port, grid });
  }
  const assets = new Map<string, number>();
  const need = (asset: string, decimals: number) =>
    assets.set(asset, Math.max(assets.get(asset) ?? 0, decimals));
  for (const { grid, spec } of instruments) {
    need(spec.base, grid.size.decimals);
    const notional = grid.price.decimals + grid.size.decimals;
    need(spec.quote, Math.max(notional, Math.min(notional + 4, 8)));
  }
  for (const change of stored.balanceChanges) need(change.asset, Math.max(0, decimalsOf(change.delta)));
  for (const [asset, amount] of Object.entries(grants)) need(asset, Math.max(0, decimalsOf(amount)));
  const storedBySymbol = new Map(stored.instruments.map((i) => [i.symbol, i]));
  for (const fill of stored.fills) {
    const instrument = storedBySymbol.get(fill.instrument);
    if (!instrument) continue;
    need(instrument.quote, Math.max(decimalsOf(fill.makerFee), decimalsOf(fill.takerFee)));
  }
  return { instruments, assets, missing };
}

/** "0.10000000" -> "0.1" (the same number, written with its significant decimals). */
export function canonical(step: DecimalString): DecimalString {
  const decimals = Math.max(0, decimalsOf(step));
  const scaled = toScaled(step, decimals);
  return scaled === null ? step : fromScaled(scaled, decimals);
}

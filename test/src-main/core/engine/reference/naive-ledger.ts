/**
 * Reference ledger for differential tests, written from the engine's documented rules, not its code:
 * bigint everywhere, no pooling, no precomputed fast paths, positions as plain records.
 *
 * Rules it implements (engine.ts / instrument.ts / positions.ts headers):
 *   notional = price ticks × lots × quote units per tick-lot
 *   fee = floor(notional × rate); buy lock = notional + ceil(notional × max(maker, taker));
 *   sell lock = lots × base units per lot; deposits cap an asset's supply at 2^53 − 1.
 *   Positions: average cost; closing c of o open lots releases floor(basis × c / o) (all when c == o).
 */
export interface NaiveInstrument {
  id: string;
  base: number;
  quote: number;
  tickSize: string;
  lotSize: string;
  unitsPerTickLot: bigint;
  baseUnitsPerLot: bigint;
  minQty: number;
  minNotional: bigint;
  maker: [bigint, bigint];
  taker: [bigint, bigint];
  makerText: string;
  takerText: string;
}

export interface NaivePosition {
  qty: bigint;
  basis: bigint;
  realized: bigint;
  fees: bigint;
  volume: bigint;
}

export interface NaiveAccount {
  id: number;
  label: string;
  stp: string;
  free: bigint[];
  locked: bigint[];
  positions: Map<number, NaivePosition>;
}

export const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** "0.0025" -> [25n, 10000n] */
export function rateOf(text: string): [bigint, bigint] {
  const [whole, frac = ''] = text.split('.');
  return [BigInt(whole! + frac), 10n ** BigInt(frac.length)];
}

export function decimalsIn(text: string): number {
  return text.split('.')[1]?.length ?? 0;
}

/** "0.01" at 4 decimals -> 100n */
export function unitsOf(text: string, decimals: number): bigint {
  const [whole, frac = ''] = text.split('.');
  return BigInt(whole! + frac.padEnd(decimals, '0').slice(0, decimals));
}

export function feeOf(notional: bigint, rate: [bigint, bigint]): bigint {
  return (notional * rate[0]) / rate[1];
}

export function reserveOf(notional: bigint, instrument: NaiveInstrument): bigint {
  const [m, t] = [instrument.maker, instrument.taker];
  const rate = m[0] * t[1] >= t[0] * m[1] ? m : t;
  const product = notional * rate[0];
  return product / rate[1] + (product % rate[1] === 0n ? 0n : 1n);
}

export function buyLock(instrument: NaiveInstrument, price: number, lots: number): bigint {
  const notional = BigInt(price) * BigInt(lots) * instrument.unitsPerTickLot;
  return notional + reserveOf(notional, instrument);
}

export function applyPosition(
  account: NaiveAccount,
  instrument: number,
  buy: boolean,
  lots: number,
  price: number,
  unitsPerTickLot: bigint,
  fee: bigint,
): void {
  let p = account.positions.get(instrument);
  if (!p) {
    p = { qty: 0n, basis: 0n, realized: 0n, fees: 0n, volume: 0n };
    account.positions.set(instrument, p);
  }
  p.fees += fee;
  p.volume += BigInt(lots);
  const signed = buy ? BigInt(lots) : -BigInt(lots);
  const perLot = BigInt(price) * unitsPerTickLot;
  if (p.qty === 0n || p.qty > 0n === buy) {
    p.qty += signed;
    p.basis += perLot * BigInt(lots);
    return;
  }
  const open = p.qty > 0n ? p.qty : -p.qty;
  const closing = BigInt(lots) < open ? BigInt(lots) : open;
  const released = closing === open ? p.basis : (p.basis * closing) / open;
  const value = perLot * closing;
  p.realized += p.qty > 0n ? value - released : released - value;
  p.basis -= released;
  p.qty += signed;
  if (BigInt(lots) > closing) p.basis = perLot * (BigInt(lots) - closing);
}

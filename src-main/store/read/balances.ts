/**
 * Rebuilds account balances from the ledger alone: deposits, withdrawals and adjustments from
 * `balance_changes`, plus the four balance changes every fill implies (taker and maker, base and
 * quote; both fees in the quote asset, collected by the venue). Exact: amounts are bigint at 18
 * decimals, and an amount or notional that would need more is an error, never rounded.
 * Used to verify conservation after crashes and to show balances from history.
 */
import type { ReadonlyDb, WritableDb } from '../db';
import { fromScaled, pow10, toScaled } from '../../core/num';
import type { DecimalString } from '../../../src-shared/domain';

const SCALE = 18;
const ONE = pow10(SCALE);

function amount(text: string): bigint {
  const value = toScaled(text, SCALE);
  if (value === null)
    throw new Error(`ledger amount "${text}" is not a decimal with at most ${SCALE} places`);
  return value;
}

function product(a: bigint, b: bigint): bigint {
  const raw = a * b;
  if (raw % ONE !== 0n) throw new Error('notional needs more than 18 decimal places');
  return raw / ONE;
}

export interface LedgerBalances {
  /** account key -> asset -> balance */
  readonly accounts: ReadonlyMap<string, ReadonlyMap<string, DecimalString>>;
  /** asset -> fees collected by the venue */
  readonly fees: ReadonlyMap<string, DecimalString>;
  /** asset -> total deposited minus withdrawn */
  readonly grants: ReadonlyMap<string, DecimalString>;
}

interface FillJoin {
  price: string;
  quantity: string;
  taker_side: 'buy' | 'sell';
  maker: string;
  taker: string;
  maker_fee: string;
  taker_fee: string;
  base: string;
  quote: string;
}

export function readBalances(db: ReadonlyDb | WritableDb, venue: string): LedgerBalances {
  const accounts = new Map<string, Map<string, bigint>>();
  const fees = new Map<string, bigint>();
  const grants = new Map<string, bigint>();
  const add = (map: Map<string, bigint>, key: string, delta: bigint) =>
    map.set(key, (map.get(key) ?? 0n) + delta);
  const credit = (account: string, asset: string, delta: bigint) => {
    let assets = accounts.get(account);
    if (!assets) accounts.set(account, (assets = new Map()));
    add(assets, asset, delta);
  };

  const changes = db
    .prepare(
      `SELECT a.account_key AS account, b.asset, b.delta, b.reason FROM balance_changes b
       JOIN accounts a ON a.id = b.account_id WHERE a.venue = ?`,
    )
    .iterate(venue) as IterableIterator<{ account: string; asset: string; delta: string; reason: string }>;
  for (const c of changes) {
    const delta = amount(c.delta);
    credit(c.account, c.asset, delta);
    if (c.reason !== 'adjustment') add(grants, c.asset, delta);
  }

  const fills = db
    .prepare(
      `SELECT f.price, f.quantity, f.taker_side, m.account_key AS maker, t.account_key AS taker,
              f.maker_fee, f.taker_fee, i.base_asset AS base, i.quote_asset AS quote
       FROM fills f
       JOIN instruments i ON i.id = f.instrument_id
       JOIN accounts m ON m.id = f.maker_account_id
       JOIN accounts t ON t.id = f.taker_account_id
       WHERE i.venue = ?`,
    )
    .iterate(venue) as IterableIterator<FillJoin>;
  for (const f of fills) {
    const qty = amount(f.quantity);
    const notional = product(amount(f.price), qty);
    const makerFee = amount(f.maker_fee);
    const takerFee = amount(f.taker_fee);
    const buyer = f.taker_side === 'buy' ? f.taker : f.maker;
    const seller = f.taker_side === 'buy' ? f.maker : f.taker;
    credit(buyer, f.base, qty);
    credit(seller, f.base, -qty);
    credit(buyer, f.quote, -notional);
    credit(seller, f.quote, notional);
    credit(f.maker, f.quote, -makerFee);
    credit(f.taker, f.quote, -takerFee);
    add(fees, f.quote, makerFee + takerFee);
  }

  const asStrings = (m: Map<string, bigint>) => new Map([...m].map(([k, v]) => [k, fromScaled(v, SCALE)]));
  return {
    accounts: new Map([...accounts].map(([k, v]) => [k, asStrings(v)])),
    fees: asStrings(fees),
    grants: asStrings(grants),
  };
}

/** Σ accounts + Σ fees − Σ grants per asset; all zero when the ledger conserves value. */
export function conservationResidual(balances: LedgerBalances): Map<string, DecimalString> {
  const total = new Map<string, bigint>();
  const add = (asset: string, value: bigint) => total.set(asset, (total.get(asset) ?? 0n) + value);
  for (const assets of balances.accounts.values()) for (const [asset, v] of assets) add(asset, amount(v));
  for (const [asset, v] of balances.fees) add(asset, amount(v));
  for (const [asset, v] of balances.grants) add(asset, -amount(v));
  return new Map([...total].map(([k, v]) => [k, fromScaled(v, SCALE)]));
}

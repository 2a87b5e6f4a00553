/**
 * Spot cash accounts: per account and asset a `free` and a `locked` balance in the asset's smallest
 * units (see amounts.ts). Account 0 is the venue's fee account; it receives every fee.
 *
 * Invariants (checked by `conservationErrors`, asserted by the engine's tests after every command):
 * - no balance is ever negative: every debit is checked before anything is changed;
 * - per asset, Σ over all accounts (fee account included) of free + locked == supply, where supply is
 *   Σ deposits − Σ withdrawals, exactly. Trades only move units between accounts;
 * - supply <= MAX_UNITS, so every balance is a safe integer.
 *
 * The ledger knows nothing about orders; the engine decides what to lock and when to settle.
 */
import { MAX_UNITS } from './amounts';
import type { Position } from './positions';

export interface AssetSpec {
  /** e.g. "BTC", "USD". */
  readonly id: string;
  /** Decimals of the smallest unit: 8 means balances are whole multiples of 0.00000001. */
  readonly decimals: number;
}

export class Asset {
  /** Σ deposits − Σ withdrawals, in smallest units. */
  supply = 0;
  constructor(
    readonly id: string,
    readonly decimals: number,
    readonly index: number,
  ) {}
}

export class LedgerAccount {
  /** Indexed by asset index. */
  readonly free: number[] = [];
  readonly locked: number[] = [];
  /** Indexed by instrument index; created on the first fill. */
  readonly positions: Array<Position | undefined> = [];
  constructor(readonly id: number) {}
}

export const FEE_ACCOUNT_ID = 0;

export class Ledger {
  readonly assets: Asset[] = [];
  readonly accounts: LedgerAccount[] = [];
  private readonly assetIndexById = new Map<string, number>();

  constructor() {
    this.openAccount(FEE_ACCOUNT_ID);
  }

  get feeAccount(): LedgerAccount {
    return this.accounts[FEE_ACCOUNT_ID]!;
  }

  /** Index of an asset, or -1. */
  assetIndex(id: string): number {
    return this.assetIndexById.get(id) ?? -1;
  }

  addAsset(spec: AssetSpec): Asset | 'DUPLICATE_ASSET' | 'INVALID_ASSET' {
    if (this.assetIndexById.has(spec.id)) return 'DUPLICATE_ASSET';
    if (!/^[A-Za-z0-9._-]{1,32}$/.test(spec.id)) return 'INVALID_ASSET';
    if (!Number.isInteger(spec.decimals) || spec.decimals < 0 || spec.decimals > 18) return 'INVALID_ASSET';
    const asset = new Asset(spec.id, spec.decimals, this.assets.length);
    this.assets.push(asset);
    this.assetIndexById.set(spec.id, asset.index);
    for (const account of this.accounts) {
      account.free.push(0);
      account.locked.push(0);
    }
    return asset;
  }

  /** Accounts are dense: ids are handed out by the caller in order 0, 1, 2, ... */
  openAccount(id: number): LedgerAccount {
    if (id !== this.accounts.length)
      throw new Error(`ledger accounts are dense; expected id ${this.accounts.length}`);
    const account = new LedgerAccount(id);
    for (let i = 0; i < this.assets.length; i++) {
      account.free.push(0);
      account.locked.push(0);
    }
    this.accounts.push(account);
    return account;
  }

  /** Credits free balance. Refused (false) if the asset's supply would exceed MAX_UNITS. */
  deposit(account: LedgerAccount, asset: number, units: number): boolean {
    const a = this.assets[asset]!;
    if (units > MAX_UNITS - a.supply) return false;
    a.supply += units;
    account.free[asset]! += units;
    return true;
  }

  /** Debits free balance. Refused (false) if free is short. */
  withdraw(account: LedgerAccount, asset: number, units: number): boolean {
    if (account.free[asset]! < units) return false;
    account.free[asset]! -= units;
    this.assets[asset]!.supply -= units;
    return true;
  }

  /** Moves free -> locked. Refused (false, nothing changed) if free is short. */
  lock(account: LedgerAccount, asset: number, units: number): boolean {
    const free = account.free[asset]!;
    if (free < units) return false;
    account.free[asset] = free - units;
    account.locked[asset]! += units;
    return true;
  }

  /** Moves locked -> free. The caller guarantees `units` is at most what it locked. */
  unlock(account: LedgerAccount, asset: number, units: number): void {
    account.locked[asset]! -= units;
    account.free[asset]! += units;
  }

  /**
   * Settles one fill. The buyer pays `notional + buyerFee` quote: `buyerRelease` comes out of its
   * locked quote (any excess over the cost returns to free), the rest out of free (a market buy locks
   * nothing, so its release is 0). The seller delivers `baseUnits` from its locked base and receives
   * `notional − sellerFee`. Both fees go to the fee account. The caller has checked affordability.
   */
  settleFill(
    buyer: LedgerAccount,
    seller: LedgerAccount,
    base: number,
    quote: number,
    baseUnits: number,
    notional: number,
    buyerFee: number,
    sellerFee: number,
    buyerRelease: number,
  ): void {
    buyer.locked[quote]! -= buyerRelease;
    buyer.free[quote]! += buyerRelease - notional - buyerFee;
    buyer.free[base]! += baseUnits;
    seller.locked[base]! -= baseUnits;
    seller.free[quote]! += notional - sellerFee;
    this.feeAccount.free[quote]! += buyerFee + sellerFee;
  }

  /** Every broken ledger invariant, as text; empty when all hold. Walks all accounts: not for hot paths. */
  conservationErrors(): string[] {
    const errors: string[] = [];
    for (const asset of this.assets) {
      let held = 0n;
      for (const account of this.accounts) {
        const free = account.free[asset.index]!;
        const locked = account.locked[asset.index]!;
        if (!Number.isSafeInteger(free) || free < 0 || !Number.isSafeInteger(locked) || locked < 0) {
          errors.push(`account ${account.id} ${asset.id}: free ${free} locked ${locked}`);
        }
        held += BigInt(free) + BigInt(locked);
      }
      if (held !== BigInt(asset.supply)) errors.push(`${asset.id}: held ${held} != supply ${asset.supply}`);
    }
    return errors;
  }
}

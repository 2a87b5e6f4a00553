/**
 * Balances of the fake venue: per agent and asset, free and locked amounts as bigints at a fixed
 * scale of 10^-12 (every grid in the fake fits). Conservation is checkable at any time: the sum of
 * free + locked per asset equals what was granted (the fake charges no fees).
 */
import type { DecimalString } from '../../src-shared/domain';
import { fromScaled, toScaled } from '../../src-main/core/num';

export const SCALE = 12;
export const ONE = 10n ** BigInt(SCALE);

export interface Balance {
  free: bigint;
  locked: bigint;
}

export function scaled(value: string): bigint {
  const v = toScaled(value, SCALE);
  if (v === null) throw new RangeError(`not representable at 1e-${SCALE}: ${value}`);
  return v;
}

export function decimal(value: bigint): DecimalString {
  return fromScaled(value, SCALE);
}

export class Ledger {
  private readonly accounts = new Map<string, Map<string, Balance>>();
  private readonly granted = new Map<string, bigint>();

  grant(agentId: string, asset: string, amount: bigint): void {
    this.balance(agentId, asset).free += amount;
    this.granted.set(asset, (this.granted.get(asset) ?? 0n) + amount);
  }

  balance(agentId: string, asset: string): Balance {
    let account = this.accounts.get(agentId);
    if (!account) {
      account = new Map();
      this.accounts.set(agentId, account);
    }
    let balance = account.get(asset);
    if (!balance) {
      balance = { free: 0n, locked: 0n };
      account.set(asset, balance);
    }
    return balance;
  }

  /** Read without creating an account entry (reads must not change the state hash). */
  peek(agentId: string, asset: string): Balance {
    return this.accounts.get(agentId)?.get(asset) ?? { free: 0n, locked: 0n };
  }

  lock(agentId: string, asset: string, amount: bigint): void {
    const b = this.balance(agentId, asset);
    if (amount < 0n || b.free < amount) throw new Error(`broken invariant: cannot lock ${amount} ${asset}`);
    b.free -= amount;
    b.locked += amount;
  }

  unlock(agentId: string, asset: string, amount: bigint): void {
    const b = this.balance(agentId, asset);
    if (amount < 0n || b.locked < amount)
      throw new Error(`broken invariant: cannot unlock ${amount} ${asset}`);
    b.locked -= amount;
    b.free += amount;
  }

  /** Move `amount` from one agent's locked (or free) balance to another's free balance. */
  transfer(from: string, to: string, asset: string, amount: bigint, fromLocked: boolean): void {
    const source = this.balance(from, asset);
    if (fromLocked) {
      if (source.locked < amount) throw new Error(`broken invariant: locked ${asset} short`);
      source.locked -= amount;
    } else {
      if (source.free < amount) throw new Error(`broken invariant: free ${asset} short`);
      source.free -= amount;
    }
    this.balance(to, asset).free += amount;
  }

  holdings(agentId: string): Array<[string, Balance]> {
    return [...(this.accounts.get(agentId) ?? new Map<string, Balance>()).entries()].sort(([a], [b]) =>
      a < b ? -1 : 1,
    );
  }

  /** Assets whose free + locked total differs from the grants; empty when conserved. */
  conservationErrors(): string[] {
    const totals = new Map<string, bigint>();
    for (const account of this.accounts.values()) {
      for (const [asset, b] of account) {
        if (b.free < 0n || b.locked < 0n) return [`negative balance in ${asset}`];
        totals.set(asset, (totals.get(asset) ?? 0n) + b.free + b.locked);
      }
    }
    const errors: string[] = [];
    for (const [asset, total] of totals) {
      if (total !== (this.granted.get(asset) ?? 0n))
        errors.push(`${asset}: ${total} != ${this.granted.get(asset)}`);
    }
    return errors;
  }

  canonical(): unknown {
    return [...this.accounts.keys()]
      .sort()
      .map((id) => [
        id,
        this.holdings(id).map(([asset, b]) => [asset, b.free.toString(), b.locked.toString()]),
      ]);
  }
}

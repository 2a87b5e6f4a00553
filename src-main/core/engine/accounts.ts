/**
 * Account commands. registerAccount hands out the next account id (1, 2, ...; 0 is the venue's fee
 * account, which accepts no commands) for a unique label. deposit and withdraw move a decimal amount
 * in or out of the account's free balance; the amount must be positive and on the asset's grid
 * (INVALID_AMOUNT), a deposit must keep the asset's total supply within MAX_UNITS (AMOUNT_TOO_LARGE),
 * and a withdrawal cannot exceed free balance (INSUFFICIENT_FUNDS).
 */
import { ok } from '../../../src-shared/result';
import { toUnits } from '../portfolio';
import { reject } from './checks';
import { Account } from './model';
import type { EngineState } from './state';
import { STP_MODES, type AccountId, type EngineResult, type Funds, type RegisterAccount } from './types';

const LABEL = /^[\x20-\x7e]{1,64}$/;

export function registerAccount(st: EngineState, cmd: RegisterAccount): EngineResult<AccountId> {
  const stp = cmd.stp ?? st.defaultStp;
  if (typeof cmd.label !== 'string' || !LABEL.test(cmd.label) || !STP_MODES.includes(stp)) {
    return reject(st, cmd.ts, 'register_account', 0, 'INVALID_ACCOUNT');
  }
  if (st.accountsByLabel.has(cmd.label))
    return reject(st, cmd.ts, 'register_account', 0, 'DUPLICATE_ACCOUNT');
  const id = st.accounts.length;
  const account = new Account(id, cmd.label, stp, st.ledger.openAccount(id));
  st.accounts.push(account);
  st.accountsByLabel.set(cmd.label, account);
  st.sink.accountRegistered(cmd.ts, id, cmd.label, stp);
  return ok(id);
}

export function moveFunds(st: EngineState, cmd: Funds, kind: 'deposit' | 'withdraw'): EngineResult<null> {
  const account = st.account(cmd.account);
  if (account === null) return reject(st, cmd.ts, kind, cmd.account, 'UNKNOWN_ACCOUNT');
  const asset = st.ledger.assets[st.ledger.assetIndex(cmd.asset)];
  if (asset === undefined) return reject(st, cmd.ts, kind, account.id, 'UNKNOWN_ASSET');
  const units = typeof cmd.amount === 'string' ? toUnits(cmd.amount, asset.decimals) : null;
  if (units === null || units === 0) return reject(st, cmd.ts, kind, account.id, 'INVALID_AMOUNT');
  if (kind === 'deposit' && !st.ledger.deposit(account.ledger, asset.index, units)) {
    return reject(st, cmd.ts, kind, account.id, 'AMOUNT_TOO_LARGE');
  }
  if (kind === 'withdraw' && !st.ledger.withdraw(account.ledger, asset.index, units)) {
    return reject(st, cmd.ts, kind, account.id, 'INSUFFICIENT_FUNDS');
  }
  st.sink.funds(cmd.ts, account.id, asset.id, kind, units);
  return ok(null);
}

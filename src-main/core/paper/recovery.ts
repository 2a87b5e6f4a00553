/**
 * Rebuilding a paper exchange after a restart, from what the ledger recorded: fills re-applied to
 * balances and positions exactly as recorded (fees included), then the open orders re-opened with
 * their locks recomputed from what is left of them. A restored order's queue position is unknown
 * until the book is live again (it then joins with ahead = visible size, confidence low).
 */
import type { PaperExchange } from './exchange';
import type { PaperOrder, PaperOrderSnapshot } from './orders';
import type { PaperSide } from './types';

export function replayFill(
  ex: PaperExchange,
  account: number,
  symbol: string,
  side: PaperSide,
  ticks: number,
  lots: number,
  fee: number,
): void {
  const entry = ex.instrument(symbol);
  const owner = ex.accounts.account(account);
  if (!entry || !owner) throw new Error(`replayed fill for unknown ${symbol} or account ${account}`);
  ex.accounts.settle(owner, entry.instrument, side === 'buy', ticks, lots, fee, false);
}

/** Null when restored; otherwise why not. */
export function restoreOrder(
  ex: PaperExchange,
  order: Omit<PaperOrderSnapshot, 'leaves' | 'status'>,
): string | null {
  const entry = ex.instrument(order.symbol);
  const account = ex.accounts.account(order.account);
  if (!entry || !account || order.price === null || order.filled >= order.qty) return 'not restorable';
  if (ex.openOrder(order.id)) return 'duplicate order id';
  const { instrument, market } = entry;
  const leaves = order.qty - order.filled;
  const lock =
    order.side === 'buy'
      ? ex.accounts.buyLock(instrument, order.price, leaves)
      : leaves * instrument.baseUnitsPerLot;
  if (!ex.accounts.lock(account, order.side === 'buy' ? instrument.quote : instrument.base, lock))
    return 'balances do not cover the order';
  const restored: PaperOrder = { ...order, instrument, locked: lock, status: 'open' };
  ex.adopt(restored);
  market.rest(order.id, order.side, order.price, leaves);
  ex.setCounters(order.id + 1, 1);
  return null;
}

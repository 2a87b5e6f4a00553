/**
 * Everything a paper order must pass before it changes anything, and the taker part it will trade:
 * identity, grid, duplicate client id, a live book, post-only, funds (no short sales), then the
 * book walk (cut by free quote for market buys; all-or-nothing for FOK). Returns what `place`
 * needs to apply the order, so a rejection provably touches no state.
 */
import type { LedgerAccount } from '../portfolio';
import type { Instrumented, PaperExchange, PlacePaperOrder } from './exchange';
import { accepted, rejected, type PaperResult } from './orders';
import type { PaperMarket } from './market';
import { notLiveReason, type Execution } from './types';

export interface CheckedPlacement {
  readonly account: LedgerAccount;
  readonly entry: Instrumented;
  /** Units to lock at acceptance (quote for a limit buy, base for a sell, 0 for a market buy). */
  readonly lock: number;
  readonly executions: readonly Execution[];
  /** True when a market buy's walk was cut short by its free quote. */
  readonly cutByFunds: boolean;
}

export function placeChecks(ex: PaperExchange, cmd: PlacePaperOrder): PaperResult<CheckedPlacement> {
  const account = ex.accounts.account(cmd.account);
  if (!account) return rejected('UNKNOWN_ACCOUNT', `no paper account ${cmd.account}`);
  const entry = ex.instrument(cmd.symbol);
  if (!entry) return rejected('UNKNOWN_SYMBOL', `no paper instrument ${cmd.symbol}`);
  const { instrument, market } = entry;
  if (!Number.isSafeInteger(cmd.qty) || cmd.qty <= 0)
    return rejected('INVALID_QUANTITY', 'quantity must be positive');
  if (cmd.qty < instrument.minLots)
    return rejected('BELOW_MIN_SIZE', `quantity is below the minimum of ${instrument.minLots} lots`);
  if (cmd.type === 'limit') {
    if (cmd.price === undefined || !Number.isSafeInteger(cmd.price) || cmd.price <= 0)
      return rejected('INVALID_PRICE', 'limit orders need a positive price');
  } else if (cmd.price !== undefined || (cmd.tif !== 'IOC' && cmd.tif !== 'FOK')) {
    return rejected('INVALID_PRICE', 'market orders have no price and are IOC or FOK');
  }
  if (cmd.clientOrderId !== undefined && ex.hasClientOrderId(cmd.account, cmd.clientOrderId))
    return rejected('DUPLICATE_CLIENT_ORDER_ID', `client order id "${cmd.clientOrderId}" is already open`);
  if (!market.live) return notLive(cmd.symbol, market);
  const price = cmd.price ?? null;
  const crosses = price === null || market.crosses(cmd.side, price);
  if (cmd.tif === 'POST_ONLY' && crosses)
    return rejected('POST_ONLY_WOULD_TAKE', 'a post-only order must not cross the visible book');

  let lock = 0;
  if (cmd.side === 'sell') {
    lock = cmd.qty * instrument.baseUnitsPerLot;
    if (ex.accounts.free(account, instrument.base) < lock)
      return rejected('INSUFFICIENT_BALANCE', `not enough free ${instrument.base.id} (no short sales)`);
  } else if (price !== null) {
    lock = ex.accounts.buyLock(instrument, price, cmd.qty);
    if (ex.accounts.free(account, instrument.quote) < lock)
      return rejected(
        'INSUFFICIENT_FUNDS',
        `not enough free ${instrument.quote.id} for price × quantity + fees`,
      );
  }

  if (!crosses) return accepted({ account, entry, lock, executions: [], cutByFunds: false });
  const plan = market.plan(cmd.side, price, cmd.qty);
  let executions = plan.executions;
  let cutByFunds = false;
  if (cmd.side === 'buy' && price === null) {
    executions = affordable(ex, entry, account, executions);
    cutByFunds = total(executions) < plan.lots;
  }
  const lots = total(executions);
  if (cmd.tif === 'FOK' && lots < cmd.qty) {
    return cutByFunds
      ? rejected('INSUFFICIENT_FUNDS', `not enough free ${instrument.quote.id} to fill the whole order`)
      : rejected(
          'FOK_NOT_FILLABLE',
          `only ${plan.lots} of ${cmd.qty} lots are available`,
          plan.shortfall ?? undefined,
        );
  }
  if (cmd.type === 'market' && lots === 0) {
    return cutByFunds
      ? rejected('INSUFFICIENT_FUNDS', `not enough free ${instrument.quote.id} for one lot`)
      : rejected(
          'NO_LIQUIDITY',
          `nothing to trade against (${plan.shortfall ?? 'no_liquidity'})`,
          plan.shortfall ?? 'no_liquidity',
        );
  }
  return accepted({ account, entry, lock, executions, cutByFunds });
}

/** The prefix of a market buy's walk its free quote pays for (taker fee included). */
function affordable(
  ex: PaperExchange,
  entry: Instrumented,
  account: LedgerAccount,
  executions: readonly Execution[],
): Execution[] {
  const { instrument } = entry;
  let funds = ex.accounts.free(account, instrument.quote);
  const out: Execution[] = [];
  for (const e of executions) {
    const lots = ex.accounts.affordableLots(instrument, e.ticks, e.lots, funds, instrument.takerFee);
    if (lots > 0) {
      out.push({ ticks: e.ticks, lots });
      funds -= ex.accounts.buyCost(instrument, e.ticks, lots, instrument.takerFee);
    }
    if (lots < e.lots) break;
  }
  return out;
}

function total(executions: readonly Execution[]): number {
  let lots = 0;
  for (const e of executions) lots += e.lots;
  return lots;
}

/** BOOK_NOT_LIVE with the typed reason: nothing is accepted on a book that is not live. */
export function notLive<T>(symbol: string, market: PaperMarket): PaperResult<T> {
  const status = market.feedStatus;
  const reason = notLiveReason(status) ?? 'book_unavailable';
  const what = status === 'unavailable' ? 'no live book' : `its book is ${status}`;
  return rejected('BOOK_NOT_LIVE', `${symbol}: ${what}; paper orders fill only against a live book`, reason);
}

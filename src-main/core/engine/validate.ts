/**
 * The engine's self-check (exchange-core's validateInternalState): walks every structure and returns
 * each broken invariant as text; an empty list means all hold. O(state), for tests, soak runs and
 * periodic checks, never per command on a hot path.
 *
 * Checked: the book is not crossed; levels are strictly ordered, non-empty, and their total and count
 * match their queue; queue links are consistent; every resting order is in the id index and in its
 * account's list and vice versa (sizes equal); order quantities are whole and consistent
 * (filled + leaves == qty, leaves > 0); each order's lock is exactly buyLock(price, leaves) or
 * leaves × base per lot; each account's locked balance per asset is the sum of its orders' locks;
 * client order ids map exactly the resting orders that carry one; ledger conservation per asset.
 */
import type { Account, Order } from './model';
import type { EngineState } from './state';
import type { Instrument } from './instrument';

export function validateEngine(st: EngineState): string[] {
  const errors: string[] = [];
  const lockedByAccount = st.accounts.map(() => new Map<number, number>());
  let resting = 0;
  for (const instrument of st.instruments) {
    for (const buy of [true, false]) {
      resting += checkSide(st, instrument, buy, lockedByAccount, errors);
    }
    const bid = instrument.bids.best;
    const ask = instrument.asks.best;
    if (bid && ask && bid.price >= ask.price)
      errors.push(`${instrument.id}: crossed ${bid.price} >= ${ask.price}`);
  }
  if (resting !== st.index.size) errors.push(`index holds ${st.index.size} orders, books ${resting}`);
  st.index.forEach((id, order) => {
    if (order.id !== id || order.level === null) errors.push(`index entry ${id} is not a resting order`);
  });
  let listed = 0;
  for (const account of st.accounts) {
    listed += checkAccount(st, account, lockedByAccount[account.id]!, errors);
  }
  if (listed !== resting) errors.push(`accounts list ${listed} orders, books ${resting}`);
  errors.push(...st.ledger.conservationErrors());
  return errors;
}

function checkSide(
  st: EngineState,
  instrument: Instrument,
  buy: boolean,
  lockedByAccount: Array<Map<number, number>>,
  errors: string[],
): number {
  const ladder = buy ? instrument.bids : instrument.asks;
  const where = `${instrument.id} ${buy ? 'bids' : 'asks'}`;
  let levels = 0;
  let orders = 0;
  let previous: number | null = null;
  for (let level = ladder.best; level !== null; level = ladder.after(level.price)) {
    levels += 1;
    if (previous !== null && !ladder.better(previous, level.price))
      errors.push(`${where}: level order at ${level.price}`);
    previous = level.price;
    if (ladder.get(level.price) !== level) errors.push(`${where}: lookup misses ${level.price}`);
    let total = 0;
    let count = 0;
    let prev: Order | null = null;
    for (let o = level.head; o !== null; o = o.next) {
      count += 1;
      total += o.leaves;
      if (o.prev !== prev || o.level !== level) errors.push(`${where}: broken links at order ${o.id}`);
      prev = o;
      checkOrder(st, instrument, buy, level.price, o, errors);
      const asset = buy ? instrument.quote.index : instrument.base.index;
      const locks = lockedByAccount[o.account!.id]!;
      locks.set(asset, (locks.get(asset) ?? 0) + o.locked);
    }
    if (level.tail !== prev) errors.push(`${where}: tail mismatch at ${level.price}`);
    if (count === 0) errors.push(`${where}: empty level ${level.price}`);
    if (count !== level.count || total !== level.total) {
      errors.push(
        `${where}: level ${level.price} says ${level.total}/${level.count}, queue ${total}/${count}`,
      );
    }
    orders += count;
  }
  if (levels !== ladder.size) errors.push(`${where}: ${ladder.size} levels counted as ${levels}`);
  return orders;
}

function checkOrder(
  st: EngineState,
  instrument: Instrument,
  buy: boolean,
  price: number,
  o: Order,
  errors: string[],
) {
  if (st.index.get(o.id) !== o) errors.push(`order ${o.id} missing from the index`);
  if (o.instrument !== instrument || (o.side === 'buy') !== buy || o.price !== price) {
    errors.push(`order ${o.id} is filed in the wrong place`);
  }
  const whole = [o.qty, o.filled, o.leaves, o.locked].every((x) => Number.isSafeInteger(x) && x >= 0);
  if (!whole || o.leaves <= 0 || o.filled + o.leaves !== o.qty) {
    errors.push(`order ${o.id}: qty ${o.qty} filled ${o.filled} leaves ${o.leaves}`);
  }
  const lock = buy ? instrument.buyLock(o.price, o.leaves) : o.leaves * instrument.baseUnitsPerLot;
  if (o.locked !== lock) errors.push(`order ${o.id}: locked ${o.locked}, expected ${lock}`);
}

function checkAccount(
  st: EngineState,
  account: Account,
  locks: Map<number, number>,
  errors: string[],
): number {
  let count = 0;
  const withClientId = new Set<string>();
  for (let o = account.head; o !== null; o = o.accNext) {
    count += 1;
    if (o.account !== account || st.index.get(o.id) !== o)
      errors.push(`account ${account.id} lists order ${o.id}`);
    if (o.accNext !== null && o.accNext.id <= o.id)
      errors.push(`account ${account.id}: list out of id order`);
    if (o.clientOrderId !== null) {
      withClientId.add(o.clientOrderId);
      if (account.clientIds?.get(o.clientOrderId) !== o) errors.push(`client id ${o.clientOrderId} unmapped`);
    }
  }
  if (count !== account.openOrders)
    errors.push(`account ${account.id}: ${account.openOrders} != ${count} orders`);
  if ((account.clientIds?.size ?? 0) !== withClientId.size)
    errors.push(`account ${account.id}: stale client ids`);
  st.ledger.assets.forEach((asset) => {
    const expected = locks.get(asset.index) ?? 0;
    const locked = account.ledger.locked[asset.index]!;
    if (locked !== expected)
      errors.push(`account ${account.id} ${asset.id}: locked ${locked}, orders ${expected}`);
  });
  return count;
}

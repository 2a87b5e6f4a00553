/**
 * Price-time matching of one incoming (taker) order against the opposite side of its book.
 *
 * - Levels are taken best price first; within a level, orders in FIFO order (queue head first).
 * - Every fill trades at the resting (maker) order's price.
 * - A resting order of the taker's own account triggers self-trade prevention (see StpMode) instead of
 *   a fill; such an order never trades with its own account.
 * - A market buy has nothing locked: each fill is capped at what the account's free quote can pay for
 *   it at that moment (notional plus taker fee); when not even one lot is affordable, matching stops
 *   with reason `funds`.
 * - Settlement per fill (ledger.settleFill): the buyer's lock shrinks from buyLock(price, leaves) to
 *   buyLock(price, leaves − q) and the difference pays notional + fee, the excess (price improvement,
 *   unused reserve) returning to free; the seller's lock shrinks by q lots of base.
 *
 * `match` never rests or cancels the taker; the caller decides what happens to its remainder.
 */
import { mulRateFloor, Position } from '../portfolio';
import type { Instrument } from './instrument';
import type { Account, Level, Order } from './model';
import type { EngineState } from './state';
import type { CancelReason } from './types';

/** Matches until the taker is filled or no longer crosses; returns why it stopped early, if it did. */
export function match(st: EngineState, taker: Order, ts: number): CancelReason | null {
  const instrument = taker.instrument!;
  const buy = taker.side === 'buy';
  const book = buy ? instrument.asks : instrument.bids;
  const market = taker.type === 'market';
  const limit = taker.price;
  const account = taker.account!;
  const stp = account.stp;
  let stop: CancelReason | null = null;
  while (taker.leaves > 0) {
    const level = book.best;
    if (level === null) break;
    if (!market && (buy ? level.price > limit : level.price < limit)) break;
    let maker = level.head;
    let touched = false;
    while (maker !== null) {
      const next = maker.next;
      if (maker.account === account) {
        if (stp !== 'cancel_incoming') {
          st.cancelResting(maker, 'stp', ts, false);
          touched = true;
        }
        if (stp !== 'cancel_resting') {
          stop = 'stp';
          break;
        }
        maker = next;
        continue;
      }
      let q = taker.leaves < maker.leaves ? taker.leaves : maker.leaves;
      if (market && buy) {
        q = affordableLots(instrument, account.ledger.free[instrument.quote.index]!, level.price, q);
        if (q === 0) {
          stop = 'funds';
          break;
        }
      }
      fill(st, instrument, taker, maker, level, q, ts);
      touched = true;
      if (taker.leaves === 0) {
        if (maker.leaves === 0) {
          st.unrest(maker);
          st.releaseOrder(maker);
        }
        break;
      }
      // A fill capped by funds leaves the maker partly open: it stays first in line.
      if (maker.leaves > 0) continue;
      st.unrest(maker);
      st.releaseOrder(maker);
      maker = next;
    }
    if (touched) st.levelChanged(instrument, !buy, level, ts);
    if (stop !== null) break;
  }
  return stop;
}

/** Quote units a buy of `lots` at `price` costs as one fill: notional plus the taker fee. */
export function takerBuyCost(instrument: Instrument, price: number, lots: number): number {
  const notional = price * lots * instrument.unitsPerTickLot;
  return notional + mulRateFloor(notional, instrument.takerFee);
}

/** The most lots (<= want) one fill at `price` can buy with `free` quote units. */
export function affordableLots(instrument: Instrument, free: number, price: number, want: number): number {
  if (takerBuyCost(instrument, price, want) <= free) return want;
  let lo = 0;
  let hi = Math.min(want - 1, Math.floor(free / (price * instrument.unitsPerTickLot)));
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (takerBuyCost(instrument, price, mid) <= free) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function fill(
  st: EngineState,
  instrument: Instrument,
  taker: Order,
  maker: Order,
  level: Level,
  q: number,
  ts: number,
): void {
  const price = level.price;
  const notional = price * q * instrument.unitsPerTickLot;
  const makerFee = mulRateFloor(notional, instrument.makerFee);
  const takerFee = mulRateFloor(notional, instrument.takerFee);
  const baseUnits = q * instrument.baseUnitsPerLot;
  const takerBuys = taker.side === 'buy';
  const buyer = takerBuys ? taker : maker;
  const seller = takerBuys ? maker : taker;
  let release = 0;
  if (buyer.type === 'limit') {
    const after = instrument.buyLock(buyer.price, buyer.leaves - q);
    release = buyer.locked - after;
    buyer.locked = after;
  }
  seller.locked -= baseUnits;
  const buyerAccount = buyer.account!;
  const sellerAccount = seller.account!;
  st.ledger.settleFill(
    buyerAccount.ledger,
    sellerAccount.ledger,
    instrument.base.index,
    instrument.quote.index,
    baseUnits,
    notional,
    takerBuys ? takerFee : makerFee,
    takerBuys ? makerFee : takerFee,
    release,
  );
  taker.leaves -= q;
  taker.filled += q;
  maker.leaves -= q;
  maker.filled += q;
  level.total -= q;
  if (st.trackPositions) {
    position(buyerAccount, instrument).apply(true, q, notional, takerBuys ? takerFee : makerFee);
    position(sellerAccount, instrument).apply(false, q, notional, takerBuys ? makerFee : takerFee);
  }
  st.sink.trade(
    ts,
    st.nextTradeId++,
    instrument.id,
    price,
    q,
    taker.side,
    maker.id,
    maker.account!.id,
    makerFee,
    maker.leaves,
    taker.id,
    taker.account!.id,
    takerFee,
    taker.leaves,
  );
}

function position(account: Account, instrument: Instrument): Position {
  const positions = account.ledger.positions;
  let position = positions[instrument.index];
  if (position === undefined) {
    while (positions.length < instrument.index) positions.push(undefined);
    position = new Position(instrument.index);
    positions[instrument.index] = position;
  }
  return position;
}

/**
 * What the taker could fill right now without touching anything (for FOK): lots, up to its leaves,
 * following STP exactly as `match` would, and the quote a market buy would pay for them (fill by fill).
 */
export function probe(st: EngineState, taker: Order): { lots: number; cost: number } {
  const instrument = taker.instrument!;
  const buy = taker.side === 'buy';
  const book = buy ? instrument.asks : instrument.bids;
  const market = taker.type === 'market';
  const account = taker.account!;
  let lots = 0;
  let cost = 0;
  for (let level = book.best; level !== null; level = book.after(level.price)) {
    if (!market && (buy ? level.price > taker.price : level.price < taker.price)) break;
    for (let maker = level.head; maker !== null; maker = maker.next) {
      if (maker.account === account) {
        if (account.stp === 'cancel_resting') continue;
        return { lots, cost };
      }
      const q = Math.min(taker.leaves - lots, maker.leaves);
      lots += q;
      if (buy) cost += takerBuyCost(instrument, level.price, q);
      if (lots === taker.leaves) return { lots, cost };
    }
  }
  return { lots, cost };
}

/**
 * The matching half of the naive reference engine: every resting order of every instrument in one
 * array, the next maker found by a full scan before each fill, level aggregates recomputed by scanning.
 */
import type { EngineEvent } from '../../../../../src-main/core/engine/events';
import type { RejectReason, Side } from '../../../../../src-main/core/engine/types';
import { applyPosition, buyLock, feeOf, type NaiveAccount, type NaiveInstrument } from './naive-ledger';

export interface NaiveOrder {
  id: number;
  account: number;
  instrument: number;
  side: Side;
  type: 'limit' | 'market';
  tif: string;
  price: number;
  qty: number;
  filled: number;
  leaves: number;
  locked: bigint;
  ts: number;
  clientOrderId: string | null;
  /** Priority: larger is later in its queue. */
  seq: number;
}

/** The matching half: scanning for makers, fills, level reports. */
export type NaiveResult = { ok: true; value: unknown } | { ok: false; error: RejectReason };

export class NaiveBook {
  events: EngineEvent[] = [];
  book: NaiveOrder[] = [];
  instruments: NaiveInstrument[] = [];
  accounts: NaiveAccount[] = [];
  assets: Array<{ id: string; decimals: number; supply: bigint }> = [];
  nextOrderId = 1;
  nextTradeId = 1;
  seq = 0;
  trackPositions = true;

  /** The maker `taker` would meet next: best price on the other side, then earliest seq. */
  bestMaker(instrument: number, side: Side): NaiveOrder | undefined {
    let best: NaiveOrder | undefined;
    for (const o of this.book) {
      if (o.instrument !== instrument || o.side !== side) continue;
      if (
        !best ||
        (side === 'buy' ? o.price > best.price : o.price < best.price) ||
        (o.price === best.price && o.seq < best.seq)
      ) {
        best = o;
      }
    }
    return best;
  }

  makersInOrder(instrument: number, side: Side): NaiveOrder[] {
    return this.book
      .filter((o) => o.instrument === instrument && o.side === side)
      .sort((a, b) =>
        a.price === b.price ? a.seq - b.seq : side === 'buy' ? b.price - a.price : a.price - b.price,
      );
  }

  emitLevel(instrument: number, side: Side, price: number, ts: number): void {
    let qty = 0;
    let orders = 0;
    for (const o of this.book) {
      if (o.instrument === instrument && o.side === side && o.price === price) {
        qty += o.leaves;
        orders += 1;
      }
    }
    this.events.push({
      type: 'level',
      ts,
      instrument: this.instruments[instrument]!.id,
      side,
      price,
      qty,
      orders,
    });
  }

  crossesLimit(taker: NaiveOrder, makerPrice: number): boolean {
    if (taker.type === 'market') return true;
    return taker.side === 'buy' ? makerPrice <= taker.price : makerPrice >= taker.price;
  }

  takerCost(instrument: NaiveInstrument, price: number, lots: number): bigint {
    const notional = BigInt(price) * BigInt(lots) * instrument.unitsPerTickLot;
    return notional + feeOf(notional, instrument.taker);
  }

  affordable(instrument: NaiveInstrument, free: bigint, price: number, want: number): number {
    let lots = 0;
    // Linear on purpose (the engine bisects): the largest lots whose single-fill cost fits.
    while (lots < want && this.takerCost(instrument, price, lots + 1) <= free) lots += 1;
    return lots;
  }

  remove(o: NaiveOrder): void {
    this.book.splice(this.book.indexOf(o), 1);
  }

  unlockRest(o: NaiveOrder): void {
    const instrument = this.instruments[o.instrument]!;
    const asset = o.side === 'buy' ? instrument.quote : instrument.base;
    const account = this.accounts[o.account]!;
    account.locked[asset]! -= o.locked;
    account.free[asset]! += o.locked;
    o.locked = 0n;
  }

  match(t: NaiveOrder, ts: number): 'stp' | 'funds' | null {
    const instrument = this.instruments[t.instrument]!;
    const makerSide: Side = t.side === 'buy' ? 'sell' : 'buy';
    const account = this.accounts[t.account]!;
    let touched: number | null = null;
    const report = () => {
      if (touched !== null) this.emitLevel(t.instrument, makerSide, touched, ts);
      touched = null;
    };
    while (t.leaves > 0) {
      const m = this.bestMaker(t.instrument, makerSide);
      if (!m || !this.crossesLimit(t, m.price)) break;
      if (touched !== null && touched !== m.price) report();
      if (m.account === t.account) {
        if (account.stp !== 'cancel_incoming') {
          this.remove(m);
          this.unlockRest(m);
          this.events.push({
            type: 'canceled',
            ts,
            orderId: m.id,
            account: m.account,
            instrument: instrument.id,
            reason: 'stp',
            canceledQty: m.leaves,
            filledQty: m.filled,
          });
          touched = m.price;
        }
        if (account.stp !== 'cancel_resting') {
          report();
          return 'stp';
        }
        continue;
      }
      let q = Math.min(t.leaves, m.leaves);
      if (t.type === 'market' && t.side === 'buy') {
        q = this.affordable(instrument, account.free[instrument.quote]!, m.price, q);
        if (q === 0) {
          report();
          return 'funds';
        }
      }
      this.fill(instrument, t, m, q, ts);
      touched = m.price;
      if (m.leaves === 0) this.remove(m);
    }
    report();
    return null;
  }

  fill(instrument: NaiveInstrument, t: NaiveOrder, m: NaiveOrder, q: number, ts: number): void {
    const notional = BigInt(m.price) * BigInt(q) * instrument.unitsPerTickLot;
    const makerFee = feeOf(notional, instrument.maker);
    const takerFee = feeOf(notional, instrument.taker);
    const [buyer, seller] = t.side === 'buy' ? [t, m] : [m, t];
    const buyerFee = buyer === t ? takerFee : makerFee;
    const sellerFee = seller === t ? takerFee : makerFee;
    const baseUnits = BigInt(q) * instrument.baseUnitsPerLot;
    const b = this.accounts[buyer.account]!;
    const s = this.accounts[seller.account]!;
    let release = 0n;
    if (buyer.type === 'limit') {
      const after = buyLock(instrument, buyer.price, buyer.leaves - q);
      release = buyer.locked - after;
      buyer.locked = after;
    }
    b.locked[instrument.quote]! -= release;
    b.free[instrument.quote]! += release - notional - buyerFee;
    b.free[instrument.base]! += baseUnits;
    seller.locked -= baseUnits;
    s.locked[instrument.base]! -= baseUnits;
    s.free[instrument.quote]! += notional - sellerFee;
    this.accounts[0]!.free[instrument.quote]! += makerFee + takerFee;
    for (const x of [b.free[instrument.quote]!, b.locked[instrument.quote]!, s.locked[instrument.base]!]) {
      if (x < 0n) throw new Error(`reference ledger went negative at trade ${this.nextTradeId}`);
    }
    t.leaves -= q;
    t.filled += q;
    m.leaves -= q;
    m.filled += q;
    if (this.trackPositions) {
      const index = this.instruments.indexOf(instrument);
      applyPosition(b, index, true, q, m.price, instrument.unitsPerTickLot, buyerFee);
      applyPosition(s, index, false, q, m.price, instrument.unitsPerTickLot, sellerFee);
    }
    this.events.push({
      type: 'trade',
      ts,
      tradeId: this.nextTradeId++,
      instrument: instrument.id,
      price: m.price,
      qty: q,
      takerSide: t.side,
      makerOrderId: m.id,
      makerAccount: m.account,
      makerFee: Number(makerFee),
      makerLeaves: m.leaves,
      takerOrderId: t.id,
      takerAccount: t.account,
      takerFee: Number(takerFee),
      takerLeaves: t.leaves,
    });
  }
}

/**
 * Amend, cancel and cancel-all of the naive reference engine, in the check order documented in
 * amend.ts and cancel.ts.
 */
import type {
  AmendOrder,
  CancelAll,
  CancelOrder,
  RejectReason,
} from '../../../../../src-main/core/engine/types';
import type { NaiveOrder, NaiveResult } from './naive-book';
import { NaiveCommands, badNumber, isWhole } from './naive-commands';
import { buyLock } from './naive-ledger';

export class NaiveOrders extends NaiveCommands {
  amend(c: AmendOrder): NaiveResult {
    const id = isWhole(c.orderId) ? c.orderId : 0;
    const no = (r: RejectReason) => this.no(c.ts, 'amend', c.account, r, id);
    const account = this.trader(c.account);
    if (!account) return no('UNKNOWN_ACCOUNT');
    const o = this.book.find((x) => x.id === id);
    if (!o) return no('UNKNOWN_ORDER');
    if (o.account !== account.id) return no('NOT_YOUR_ORDER');
    if (c.price === undefined && c.qty === undefined) return no('INVALID_ORDER');
    const price = c.price ?? o.price;
    const qty = c.qty ?? o.qty;
    if (badNumber(price)) return no('INVALID_PRICE');
    if (!Number.isInteger(price)) return no('OFF_TICK');
    if (badNumber(qty)) return no('INVALID_QUANTITY');
    if (!Number.isInteger(qty)) return no('OFF_LOT');
    if (qty <= o.filled) return no('INVALID_QUANTITY');
    const instrument = this.instruments[o.instrument]!;
    if (qty < instrument.minQty) return no('BELOW_MIN_SIZE');
    if (BigInt(price) * BigInt(qty) * instrument.unitsPerTickLot < instrument.minNotional)
      return no('BELOW_MIN_NOTIONAL');
    if (o.tif === 'POST_ONLY' && this.wouldCross(o.instrument, o.side, price)) return no('WOULD_CROSS');
    const leaves = qty - o.filled;
    const buy = o.side === 'buy';
    const lock = buy ? buyLock(instrument, price, leaves) : BigInt(leaves) * instrument.baseUnitsPerLot;
    const asset = buy ? instrument.quote : instrument.base;
    if (lock - o.locked > account.free[asset]!) return no('INSUFFICIENT_FUNDS');
    account.free[asset]! -= lock - o.locked;
    account.locked[asset]! += lock - o.locked;
    o.locked = lock;
    const ack = (status: string) => ({
      ok: true as const,
      value: { orderId: id, status, filledQty: o.filled, leavesQty: status === 'resting' ? o.leaves : 0 },
    });
    if (price === o.price && leaves <= o.leaves) {
      const reduced = o.leaves - leaves;
      o.leaves = leaves;
      o.qty = qty;
      this.events.push({
        type: 'amended',
        ts: c.ts,
        orderId: id,
        account: account.id,
        instrument: instrument.id,
        price,
        qty,
        leavesQty: leaves,
        priorityKept: true,
      });
      if (reduced > 0) this.emitLevel(o.instrument, o.side, price, c.ts);
      return ack('resting');
    }
    const oldPrice = o.price;
    this.remove(o);
    Object.assign(o, { price, qty, leaves, ts: c.ts });
    this.events.push({
      type: 'amended',
      ts: c.ts,
      orderId: id,
      account: account.id,
      instrument: instrument.id,
      price,
      qty,
      leavesQty: leaves,
      priorityKept: false,
    });
    this.emitLevel(o.instrument, o.side, oldPrice, c.ts);
    const stop = this.match(o, c.ts);
    if (o.leaves > 0 && stop === null) {
      o.seq = ++this.seq;
      this.book.push(o);
      this.emitLevel(o.instrument, o.side, price, c.ts);
      return ack('resting');
    }
    if (o.leaves > 0) {
      this.events.push({
        type: 'canceled',
        ts: c.ts,
        orderId: id,
        account: account.id,
        instrument: instrument.id,
        reason: stop!,
        canceledQty: o.leaves,
        filledQty: o.filled,
      });
    }
    this.unlockRest(o);
    return ack(o.leaves > 0 ? 'canceled' : 'filled');
  }

  private cancelOne(o: NaiveOrder, ts: number): number {
    this.remove(o);
    this.unlockRest(o);
    this.events.push({
      type: 'canceled',
      ts,
      orderId: o.id,
      account: o.account,
      instrument: this.instruments[o.instrument]!.id,
      reason: 'user',
      canceledQty: o.leaves,
      filledQty: o.filled,
    });
    this.emitLevel(o.instrument, o.side, o.price, ts);
    return o.leaves;
  }

  cancel(c: CancelOrder): NaiveResult {
    const id = isWhole(c.orderId) ? c.orderId : 0;
    const coid = typeof c.clientOrderId === 'string' ? c.clientOrderId : null;
    const no = (r: RejectReason) => this.no(c.ts, 'cancel', c.account, r, id, coid);
    const account = this.trader(c.account);
    if (!account) return no('UNKNOWN_ACCOUNT');
    let o: NaiveOrder | undefined;
    if (c.orderId !== undefined) o = this.book.find((x) => x.id === id);
    else if (coid !== null) o = this.book.find((x) => x.account === account.id && x.clientOrderId === coid);
    else return no('INVALID_ORDER');
    if (!o) return no('UNKNOWN_ORDER');
    if (o.account !== account.id) return no('NOT_YOUR_ORDER');
    return { ok: true, value: { orderId: o.id, canceledQty: this.cancelOne(o, c.ts) } };
  }

  cancelAll(c: CancelAll): NaiveResult {
    const account = this.trader(c.account);
    if (!account) return this.no(c.ts, 'cancel_all', c.account, 'UNKNOWN_ACCOUNT');
    const index = c.instrument === undefined ? -1 : this.instruments.findIndex((i) => i.id === c.instrument);
    if (c.instrument !== undefined && index < 0)
      return this.no(c.ts, 'cancel_all', c.account, 'UNKNOWN_INSTRUMENT');
    const mine = this.book
      .filter((o) => o.account === account.id && (index < 0 || o.instrument === index))
      .sort((a, b) => a.id - b.id);
    for (const o of mine) this.cancelOne(o, c.ts);
    return { ok: true, value: mine.length };
  }
}

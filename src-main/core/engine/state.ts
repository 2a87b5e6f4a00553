/**
 * Everything the engine owns, in one place, plus the small mutations every command shares: taking an
 * order out of the book (with its level event and funds release) and the pools that keep the hot path
 * allocation-free. Commands live in their own modules and operate on this state.
 *
 * Invariant kept by every function here: an order is in the id index iff it is linked into a level
 * and into its account's list; its `locked` units are exactly what its account has locked for it.
 */
import { FEE_ACCOUNT_ID, Ledger, type Position } from '../portfolio';
import { NullSink, type EngineSink } from './events';
import { Instrument } from './instrument';
import { Account, Level, Order } from './model';
import { OrderIndex } from './order-index';
import type { CancelReason, InstrumentSpec, StpMode } from './types';

export class EngineState {
  readonly ledger = new Ledger();
  readonly instruments: Instrument[] = [];
  readonly instrumentsById = new Map<string, Instrument>();
  /** Indexed by account id; account 0 is the fee account. */
  readonly accounts: Account[] = [];
  readonly accountsByLabel = new Map<string, Account>();
  readonly index = new OrderIndex();
  nextOrderId = 1;
  nextTradeId = 1;
  sink: EngineSink = new NullSink();
  private readonly orderPool: Order[] = [];
  private readonly levelPool: Level[] = [];

  constructor(
    readonly defaultStp: StpMode,
    readonly trackPositions: boolean,
  ) {
    const fees = new Account(FEE_ACCOUNT_ID, 'fees', defaultStp, this.ledger.feeAccount);
    this.accounts.push(fees);
    this.accountsByLabel.set(fees.label, fees);
  }

  /** A trading account, or null for unknown ids and the fee account. */
  account(id: number): Account | null {
    if (id === FEE_ACCOUNT_ID) return null;
    return this.accounts[id] ?? null;
  }

  addInstrument(spec: InstrumentSpec): Instrument | string {
    if (this.instrumentsById.has(spec.id)) return `duplicate instrument "${spec.id}"`;
    const instrument = Instrument.create(spec, this.instruments.length, this.ledger);
    if (typeof instrument === 'string') return instrument;
    this.instruments.push(instrument);
    this.instrumentsById.set(spec.id, instrument);
    return instrument;
  }

  newOrder(): Order {
    return this.orderPool.pop() ?? new Order();
  }

  releaseOrder(order: Order): void {
    order.clear();
    this.orderPool.push(order);
  }

  /** The level at `price` on the order's side, created (and inserted) if absent. */
  levelFor(instrument: Instrument, buy: boolean, price: number): Level {
    const ladder = buy ? instrument.bids : instrument.asks;
    let level = ladder.get(price);
    if (level === null) {
      level = this.levelPool.pop() ?? new Level();
      level.price = price;
      level.total = 0;
      level.count = 0;
      level.head = level.tail = null;
      ladder.insert(level);
    }
    return level;
  }

  /** Emits the level's aggregate and drops it from the ladder once empty. */
  levelChanged(instrument: Instrument, buy: boolean, level: Level, ts: number): void {
    this.sink.level(ts, instrument.id, buy ? 'buy' : 'sell', level.price, level.total, level.count);
    if (level.count === 0) {
      (buy ? instrument.bids : instrument.asks).remove(level);
      this.levelPool.push(level);
    }
  }

  /** Puts a live order at the tail of its price level and registers it everywhere. */
  rest(order: Order, ts: number): void {
    const instrument = order.instrument!;
    const buy = order.side === 'buy';
    const level = this.levelFor(instrument, buy, order.price);
    level.append(order);
    this.index.add(order.id, order);
    order.account!.link(order);
    this.levelChanged(instrument, buy, level, ts);
  }

  /**
   * Takes a resting order out of the book, index and account, without a level event (the caller
   * emits it). Does not release funds or the order object.
   */
  unrest(order: Order): void {
    order.level!.unlink(order);
    this.index.delete(order.id);
    order.account!.unlink(order);
  }

  /** Releases whatever the order still has locked back to its account's free balance. */
  unlockRemainder(order: Order): void {
    if (order.locked === 0) return;
    const instrument = order.instrument!;
    const asset = order.side === 'buy' ? instrument.quote.index : instrument.base.index;
    this.ledger.unlock(order.account!.ledger, asset, order.locked);
    order.locked = 0;
  }

  /** Cancels a resting order: out of the book, funds back, `canceled` then `level` events. */
  cancelResting(order: Order, reason: CancelReason, ts: number, emitLevel: boolean): number {
    const level = order.level!;
    const canceled = order.leaves;
    this.unrest(order);
    this.unlockRemainder(order);
    this.sink.canceled(ts, order.id, order.account!.id, order.instrument!.id, reason, canceled, order.filled);
    if (emitLevel) this.levelChanged(order.instrument!, order.side === 'buy', level, ts);
    this.releaseOrder(order);
    return canceled;
  }

  position(account: Account, instrument: Instrument): Position | undefined {
    return account.ledger.positions[instrument.index];
  }
}

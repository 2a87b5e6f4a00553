/**
 * The paper exchange of one venue: paper cash accounts (accounts.ts) and one matching model per
 * instrument (market.ts), fed with the venue's books and prints. Pure and deterministic: every
 * command carries its time, ids come from counters, events go synchronously to the sink in the
 * order things happen; a rejected command changes nothing and emits nothing.
 *
 * Order rules (see market.ts for fills):
 * - Nothing is accepted while the instrument's book is not live (BOOK_NOT_LIVE, with the reason).
 * - Market orders are IOC or FOK; they walk the book. A market buy pays from free quote as it
 *   fills and stops when that runs out (remainder canceled, reason funds). FOK trades all or
 *   nothing (FOK_NOT_FILLABLE changes nothing). A market order that finds nothing is NO_LIQUIDITY.
 * - A limit that crosses the visible book takes what is available up to its price (taker fee);
 *   its remainder rests (GTC) with a queue position, or is canceled (IOC). POST_ONLY is refused if
 *   it would cross the visible book.
 * - Resting fills come from prints (maker fee). Fees are floor(notional × rate) in quote.
 * - Amend: a lower quantity at the same price keeps the queue position; a new price or a higher
 *   quantity re-joins at the back of the queue (and may take liquidity at the new price).
 */
import { mulRateFloor } from '../portfolio';
import { PaperAccounts, type PaperInstrument, type PaperInstrumentSpec } from './accounts';
import { PaperMarket, type QueueView } from './market';
import {
  accepted,
  rejected,
  snapshotOf,
  type PaperCancelReason,
  type PaperOrder,
  type PaperOrderSnapshot,
  type PaperEvent,
  type PaperOrderType,
  type PaperResult,
  type PaperSink,
  type PaperTif,
} from './orders';
import { amendOrder } from './amend';
import { placeChecks } from './place-checks';
import { replayFill, restoreOrder } from './recovery';
import {
  DEFAULT_MODEL_CONFIG,
  type BookView,
  type Execution,
  type FeedStatus,
  type NoFillReason,
  type PaperModelConfig,
  type PaperSide,
  type Print,
} from './types';

export interface PlacePaperOrder {
  readonly account: number;
  readonly symbol: string;
  readonly side: PaperSide;
  readonly type: PaperOrderType;
  readonly tif: PaperTif;
  /** Ticks; required for limit orders, absent for market orders. */
  readonly price?: number;
  readonly qty: number;
  readonly clientOrderId?: string;
  readonly at: number;
}

export interface AmendPaperOrder {
  readonly account: number;
  readonly orderId: number;
  readonly price?: number;
  /** New total quantity (filled part included); must exceed what is filled. */
  readonly qty?: number;
  readonly at: number;
}

export interface Instrumented {
  readonly instrument: PaperInstrument;
  readonly market: PaperMarket;
}

export class PaperExchange {
  readonly accounts = new PaperAccounts();
  private readonly bySymbol = new Map<string, Instrumented>();
  private readonly orders = new Map<number, PaperOrder>();
  private readonly byAccount = new Map<number, Set<number>>();
  private nextOrderId = 1;
  private nextTradeId = 1;
  private sink: PaperSink = () => {};

  constructor(private readonly config: PaperModelConfig = DEFAULT_MODEL_CONFIG) {}

  setSink(sink: PaperSink): void {
    this.sink = sink;
  }

  addInstrument(spec: PaperInstrumentSpec): PaperInstrument | string {
    if (this.bySymbol.has(spec.symbol)) return `duplicate instrument ${spec.symbol}`;
    const instrument = this.accounts.addInstrument(spec);
    if (typeof instrument === 'string') return instrument;
    this.bySymbol.set(spec.symbol, { instrument, market: new PaperMarket(this.config) });
    return instrument;
  }

  instrument(symbol: string): Instrumented | undefined {
    return this.bySymbol.get(symbol);
  }

  symbols(): string[] {
    return [...this.bySymbol.keys()];
  }

  openAccount(): number {
    return this.accounts.openAccount().id;
  }

  /** Ids the next order and trade will get (a restart continues after the recorded ones). */
  get counters(): { readonly orderId: number; readonly tradeId: number } {
    return { orderId: this.nextOrderId, tradeId: this.nextTradeId };
  }

  setCounters(orderId: number, tradeId: number): void {
    this.nextOrderId = Math.max(this.nextOrderId, orderId);
    this.nextTradeId = Math.max(this.nextTradeId, tradeId);
  }

  /** Reserves an order id (trigger orders layered on top share the id space). */
  allocateOrderId(): number {
    return this.nextOrderId++;
  }

  // --- market data -------------------------------------------------------------------------------

  onBook(symbol: string, at: number, status: FeedStatus, book: BookView | null): void {
    this.bySymbol.get(symbol)?.market.update(at, status, book);
  }

  onPrint(symbol: string, at: number, print: Print): void {
    const entry = this.bySymbol.get(symbol);
    if (!entry) return;
    for (const fill of entry.market.print(print)) {
      const order = this.orders.get(fill.orderId)!;
      this.fill(order, fill.ticks, fill.lots, 'maker', at);
      if (order.filled === order.qty) this.finish(order, 'filled', at);
    }
  }

  // --- commands -----------------------------------------------------------------------------------

  place(cmd: PlacePaperOrder): PaperResult<PaperOrderSnapshot> {
    const checked = placeChecks(this, cmd);
    if (!checked.ok) return checked;
    const { account, entry, lock, executions, cutByFunds } = checked.value;
    const { instrument, market } = entry;
    if (lock > 0) this.accounts.lock(account, cmd.side === 'buy' ? instrument.quote : instrument.base, lock);
    const order: PaperOrder = {
      id: this.nextOrderId++,
      account: cmd.account,
      instrument,
      side: cmd.side,
      type: cmd.type,
      tif: cmd.tif,
      price: cmd.price ?? null,
      qty: cmd.qty,
      filled: 0,
      locked: lock,
      clientOrderId: cmd.clientOrderId ?? null,
      createdAt: cmd.at,
      updatedAt: cmd.at,
      status: 'open',
    };
    this.adopt(order);
    this.sink({ kind: 'accepted', order: snapshotOf(order), at: cmd.at });
    this.execute(order, executions, cmd.at);
    const leaves = order.qty - order.filled;
    if (leaves === 0) this.finish(order, 'filled', cmd.at);
    else if (order.type === 'limit' && (order.tif === 'GTC' || order.tif === 'POST_ONLY'))
      market.rest(order.id, order.side, order.price!, leaves);
    else this.finish(order, 'canceled', cmd.at, cutByFunds ? 'funds' : 'ioc');
    return accepted(snapshotOf(order));
  }

  cancel(account: number, orderId: number, at: number): PaperResult<PaperOrderSnapshot> {
    const order = this.orders.get(orderId);
    if (!order) return rejected('UNKNOWN_ORDER', `no open paper order ${orderId}`);
    if (order.account !== account) return rejected('NOT_YOUR_ORDER', `order ${orderId} is not yours`);
    this.finish(order, 'canceled', at, 'user');
    return accepted(snapshotOf(order));
  }

  cancelAll(account: number, symbol: string | null, at: number): number {
    let canceled = 0;
    for (const id of [...(this.byAccount.get(account) ?? [])]) {
      const order = this.orders.get(id)!;
      if (symbol !== null && order.instrument.id !== symbol) continue;
      this.finish(order, 'canceled', at, 'user');
      canceled += 1;
    }
    return canceled;
  }

  amend(cmd: AmendPaperOrder): PaperResult<PaperOrderSnapshot> {
    return amendOrder(this, cmd);
  }

  // --- queries ------------------------------------------------------------------------------------

  order(id: number): PaperOrderSnapshot | null {
    const order = this.orders.get(id);
    return order ? snapshotOf(order) : null;
  }

  openOrders(account: number): PaperOrderSnapshot[] {
    return [...(this.byAccount.get(account) ?? [])].map((id) => snapshotOf(this.orders.get(id)!));
  }

  hasClientOrderId(account: number, clientOrderId: string): boolean {
    for (const id of this.byAccount.get(account) ?? []) {
      if (this.orders.get(id)!.clientOrderId === clientOrderId) return true;
    }
    return false;
  }

  queueOf(id: number): QueueView | null {
    const order = this.orders.get(id);
    return order ? (this.bySymbol.get(order.instrument.id)!.market.queueOf(id) ?? null) : null;
  }

  noFillReason(id: number): NoFillReason | null {
    const order = this.orders.get(id);
    return order ? this.bySymbol.get(order.instrument.id)!.market.noFillReason(id) : null;
  }

  // --- recovery (a restart rebuilds state from the ledger; see recovery.ts) ---------------------

  /** Re-applies a recorded fill to balances and positions (free balances; no order involved). */
  replayFill(
    account: number,
    symbol: string,
    side: PaperSide,
    ticks: number,
    lots: number,
    fee: number,
  ): void {
    replayFill(this, account, symbol, side, ticks, lots, fee);
  }

  /** Re-opens a recorded open order: locks what backs its leaves and rests it (queue unknown). */
  restoreOrder(order: Omit<PaperOrderSnapshot, 'leaves' | 'status'>): string | null {
    return restoreOrder(this, order);
  }

  /** Registers an open order in the indexes (placement and recovery). */
  adopt(order: PaperOrder): void {
    this.orders.set(order.id, order);
    let ids = this.byAccount.get(order.account);
    if (!ids) this.byAccount.set(order.account, (ids = new Set()));
    ids.add(order.id);
  }

  // --- internals ----------------------------------------------------------------------------------

  // --- steps shared with amend.ts (not for other callers) ---------------------------------------

  /** The mutable record of an open order. */
  openOrder(id: number): PaperOrder | undefined {
    return this.orders.get(id);
  }

  emit(event: PaperEvent): void {
    this.sink(event);
  }

  /** Commits a taker's executions to its market's memory and settles each as a fill. */
  execute(order: PaperOrder, executions: readonly Execution[], at: number): void {
    if (executions.length === 0) return;
    this.bySymbol.get(order.instrument.id)!.market.commit(order.side, executions, at);
    for (const e of executions) this.fill(order, e.ticks, e.lots, 'taker', at);
  }

  private fill(
    order: PaperOrder,
    ticks: number,
    lots: number,
    liquidity: 'maker' | 'taker',
    at: number,
  ): void {
    const instrument = order.instrument;
    const account = this.accounts.account(order.account)!;
    const rate = liquidity === 'maker' ? instrument.makerFee : instrument.takerFee;
    const notional = this.accounts.notional(instrument, ticks, lots);
    const fee = mulRateFloor(notional, rate);
    const fromLocked = order.side === 'sell' || order.type === 'limit';
    this.accounts.settle(account, instrument, order.side === 'buy', ticks, lots, fee, fromLocked);
    if (fromLocked) order.locked -= order.side === 'buy' ? notional + fee : lots * instrument.baseUnitsPerLot;
    order.filled += lots;
    order.updatedAt = at;
    const tradeId = this.nextTradeId++;
    this.sink({ kind: 'fill', tradeId, order: snapshotOf(order), ticks, lots, liquidity, fee, at });
  }

  /** Takes an order off the book: unlocks what backed it, removes it, reports a cancel. */
  finish(order: PaperOrder, status: 'filled' | 'canceled', at: number, reason?: PaperCancelReason): void {
    const { instrument, market } = this.bySymbol.get(order.instrument.id)!;
    const leaves = order.qty - order.filled;
    market.remove(order.id);
    const account = this.accounts.account(order.account)!;
    this.accounts.unlock(account, order.side === 'buy' ? instrument.quote : instrument.base, order.locked);
    order.locked = 0;
    order.status = status;
    order.updatedAt = at;
    this.orders.delete(order.id);
    this.byAccount.get(order.account)?.delete(order.id);
    if (status === 'canceled')
      this.sink({
        kind: 'canceled',
        order: snapshotOf(order),
        canceledLots: leaves,
        reason: reason ?? 'user',
        at,
      });
  }
}

/**
 * An in-memory venue implementing VenuePort faithfully enough to test the gateway: grid checks,
 * agent ownership, cash-account funds (no shorting, buys need free quote), price-time matching on
 * naive sorted arrays, IOC/FOK/POST_ONLY/market semantics, and events. Rejections are decided
 * before anything is touched, so a rejected call leaves `stateHash()` unchanged. No fees. Not
 * production code: the real simulated venue replaces it (the lead wires it in compose.ts). State and
 * reads live in gateway-fake-state.ts; this file holds the commands and the event plumbing.
 */
import type { DecimalString } from '../../src-shared/domain';
import type {
  AmendOrderRequest,
  CancelAllRequest,
  CanceledOrder,
  FillView,
  CancelOrderRequest,
  NewsItem,
  OrderView,
  PlaceOrderRequest,
  RegisteredAgent,
  RegisterAgentRequest,
  TradeView,
  VenueEvent,
  VenuePort,
  VenueRejectCode,
  VenueResult,
} from '../../src-main/gateway/venue-port';
import { ONE, scaled } from './gateway-fake-ledger';
import type { RestingOrder } from './gateway-fake-book';
import { FakeVenueState, type Agent } from './gateway-fake-state';

export { FAKE_INSTRUMENTS } from './gateway-fake-state';

export interface FakeVenueOptions {
  /** Answer trading calls with Promises, emitting events after they resolve. */
  readonly asyncAcks?: boolean;
  readonly now?: () => number;
}

export class FakeVenue extends FakeVenueState implements VenuePort {
  readonly venueId = 'sim';
  readonly available = true;
  private readonly listeners = new Set<(e: VenueEvent) => void>();
  private pending: VenueEvent[] | null = null;
  readonly calls = { placeOrder: 0, cancelOrder: 0, registerAgent: 0 };

  constructor(private readonly options: FakeVenueOptions = {}) {
    super(() => options.now?.() ?? 1_700_000_000_000);
  }

  // --- commands ---------------------------------------------------------------------------------

  registerAgent(request: RegisterAgentRequest) {
    this.calls.registerAgent++;
    return this.answer(() => this.doRegister(request, 'external'));
  }

  /** Test helper: a venue-owned agent with cash and base, e.g. to provide liquidity. */
  addBuiltinAgent(name: string, cash: string, base: Record<string, string> = {}): string {
    const result = this.doRegister({ name, startingCapital: cash as DecimalString }, 'builtin');
    if (!result.ok) throw new Error(result.error.message);
    for (const [asset, amount] of Object.entries(base))
      this.ledger.grant(result.value.agentId, asset, scaled(amount));
    return result.value.agentId;
  }

  private doRegister(request: RegisterAgentRequest, kind: Agent['kind']): VenueResult<RegisteredAgent> {
    const existing = [...this.agentsById.values()].find((a) => a.name === request.name);
    if (existing) {
      if (existing.kind === 'builtin' || kind === 'builtin')
        return reject('AGENT_NAME_TAKEN', `"${request.name}" is taken`);
      return { ok: true, value: { agentId: existing.agentId, created: false } };
    }
    const capital = scaledOrNull(request.startingCapital);
    if (capital === null || capital <= 0n)
      return reject('INVALID_AMOUNT', 'starting capital must be positive');
    const agentId = `a${this.nextAgent++}`;
    this.agentsById.set(agentId, { agentId, name: request.name, kind, startingCapital: capital });
    this.ledger.grant(agentId, 'USD', capital);
    this.emit({ kind: 'agents' });
    return { ok: true, value: { agentId, created: true } };
  }

  placeOrder(request: PlaceOrderRequest) {
    this.calls.placeOrder++;
    return this.answer(() => this.doPlace(request));
  }

  /** Test helper: place synchronously (whatever asyncAcks says); throws on a rejection. */
  seedOrder(request: PlaceOrderRequest): OrderView {
    const result = this.doPlace(request);
    if (!result.ok) throw new Error(`seed order refused: ${result.error.message}`);
    return result.value;
  }

  cancelOrder(request: CancelOrderRequest) {
    this.calls.cancelOrder++;
    return this.answer(() => this.doCancel(request));
  }

  private doPlace(request: PlaceOrderRequest): VenueResult<OrderView> {
    const orderType = request.orderType;
    // Trigger orders and brackets are the trigger layer's job (src-main/trading/triggers).
    if ((orderType !== 'limit' && orderType !== 'market') || request.bracket !== undefined)
      return reject('INVALID_PRICE', 'trigger orders need the trigger layer');
    const r = { ...request, orderType };
    if (!this.agentsById.has(r.agentId)) return reject('UNKNOWN_AGENT', `no agent ${r.agentId}`);
    const instrument = this.grids.get(r.symbol);
    const book = this.bookBySymbol.get(r.symbol);
    if (!instrument || !book) return reject('UNKNOWN_SYMBOL', `no instrument ${r.symbol}`);
    const { grid, spec: s } = instrument;
    const lots = grid.sizeToLots(r.quantity);
    if (!lots.ok)
      return reject(lots.error === 'OFF_GRID' ? 'OFF_LOT' : 'INVALID_QUANTITY', `bad quantity ${r.quantity}`);
    if (scaled(grid.lotsToSize(lots.value)) < scaled(s.minSize))
      return reject('BELOW_MIN_SIZE', 'below min size');
    let ticks: number | null = null;
    if (r.orderType === 'limit') {
      if (r.price === undefined) return reject('INVALID_PRICE', 'limit orders need a price');
      const t = grid.priceToTicks(r.price);
      if (!t.ok) return reject(t.error === 'OFF_GRID' ? 'OFF_TICK' : 'INVALID_PRICE', `bad price ${r.price}`);
      ticks = t.value;
    } else if (r.price !== undefined || (r.timeInForce !== 'IOC' && r.timeInForce !== 'FOK')) {
      return reject('INVALID_PRICE', 'market orders have no price and are IOC or FOK');
    }
    const coidKey = r.clientOrderId === undefined ? null : `${r.agentId}|${r.clientOrderId}`;
    if (coidKey !== null && this.clientIds.has(coidKey))
      return reject('DUPLICATE_CLIENT_ORDER_ID', 'duplicate');
    const crossing = book.crossing(r.side, ticks);
    const crossLots = crossing.reduce((n, o) => n + o.remainingLots, 0);
    if (r.timeInForce === 'POST_ONLY' && crossLots > 0) return reject('POST_ONLY_WOULD_TAKE', 'would take');
    if (r.timeInForce === 'FOK' && crossLots < lots.value)
      return reject('FOK_NOT_FILLABLE', 'not enough liquidity');
    if (r.orderType === 'market' && crossLots === 0) return reject('NO_LIQUIDITY', 'empty book');
    const notional = (t: number, l: number) =>
      (scaled(grid.ticksToPrice(t)) * scaled(grid.lotsToSize(l))) / ONE;
    if (r.side === 'buy') {
      let need: bigint;
      if (ticks !== null) need = notional(ticks, lots.value);
      else {
        need = 0n;
        let left = lots.value;
        for (const o of crossing) {
          const q = Math.min(left, o.remainingLots);
          need += notional(o.priceTicks, q);
          left -= q;
          if (left === 0) break;
        }
      }
      if (this.ledger.peek(r.agentId, s.quote).free < need)
        return reject('INSUFFICIENT_FUNDS', 'not enough quote');
    } else if (this.ledger.peek(r.agentId, s.base).free < scaled(grid.lotsToSize(lots.value))) {
      return reject('INSUFFICIENT_BALANCE', 'not enough base');
    }

    // Accepted: nothing above touched state.
    if (coidKey !== null) this.clientIds.add(coidKey);
    const orderId = String(this.nextOrder++);
    const order: RestingOrder & { view: OrderView } = {
      orderId,
      agentId: r.agentId,
      side: r.side,
      priceTicks: ticks ?? 0,
      remainingLots: lots.value,
      seq: this.seq++,
      view: {
        orderId,
        agentId: r.agentId,
        symbol: r.symbol,
        side: r.side,
        orderType: r.orderType,
        timeInForce: r.timeInForce,
        quantity: grid.lotsToSize(lots.value),
        filledQuantity: '0' as DecimalString,
        remainingQuantity: grid.lotsToSize(lots.value),
        status: 'open',
        time: this.now(),
        ...(r.price === undefined ? {} : { price: grid.ticksToPrice(ticks ?? 0) }),
        ...(r.clientOrderId === undefined ? {} : { clientOrderId: r.clientOrderId }),
      },
    };
    if (r.side === 'buy' && ticks !== null) this.ledger.lock(r.agentId, s.quote, notional(ticks, lots.value));
    if (r.side === 'sell') this.ledger.lock(r.agentId, s.base, scaled(grid.lotsToSize(lots.value)));
    this.emit({ kind: 'order_placed', order: { ...order.view } });
    let filledLots = 0;
    for (const maker of crossing) {
      if (order.remainingLots === 0) break;
      const q = Math.min(order.remainingLots, maker.remainingLots);
      this.settle(r, order, maker, q, notional);
      filledLots += q;
    }
    const remaining = order.remainingLots;
    let status: OrderView['status'] = remaining === 0 ? 'filled' : 'open';
    if (remaining > 0 && (r.timeInForce === 'IOC' || r.orderType === 'market')) {
      if (r.side === 'buy' && ticks !== null)
        this.ledger.unlock(r.agentId, s.quote, notional(ticks, remaining));
      if (r.side === 'sell') this.ledger.unlock(r.agentId, s.base, scaled(grid.lotsToSize(remaining)));
      order.remainingLots = 0;
      status = 'canceled';
      const canceled = {
        orderId,
        symbol: r.symbol,
        canceledQuantity: grid.lotsToSize(remaining),
        time: this.now(),
      };
      this.emit({ kind: 'order_canceled', agentId: r.agentId, canceled, reason: 'ioc_remainder' });
    } else if (remaining > 0) {
      book.add(order);
      this.orders.set(orderId, order);
    }
    order.view = {
      ...order.view,
      filledQuantity: grid.lotsToSize(filledLots),
      remainingQuantity: grid.lotsToSize(status === 'open' ? remaining : 0),
      status,
    };
    this.emit({ kind: 'portfolio', agentId: r.agentId });
    this.emit({ kind: 'book', symbol: r.symbol });
    return { ok: true, value: { ...order.view } };
  }

  private settle(
    r: PlaceOrderRequest,
    taker: RestingOrder & { view: OrderView },
    maker: RestingOrder,
    lots: number,
    notional: (t: number, l: number) => bigint,
  ): void {
    const { grid, spec: s } = this.grids.get(r.symbol)!;
    const qty = scaled(grid.lotsToSize(lots));
    const cost = notional(maker.priceTicks, lots);
    const [buyer, seller] =
      r.side === 'buy' ? [taker.agentId, maker.agentId] : [maker.agentId, taker.agentId];
    // Quote: a resting bid paid from its lock; a limit buy taker from its lock (refund the
    // difference to its limit); a market buy taker from free.
    if (r.side === 'buy') {
      if (r.orderType === 'limit') {
        const lockedAtLimit = notional(taker.priceTicks, lots);
        this.ledger.transfer(buyer, seller, s.quote, cost, true);
        this.ledger.unlock(buyer, s.quote, lockedAtLimit - cost);
      } else this.ledger.transfer(buyer, seller, s.quote, cost, false);
    } else this.ledger.transfer(buyer, seller, s.quote, cost, true);
    this.ledger.transfer(seller, buyer, s.base, qty, true);
    taker.remainingLots -= lots;
    maker.remainingLots -= lots;
    const makerOrder = this.orders.get(maker.orderId)!;
    if (maker.remainingLots === 0) {
      this.bookBySymbol.get(r.symbol)!.remove(maker);
      this.orders.delete(maker.orderId);
    }
    const price = grid.ticksToPrice(maker.priceTicks);
    const tradeId = `t${this.nextTrade++}`;
    const time = this.now();
    const trade: TradeView = {
      tradeId,
      symbol: r.symbol,
      price,
      quantity: grid.lotsToSize(lots),
      aggressorSide: r.side,
      time,
    };
    this.trades.push(trade);
    if (this.trades.length > 1000) this.trades.shift();
    const fill = (o: RestingOrder & { view: OrderView }, liquidity: 'maker' | 'taker') => {
      this.emit({
        kind: 'order_filled',
        fill: {
          orderId: o.orderId,
          agentId: o.agentId,
          ...(o.view.clientOrderId === undefined ? {} : { clientOrderId: o.view.clientOrderId }),
          tradeId,
          symbol: r.symbol,
          side: o.side,
          price,
          quantity: grid.lotsToSize(lots),
          remainingQuantity: grid.lotsToSize(o.remainingLots),
          liquidity,
          fee: '0' as DecimalString,
          feeAsset: s.quote,
          time,
        },
      });
    };
    fill(makerOrder, 'maker');
    fill(taker, 'taker');
    this.emit({ kind: 'trade', trade });
    this.emit({ kind: 'portfolio', agentId: maker.agentId });
  }

  private doCancel(r: CancelOrderRequest): VenueResult<CanceledOrder> {
    const order = this.orders.get(r.orderId);
    if (!order || order.view.symbol !== r.symbol)
      return reject('UNKNOWN_ORDER', `no open order ${r.orderId}`);
    if (order.agentId !== r.agentId) return reject('NOT_YOUR_ORDER', `order ${r.orderId} is not yours`);
    const { grid, spec: s } = this.grids.get(r.symbol)!;
    const remaining = order.remainingLots;
    if (order.side === 'buy') {
      const amount = (scaled(grid.ticksToPrice(order.priceTicks)) * scaled(grid.lotsToSize(remaining))) / ONE;
      this.ledger.unlock(order.agentId, s.quote, amount);
    } else this.ledger.unlock(order.agentId, s.base, scaled(grid.lotsToSize(remaining)));
    this.bookBySymbol.get(r.symbol)!.remove(order);
    this.orders.delete(r.orderId);
    const canceled = {
      orderId: r.orderId,
      symbol: r.symbol,
      canceledQuantity: grid.lotsToSize(remaining),
      time: this.now(),
    };
    this.emit({ kind: 'order_canceled', agentId: order.agentId, canceled, reason: 'requested' });
    this.emit({ kind: 'portfolio', agentId: order.agentId });
    this.emit({ kind: 'book', symbol: r.symbol });
    return { ok: true, value: canceled };
  }

  /** Not modelled by the fake (the gateway never amends); the real venue runs the full suite. */
  amendOrder(_request: AmendOrderRequest) {
    return this.answer<OrderView>(() => reject('UNAVAILABLE', 'the fake venue does not amend orders'));
  }

  cancelAll(request: CancelAllRequest) {
    return this.answer<{ canceled: number }>(() => {
      if (!this.agentsById.has(request.agentId))
        return reject('UNKNOWN_AGENT', `no agent ${request.agentId}`);
      let canceled = 0;
      for (const order of [...this.orders.values()]) {
        if (order.agentId !== request.agentId) continue;
        if (request.symbol !== undefined && order.view.symbol !== request.symbol) continue;
        const done = this.doCancel({
          agentId: request.agentId,
          symbol: order.view.symbol,
          orderId: order.orderId,
        });
        if (done.ok) canceled++;
      }
      return { ok: true as const, value: { canceled } };
    });
  }

  openOrders(agentId: string): VenueResult<readonly OrderView[]> {
    if (!this.agentsById.has(agentId)) return reject('UNKNOWN_AGENT', `no agent ${agentId}`);
    return {
      ok: true,
      value: [...this.orders.values()].filter((o) => o.agentId === agentId).map((o) => o.view),
    };
  }

  recentFills(agentId: string, limit: number): VenueResult<readonly FillView[]> {
    if (!this.agentsById.has(agentId)) return reject('UNKNOWN_AGENT', `no agent ${agentId}`);
    const fills = this.fills.filter((f) => f.agentId === agentId);
    return { ok: true, value: fills.slice(Math.max(0, fills.length - limit)) };
  }

  onEvent(listener: (event: VenueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Test helper: publish a news item. */
  publishNews(headline: string, symbols: string[] = []): NewsItem {
    const item: NewsItem = { id: `n${this.news.length + 1}`, time: this.now(), headline, symbols };
    this.news.push(item);
    this.emit({ kind: 'news', item });
    return item;
  }

  // --- plumbing ---------------------------------------------------------------------------------

  private answer<T>(run: () => VenueResult<T>): VenueResult<T> | Promise<VenueResult<T>> {
    if (!this.options.asyncAcks) return run();
    const held: VenueEvent[] = [];
    this.pending = held;
    let result: VenueResult<T>;
    try {
      result = run();
    } finally {
      this.pending = null;
    }
    return new Promise((resolve) =>
      setImmediate(() => {
        resolve(result);
        queueMicrotask(() => held.forEach((e) => this.deliver(e)));
      }),
    );
  }

  private readonly fills: FillView[] = [];

  private emit(event: VenueEvent): void {
    if (event.kind === 'order_filled') {
      this.fills.push(event.fill);
      if (this.fills.length > 1000) this.fills.shift();
    }
    if (this.pending) this.pending.push(event);
    else this.deliver(event);
  }

  private deliver(event: VenueEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

export function reject<T>(code: VenueRejectCode, message: string): VenueResult<T> {
  return { ok: false, error: { code, message } };
}

function scaledOrNull(value: string): bigint | null {
  try {
    return scaled(value);
  } catch {
    return null;
  }
}

/**
 * The trigger layer: a VenuePort decorator that adds stop-market, stop-limit and bracket
 * (take-profit / stop-loss, OCO) orders to ANY venue — the simulated venue, paper venues on live
 * books — by holding them off the venue until their price is reached (core/triggers) and then
 * placing ordinary market or limit orders through the wrapped port.
 *
 * Rules:
 * - Prices come from the wrapped venue's `trade` events (last price) in event order; a trigger can
 *   watch the mid of the venue's best bid and ask instead (`priceSource: 'mark'`).
 * - Calls into the wrapped venue never happen inside its event dispatch: fired triggers are acted
 *   on right after it (a microtask), in the order they fired, one call at a time.
 * - Events of a call made here are held while the call runs synchronously, so the layer knows
 *   which order the call created before it interprets them (an asynchronous venue emits after its
 *   Promise resolves, which gives the same guarantee).
 * - A fired trigger's released order is shown under the trigger's id (views.ts). A release the
 *   venue refuses cancels the trigger (reason `venue`; the venue's message is logged).
 * - Pending triggers lock no funds; funds are checked when the order is released.
 */
import { isPaperVenueId } from '../../../src-shared/domain';
import type { Trigger } from '../../core/triggers';
import {
  type Awaitable,
  type CancelOrderRequest,
  type CanceledOrder,
  type OrderView,
  type PlaceOrderRequest,
  type RegisterAgentRequest,
  type VenueResult,
  andThen,
  type AmendOrderRequest,
  type CancelAllRequest,
  type VenuePort,
} from '../../gateway/venue-port';
import { checkBracket, checkStop } from './checks';
import { TriggerState, type TriggerVenueOptions } from './trigger-state';

export type { TriggerVenueOptions };

const err = <T>(
  code: 'UNKNOWN_SYMBOL' | 'UNKNOWN_ORDER' | 'NOT_YOUR_ORDER' | 'INVALID_PRICE' | 'DUPLICATE_CLIENT_ORDER_ID',
  message: string,
): VenueResult<T> => ({
  ok: false,
  error: { code, message },
});

export class TriggerVenue extends TriggerState implements VenuePort {
  readonly venueId: string;

  constructor(options: TriggerVenueOptions) {
    super(options);
    this.venueId = options.inner.venueId;
    this.paper = isPaperVenueId(this.venueId);
    this.restore(options.restored ?? []);
    options.inner.onEvent((event) => this.onInner(event));
  }

  get available(): boolean {
    return this.options.inner.available;
  }

  // --- pass-through --------------------------------------------------------------------------------
  instruments() {
    return this.options.inner.instruments();
  }
  registerAgent(request: RegisterAgentRequest) {
    return this.options.inner.registerAgent(request);
  }
  portfolio(agentId: string) {
    return this.options.inner.portfolio(agentId);
  }
  agents() {
    return this.options.inner.agents();
  }
  newsHistory(limit: number) {
    return this.options.inner.newsHistory(limit);
  }
  books(depth: number, symbols?: readonly string[]) {
    return this.options.inner.books(depth, symbols);
  }

  // --- orders -------------------------------------------------------------------------------------
  placeOrder(req: PlaceOrderRequest): Awaitable<VenueResult<OrderView>> {
    // A venue that is not running answers for itself (UNAVAILABLE and why).
    if (!this.options.inner.available) return this.options.inner.placeOrder(req);
    if (req.orderType === 'stop_market' || req.orderType === 'stop_limit') return this.placeStop(req);
    if (req.bracket !== undefined) return this.placeBracket(req);
    return this.options.inner.placeOrder(req);
  }

  cancelOrder(req: CancelOrderRequest): Awaitable<VenueResult<CanceledOrder>> {
    const trigger = this.book.get(req.orderId);
    if (trigger) {
      if (trigger.owner !== req.agentId) return err('NOT_YOUR_ORDER', `order ${req.orderId} is not yours`);
      if (trigger.symbol !== req.symbol)
        return err('UNKNOWN_ORDER', `no open order ${req.orderId} on ${req.symbol}`);
      const action = this.book.cancel(req.orderId)!;
      this.act(action);
      return { ok: true, value: this.canceledOf(trigger) };
    }
    const inner = this.innerIdOf(req.orderId);
    if (inner === null) return this.options.inner.cancelOrder(req);
    return andThen(this.options.inner.cancelOrder({ ...req, orderId: inner }), (r) =>
      r.ok ? { ok: true as const, value: { ...r.value, orderId: req.orderId } } : r,
    );
  }

  amendOrder(req: AmendOrderRequest): Awaitable<VenueResult<OrderView>> {
    if (this.book.get(req.orderId))
      return err('INVALID_PRICE', 'a pending trigger order cannot be amended: cancel it and place a new one');
    const inner = this.innerIdOf(req.orderId);
    if (inner === null) return this.options.inner.amendOrder(req);
    return andThen(this.options.inner.amendOrder({ ...req, orderId: inner }), (r) =>
      r.ok ? { ok: true as const, value: this.rewriteView(r.value) } : r,
    );
  }

  cancelAll(req: CancelAllRequest): Awaitable<VenueResult<{ canceled: number }>> {
    let canceled = 0;
    for (const trigger of this.book.all()) {
      if (trigger.owner !== req.agentId || (req.symbol !== undefined && trigger.symbol !== req.symbol))
        continue;
      const action = this.book.cancel(trigger.id);
      if (action) this.act(action);
      canceled += 1;
    }
    return andThen(this.options.inner.cancelAll(req), (r) =>
      r.ok ? { ok: true as const, value: { canceled: r.value.canceled + canceled } } : r,
    );
  }

  openOrders(agentId: string): Awaitable<VenueResult<readonly OrderView[]>> {
    return andThen(this.options.inner.openOrders(agentId), (r) => {
      if (!r.ok) return r;
      const pending = this.book
        .all()
        .filter((t) => t.owner === agentId)
        .map((t) => this.viewOf(t));
      return { ok: true as const, value: [...r.value.map((v) => this.rewriteView(v)), ...pending] };
    });
  }

  recentFills(agentId: string, limit: number) {
    return andThen(this.options.inner.recentFills(agentId, limit), (r) =>
      r.ok ? { ok: true as const, value: r.value.map((f) => this.rewriteFill(f)) } : r,
    );
  }

  /** Pending triggers (for tests and diagnostics). */
  pending(): Trigger[] {
    return this.book.all();
  }

  // --- placing triggers ---------------------------------------------------------------------------
  private placeStop(req: PlaceOrderRequest): Awaitable<VenueResult<OrderView>> {
    const market = this.market(req.symbol);
    if (!market) return err('UNKNOWN_SYMBOL', `no instrument ${req.symbol}`);
    const agent = this.options.inner.portfolio(req.agentId);
    if (!agent.ok) return agent;
    if (
      req.clientOrderId !== undefined &&
      this.book.all().some((t) => t.owner === req.agentId && t.clientOrderId === req.clientOrderId)
    )
      return err('DUPLICATE_CLIENT_ORDER_ID', `client order id "${req.clientOrderId}" is already open`);
    const checked = checkStop(market, this.book, req);
    if (!checked.ok) return checked;
    const { kind, triggerTicks, limitTicks, qty } = checked.value;
    const trigger = this.book.addStop({
      id: this.newId(),
      owner: req.agentId,
      symbol: req.symbol,
      kind,
      side: req.side,
      triggerTicks,
      ...(limitTicks === undefined ? {} : { limitTicks }),
      qty,
      source: this.options.priceSource ?? 'last',
      ...(req.clientOrderId === undefined ? {} : { clientOrderId: req.clientOrderId }),
      at: this.options.now(),
    });
    this.setTif(trigger.id, req.timeInForce);
    this.save(trigger);
    return this.afterDurable({ ok: true, value: this.viewOf(trigger) }, [trigger.id]);
  }

  /**
   * Answers once the triggers saved so far are durable (when the store can tell), then announces
   * the new triggers that nothing has announced yet, in their current state.
   */
  private afterDurable<T>(result: VenueResult<T>, ids: readonly string[]): Awaitable<VenueResult<T>> {
    const durable = this.options.store?.durable?.();
    if (!durable) {
      this.announce(ids);
      return result;
    }
    return durable.then(() => {
      queueMicrotask(() => this.announce(ids));
      return result;
    });
  }

  private announce(ids: readonly string[]): void {
    for (const id of ids) {
      const current = this.book.get(id);
      if (current && !this.announced.has(id)) this.act({ kind: 'resized', trigger: current });
    }
  }

  private placeBracket(req: PlaceOrderRequest): Awaitable<VenueResult<OrderView>> {
    const market = this.market(req.symbol);
    if (!market) return err('UNKNOWN_SYMBOL', `no instrument ${req.symbol}`);
    const checked = checkBracket(market, this.book, req);
    if (!checked.ok) return checked;
    const { bracket: _bracket, ...entry } = req;
    const { result, held } = this.hold(() => this.options.inner.placeOrder(entry));
    return andThen(result, (r) => {
      if (r.ok) {
        const { takeProfit, stopLoss } = checked.value;
        const legs = this.book.addBracket({
          entryId: r.value.orderId,
          owner: req.agentId,
          symbol: req.symbol,
          entrySide: req.side,
          ...(takeProfit === undefined ? {} : { takeProfit: { id: this.newId(), ticks: takeProfit } }),
          ...(stopLoss === undefined ? {} : { stopLoss: { id: this.newId(), ticks: stopLoss } }),
          source: this.options.priceSource ?? 'last',
          at: this.options.now(),
        });
        this.entries.set(r.value.orderId, { filled: 0 });
        for (const leg of legs) {
          this.setTif(leg.id, 'IOC');
          this.save(leg);
        }
        this.replay(held);
        return this.afterDurable(
          r,
          legs.map((l) => l.id),
        );
      }
      this.replay(held);
      return r;
    });
  }
}

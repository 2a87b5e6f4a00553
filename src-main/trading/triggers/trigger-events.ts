/**
 * The event side of the trigger layer: reading the wrapped venue's events (prices, entry fills and
 * cancels, released orders), carrying out the trigger book's actions in order outside the venue's
 * event dispatch, and presenting released orders under their trigger's id. TriggerVenue adds the
 * port's calls on top.
 */
import type { TimeInForce } from '../../../src-shared/domain';
import type { Logger } from '../../core/ports';
import type { Trigger, TriggerAction, TriggerBook } from '../../core/triggers';
import {
  type Awaitable,
  type CanceledOrder,
  type FillView,
  type OrderView,
  type PlaceOrderRequest,
  type TriggerInfo,
  type VenueEvent,
  andThen,
  type VenuePort,
} from '../../gateway/venue-port';
import type { Market } from './checks';
import {
  pendingView,
  releasedCancel,
  releasedFill,
  releasedView,
  triggerInfo,
  type TriggerMeta,
} from './views';

export abstract class TriggerEvents {
  protected paper = false;
  /** Entries of brackets still resting: inner order id -> lots filled so far. */
  protected readonly entries = new Map<string, { filled: number }>();
  /** Released orders: inner order id -> the trigger it came from. */
  protected readonly released = new Map<string, { triggerId: string; meta: TriggerMeta }>();
  protected readonly byTrigger = new Map<string, string>();
  /** Triggers whose order_placed was already emitted. */
  protected readonly announced = new Set<string>();
  private readonly listeners = new Set<(event: VenueEvent) => void>();
  private held: VenueEvent[] | null = null;
  private readonly queue: TriggerAction[] = [];
  private draining = false;

  constructor(
    protected readonly book: TriggerBook,
    protected readonly log: Logger,
  ) {}

  protected abstract market(symbol: string): Market | undefined;
  protected abstract inner(): VenuePort;
  protected abstract now(): number;
  protected abstract tifOf(id: string): TimeInForce;
  protected abstract save(trigger: Trigger, releasedAs?: string | null): void;

  onEvent(listener: (event: VenueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected emit(event: VenueEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Runs a call into the wrapped venue, holding the events it emits synchronously. */
  protected hold<T>(call: () => Awaitable<T>): { result: Awaitable<T>; held: VenueEvent[] } {
    const outer = this.held;
    const held: VenueEvent[] = [];
    this.held = held;
    try {
      return { result: call(), held };
    } finally {
      this.held = outer;
    }
  }

  protected replay(held: readonly VenueEvent[]): void {
    for (const event of held) this.onInner(event);
  }

  protected onInner(event: VenueEvent): void {
    if (this.held) {
      this.held.push(event);
      return;
    }
    switch (event.kind) {
      case 'order_placed':
        return this.emit({ kind: 'order_placed', order: this.rewriteView(event.order) });
      case 'order_filled': {
        this.emit({ kind: 'order_filled', fill: this.rewriteFill(event.fill) });
        const entry = this.entries.get(event.fill.orderId);
        const market = this.market(event.fill.symbol);
        if (!entry || !market) return;
        const lots = market.grid.sizeToLots(event.fill.quantity);
        entry.filled += lots.ok ? lots.value : 0;
        const actions = this.book.onEntryFilled(event.fill.orderId, entry.filled);
        if (/^0(\.0*)?$/.test(event.fill.remainingQuantity)) {
          this.entries.delete(event.fill.orderId);
          actions.push(...this.book.onEntryClosed(event.fill.orderId, entry.filled));
        }
        return this.enqueue(actions);
      }
      case 'order_canceled': {
        const released = this.released.get(event.canceled.orderId);
        this.emit(
          released ? { ...event, canceled: releasedCancel(event.canceled, released.triggerId) } : event,
        );
        const entry = this.entries.get(event.canceled.orderId);
        if (!entry) return;
        this.entries.delete(event.canceled.orderId);
        return this.enqueue(this.book.onEntryClosed(event.canceled.orderId, entry.filled));
      }
      case 'trade': {
        this.emit(event);
        const market = this.market(event.trade.symbol);
        const ticks = market?.grid.priceToTicks(event.trade.price);
        if (ticks?.ok) this.enqueue(this.book.onPrice(event.trade.symbol, ticks.value, 'last'));
        return;
      }
      case 'book': {
        this.emit(event);
        if (this.book.all().some((t) => t.source === 'mark' && t.symbol === event.symbol))
          this.markPrice(event.symbol);
        return;
      }
      default:
        return this.emit(event);
    }
  }

  /** The mid of the venue's best bid and ask, as a mark price. */
  private markPrice(symbol: string): void {
    const market = this.market(symbol);
    const [view] = this.inner().books(1, [symbol]);
    const bid = view?.bids[0] && market?.grid.priceToTicks(view.bids[0].px);
    const ask = view?.asks[0] && market?.grid.priceToTicks(view.asks[0].px);
    if (bid?.ok && ask?.ok)
      this.enqueue(this.book.onPrice(symbol, Math.floor((bid.value + ask.value) / 2), 'mark'));
  }

  protected enqueue(actions: readonly TriggerAction[]): void {
    if (actions.length === 0) return;
    this.queue.push(...actions);
    if (!this.draining) this.pump(false);
  }

  /**
   * Carries out queued actions in order. Actions that call the venue wait for a microtask when
   * the pump runs inside the venue's event dispatch (`outside` false), and for the venue's answer.
   */
  private pump(outside: boolean): void {
    this.draining = true;
    while (this.queue.length > 0) {
      const action = this.queue[0]!;
      const callsVenue = action.kind === 'release' || action.kind === 'cancel_entry';
      if (callsVenue && !outside) {
        queueMicrotask(() => this.pump(true));
        return;
      }
      this.queue.shift();
      if (!callsVenue) {
        this.present(action);
        continue;
      }
      const done = this.perform(action);
      if (done instanceof Promise) {
        void done.then(() => this.pump(true));
        return;
      }
    }
    this.draining = false;
  }

  private present(action: TriggerAction): void {
    if (action.kind === 'resized') {
      this.save(action.trigger);
      this.announced.add(action.trigger.id);
      const market = this.market(action.trigger.symbol)!;
      this.emit({
        kind: 'order_placed',
        order: pendingView(action.trigger, market.grid, this.tifOf(action.trigger.id), this.paper),
      });
    } else if (action.kind === 'canceled') {
      this.save(action.trigger);
      const reason = action.reason === 'requested' ? 'requested' : 'venue';
      this.emit({
        kind: 'order_canceled',
        agentId: action.trigger.owner,
        canceled: this.canceledOf(action.trigger),
        reason,
      });
    }
  }

  private perform(action: TriggerAction): Awaitable<void> {
    if (action.kind === 'cancel_entry') {
      const { result, held } = this.hold(() =>
        this.inner().cancelOrder({ agentId: action.owner, symbol: action.symbol, orderId: action.entryId }),
      );
      return andThen(result, () => this.replay(held));
    }
    if (action.kind !== 'release') return;
    const trigger = action.trigger;
    const grid = this.market(trigger.symbol)!.grid;
    const request: PlaceOrderRequest = {
      agentId: trigger.owner,
      symbol: trigger.symbol,
      side: trigger.side,
      orderType: trigger.limitTicks === null ? 'market' : 'limit',
      ...(trigger.limitTicks === null ? {} : { price: grid.ticksToPrice(trigger.limitTicks) }),
      quantity: grid.lotsToSize(trigger.qty),
      timeInForce: this.tifOf(trigger.id),
    };
    const { result, held } = this.hold(() => this.inner().placeOrder(request));
    return andThen(result, (r) => {
      if (r.ok) {
        const meta: TriggerMeta = {
          info: this.infoOf(trigger, 'triggered'),
          clientOrderId: trigger.clientOrderId,
        };
        this.released.set(r.value.orderId, { triggerId: trigger.id, meta });
        this.byTrigger.set(trigger.id, r.value.orderId);
        this.save(trigger, r.value.orderId);
      } else {
        this.log.warn('trigger release refused by the venue', {
          id: trigger.id,
          code: r.error.code,
          message: r.error.message,
        });
        const canceled = { ...trigger, state: 'canceled' as const };
        this.save(canceled);
        this.emit({
          kind: 'order_canceled',
          agentId: trigger.owner,
          canceled: this.canceledOf(trigger),
          reason: 'venue',
        });
      }
      this.replay(held);
    });
  }

  protected infoOf(trigger: Trigger, state?: TriggerInfo['state']): TriggerInfo {
    return triggerInfo(trigger, this.market(trigger.symbol)!.grid, state);
  }

  protected canceledOf(trigger: Trigger): CanceledOrder {
    const grid = this.market(trigger.symbol)!.grid;
    return {
      orderId: trigger.id,
      symbol: trigger.symbol,
      canceledQuantity: grid.lotsToSize(trigger.qty),
      time: this.now(),
    };
  }

  protected innerIdOf(triggerId: string): string | null {
    return this.byTrigger.get(triggerId) ?? null;
  }

  protected rewriteView(view: OrderView): OrderView {
    const released = this.released.get(view.orderId);
    return released ? releasedView(view, released.triggerId, released.meta) : view;
  }

  protected rewriteFill(fill: FillView): FillView {
    const released = this.released.get(fill.orderId);
    return released ? releasedFill(fill, released.triggerId, released.meta) : fill;
  }
}

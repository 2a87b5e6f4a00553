/**
 * A paper venue: VenuePort for `paper:<venue>` over the paper matching model (core/paper), fed
 * by the live venue's connector (its local book after every change, and its trade prints).
 *
 * Never confused with live: the venue id starts with `paper:`, every view says `paper: true`, and
 * nothing here can reach an exchange's order API (the product has none). A book that is not live
 * fills nothing and every order says why; there is no fallback to another price source.
 *
 * Durable: every change is written to the ledger (journal.ts) and rebuilt on restart (restore.ts);
 * answers and events follow the commit. Until its instruments are known (the live venue's metadata
 * and the ledger's record) the venue is unavailable and says so.
 */
import { err, type AppError } from '../../src-shared/result';
import type { Clock, Disposer, Logger } from '../core/ports';
import type { Grid } from '../core/num';
import type { PaperReject } from '../core/paper';
import type {
  Awaitable,
  BookView,
  CancelOrderRequest,
  CanceledOrder,
  InstrumentSpec,
  OrderView,
  PlaceOrderRequest,
  PortfolioView,
  RegisterAgentRequest,
  RegisteredAgent,
  VenueEvent,
  VenueReject,
  VenueResult,
  AmendOrderRequest,
  CancelAllRequest,
  VenuePort,
} from '../gateway/venue-port';
import type { VenueConnector } from '../venues/kit';
import { PaperBook } from './paper-book';

export interface PaperVenueDeps {
  readonly liveVenue: string;
  readonly connector: VenueConnector;
  readonly clock: Clock;
  readonly log: Logger;
}

export class PaperVenue extends PaperBook implements VenuePort {
  readonly venueId: string;
  private readonly listeners = new Set<(event: VenueEvent) => void>();
  private disposers: Disposer[] = [];

  constructor(private readonly deps: PaperVenueDeps) {
    super(`paper:${deps.liveVenue}`, deps.clock, deps.log);
    this.venueId = `paper:${deps.liveVenue}`;
  }

  get available(): boolean {
    return this.ready && this.failure === null;
  }

  instruments(): readonly InstrumentSpec[] {
    return [...this.markets.values()].map((m) => m.port);
  }

  registerAgent(request: RegisterAgentRequest): Awaitable<VenueResult<RegisteredAgent>> {
    const refused = this.refusal();
    if (refused) return refused;
    const existing = this.agentsByName.get(request.name);
    if (existing) return { ok: true, value: { agentId: existing.agentId, created: false } };
    const created = this.createAgent(request.name, request.startingCapital);
    if ('error' in created) return rejectWith('INVALID_AMOUNT', created.error);
    return this.answer({ ok: true, value: { agentId: created.agentId, created: true } });
  }

  placeOrder(request: PlaceOrderRequest): Awaitable<VenueResult<OrderView>> {
    const refused = this.refusal() ?? this.unknownAgent(request.agentId);
    if (refused) return refused;
    if (request.orderType !== 'limit' && request.orderType !== 'market')
      return rejectWith('INVALID_PRICE', 'stop orders are handled by the trigger layer, not the paper book');
    const market = this.markets.get(request.symbol);
    if (!market) return rejectWith('UNKNOWN_SYMBOL', `${this.venueId} does not trade ${request.symbol}`);
    const lots = market.grid.sizeToLots(request.quantity);
    if (!lots.ok)
      return rejectWith(
        lots.error === 'OFF_GRID' ? 'OFF_LOT' : 'INVALID_QUANTITY',
        `quantity ${request.quantity}`,
      );
    let price: number | undefined;
    if (request.price !== undefined) {
      const ticks = market.grid.priceToTicks(request.price);
      if (!ticks.ok)
        return rejectWith(
          ticks.error === 'OFF_GRID' ? 'OFF_TICK' : 'INVALID_PRICE',
          `price ${request.price}`,
        );
      price = ticks.value;
    }
    const placed = this.ex.place({
      account: this.accountOf(request.agentId),
      symbol: request.symbol,
      side: request.side,
      type: request.orderType,
      tif: request.timeInForce,
      ...(price === undefined ? {} : { price }),
      qty: lots.value,
      ...(request.clientOrderId === undefined ? {} : { clientOrderId: request.clientOrderId }),
      at: this.deps.clock.now(),
    });
    if (!placed.ok) return { ok: false, error: portReject(placed.error) };
    return this.answer({ ok: true, value: this.view(placed.value) });
  }

  cancelOrder(request: CancelOrderRequest): Awaitable<VenueResult<CanceledOrder>> {
    const refused = this.refusal() ?? this.unknownAgent(request.agentId);
    if (refused) return refused;
    const id = Number(request.orderId);
    const order = Number.isSafeInteger(id) ? this.ex.order(id) : null;
    if (!order || order.symbol !== request.symbol)
      return rejectWith('UNKNOWN_ORDER', `no open order ${request.orderId} on ${request.symbol}`);
    const canceled = this.ex.cancel(this.accountOf(request.agentId), id, this.deps.clock.now());
    if (!canceled.ok) return { ok: false, error: portReject(canceled.error) };
    const grid = this.gridOf(order.symbol);
    return this.answer({
      ok: true,
      value: {
        orderId: request.orderId,
        symbol: order.symbol,
        canceledQuantity: grid.lotsToSize(order.leaves),
        time: canceled.value.updatedAt,
      },
    });
  }

  amendOrder(request: AmendOrderRequest): Awaitable<VenueResult<OrderView>> {
    const refused = this.refusal() ?? this.unknownAgent(request.agentId);
    if (refused) return refused;
    const id = Number(request.orderId);
    const order = Number.isSafeInteger(id) ? this.ex.order(id) : null;
    if (!order || order.symbol !== request.symbol)
      return rejectWith('UNKNOWN_ORDER', `no open order ${request.orderId} on ${request.symbol}`);
    const grid = this.gridOf(order.symbol);
    const price = request.price === undefined ? undefined : grid.priceToTicks(request.price);
    const qty = request.quantity === undefined ? undefined : grid.sizeToLots(request.quantity);
    if (price && !price.ok)
      return rejectWith(price.error === 'OFF_GRID' ? 'OFF_TICK' : 'INVALID_PRICE', `price ${request.price}`);
    if (qty && !qty.ok)
      return rejectWith(
        qty.error === 'OFF_GRID' ? 'OFF_LOT' : 'INVALID_QUANTITY',
        `quantity ${request.quantity}`,
      );
    const amended = this.ex.amend({
      account: this.accountOf(request.agentId),
      orderId: id,
      ...(price ? { price: price.value } : {}),
      ...(qty ? { qty: qty.value } : {}),
      at: this.deps.clock.now(),
    });
    if (!amended.ok) return { ok: false, error: portReject(amended.error) };
    return this.answer({ ok: true, value: this.view(amended.value) });
  }

  cancelAll(request: CancelAllRequest): Awaitable<VenueResult<{ canceled: number }>> {
    const refused = this.refusal() ?? this.unknownAgent(request.agentId);
    if (refused) return refused;
    const canceled = this.ex.cancelAll(
      this.accountOf(request.agentId),
      request.symbol ?? null,
      this.deps.clock.now(),
    );
    return this.answer({ ok: true, value: { canceled } });
  }

  openOrders(agentId: string): VenueResult<readonly OrderView[]> {
    const refused = this.refusal() ?? this.unknownAgent(agentId);
    if (refused) return refused;
    return { ok: true, value: this.ex.openOrders(this.accountOf(agentId)).map((o) => this.view(o)) };
  }

  recentFills(agentId: string, limit: number) {
    const refused = this.refusal() ?? this.unknownAgent(agentId);
    if (refused) return refused;
    return { ok: true as const, value: this.fillsOf(agentId, limit) };
  }

  portfolio(agentId: string): VenueResult<PortfolioView> {
    const refused = this.refusal() ?? this.unknownAgent(agentId);
    if (refused) return refused;
    return { ok: true, value: this.portfolioOf(agentId) };
  }

  agents() {
    return [...this.agentsByName.values()].map((a) => {
      const view = this.portfolioOf(a.agentId);
      return {
        agentId: a.agentId,
        name: a.name,
        kind: 'external' as const,
        equity: view.equity,
        pnl: view.pnl,
      };
    });
  }

  newsHistory() {
    return [];
  }

  /** The live venue's book (what paper orders trade against); empty while it is not live. */
  books(depth: number, symbols?: readonly string[]): readonly BookView[] {
    return [...this.markets.keys()]
      .filter((s) => !symbols || symbols.includes(s))
      .map((symbol) => {
        const reader = this.deps.connector.book(symbol);
        const grid = this.gridOf(symbol);
        const side = (levels: ReadonlyArray<{ ticks: number; lots: number; count: number | undefined }>) =>
          levels.map((l) => ({
            px: grid.ticksToPrice(l.ticks),
            sz: grid.lotsToSize(l.lots),
            n: l.count ?? 0,
          }));
        return {
          symbol,
          time: reader?.updatedAt ?? this.deps.clock.now(),
          bids: reader ? side(reader.bids.top(depth)) : [],
          asks: reader ? side(reader.asks.top(depth)) : [],
        };
      });
  }

  onEvent(listener: (event: VenueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts following the live venue's books and prints for every paper instrument. */
  follow(): void {
    const { connector } = this.deps;
    this.disposers.push(connector.onBookChange((symbol) => this.onBookChange(symbol)));
    this.disposers.push(connector.onTrades((trades) => this.onTrades(trades)));
    for (const symbol of this.markets.keys()) {
      void connector.watch(symbol);
      this.onBookChange(symbol);
    }
  }

  stop(): void {
    for (const dispose of this.disposers.splice(0)) dispose();
  }

  // --- plumbing ---------------------------------------------------------------------------------

  protected deliver(event: VenueEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  protected connector(): VenueConnector {
    return this.deps.connector;
  }

  private answer<T>(result: VenueResult<T>): Awaitable<VenueResult<T>> {
    let answer: Promise<VenueResult<T>> | null = null;
    this.flush((ticket) => {
      answer = this.committed(ticket).then((failure) => {
        if (!failure) return result;
        this.fail(failure);
        return err(unavailable(failure));
      });
    });
    return answer ?? result;
  }

  private refusal(): VenueResult<never> | null {
    if (this.failure) return err(unavailable(this.failure));
    if (!this.ready) return rejectWith('UNAVAILABLE', this.waiting);
    return null;
  }

  private unknownAgent(agentId: string): VenueResult<never> | null {
    return this.agentsById.has(agentId) ? null : rejectWith('UNKNOWN_AGENT', `no paper account ${agentId}`);
  }

  protected gridOf(symbol: string): Grid {
    return this.markets.get(symbol)!.grid;
  }
}

function unavailable(failure: AppError): VenueReject {
  return { code: 'UNAVAILABLE', message: `paper venue stopped: ${failure.message}` };
}

function rejectWith(code: VenueReject['code'], message: string): VenueResult<never> {
  return { ok: false, error: { code, message } };
}

/** The paper model's rejections in the port's codes; a book that is not live is UNAVAILABLE. */
export function portReject(reject: PaperReject): VenueReject {
  switch (reject.code) {
    case 'UNKNOWN_ACCOUNT':
      return { code: 'UNKNOWN_AGENT', message: reject.message };
    case 'BOOK_NOT_LIVE':
      return { code: 'UNAVAILABLE', message: `${reject.message} (${reject.reason ?? 'book_unavailable'})` };
    default:
      return {
        code: reject.code,
        message: reject.reason ? `${reject.message} (${reject.reason})` : reject.message,
      };
  }
}

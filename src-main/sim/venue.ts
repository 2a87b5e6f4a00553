/**
 * The simulated venue behind the VenuePort: validation, ownership and answers in the port's
 * vocabulary over the command pipeline. This class answers synchronously and emits each event
 * with the journal ticket of the command that caused it; built-in agents trade through it
 * directly (in process, so a session replays deterministically), while bots and the user go through
 * `DurableVenuePort`, which answers only once the ticket is committed.
 *
 * Refusals before anything is executed: the venue must be running and its journal healthy; new
 * risk (register, place, amend) is also refused while the journal is applying backpressure, with a
 * retryable UNAVAILABLE. Cancels stay allowed under backpressure (they reduce what is at stake).
 */
import type { Clock } from '../core/ports';
import type { EngineCommand, InstrumentInfo, OrderAck } from '../core/engine';
import { toUnits } from '../core/portfolio';
import type {
  AgentSummary,
  AmendOrderRequest,
  BookView,
  CanceledOrder,
  CancelAllRequest,
  CancelOrderRequest,
  FillView,
  InstrumentSpec,
  NewsItem,
  OrderView,
  PlaceOrderRequest,
  PortfolioView,
  RegisteredAgent,
  RegisterAgentRequest,
  VenueEvent,
  VenuePort,
  VenueReject,
  VenueResult,
} from '../gateway/venue-port';
import { accountLabel, type AccountBook, type AccountKind, type SimAccount } from './accounts';
import type { MarketModel, SimNews } from './market-model';
import type { OrderRegistry } from './orders';
import type { CommandPipeline } from './pipeline';
import { SIM_VENUE, type DecimalSource } from './processor';
import { accepted, fromEngine, rejected, toLots, toTicks } from './rejections';
import { bookView, orderView, portfolioView } from './views';

export interface SimVenueDeps {
  readonly decimals: DecimalSource;
  readonly pipeline: CommandPipeline;
  readonly accounts: AccountBook;
  readonly orders: OrderRegistry;
  readonly model: MarketModel;
  readonly clock: Clock;
  readonly quote: { readonly asset: string; readonly decimals: number };
  readonly specs: readonly InstrumentSpec[];
}

export type VenueStatus = 'starting' | 'running' | 'halted';
export type TicketedListener = (event: VenueEvent, ticket: number) => void;

const RESERVED_NAMES = new Set(['you']);

export class SimVenue implements VenuePort {
  readonly venueId = SIM_VENUE;
  private status: VenueStatus = 'starting';
  private reason: string | null = 'the simulated venue is starting (rebuilding from its journal)';
  private readonly listeners = new Set<TicketedListener>();
  private readonly bookTimes = new Map<string, number>();
  private readonly infos = new Map<string, InstrumentInfo>();

  constructor(private readonly deps: SimVenueDeps) {
    for (const spec of deps.specs) this.infos.set(spec.symbol, deps.decimals.instrument(spec.symbol));
    deps.pipeline.onOutput((outputs, ticket) => {
      const now = this.deps.clock.now();
      for (const symbol of outputs.books) this.bookTimes.set(symbol, now);
      for (const event of outputs.events ?? []) this.emit(event, ticket);
    });
  }

  get available(): boolean {
    return this.status === 'running' && this.deps.pipeline.journal.failure === null;
  }

  get state(): { status: VenueStatus; reason: string | null } {
    const failure = this.deps.pipeline.journal.failure;
    if (failure !== null) return { status: 'halted', reason: `storage failed: ${failure}` };
    return { status: this.status, reason: this.reason };
  }

  setStatus(status: VenueStatus, reason: string | null = null): void {
    this.status = status;
    this.reason = reason;
  }

  instruments(): readonly InstrumentSpec[] {
    return this.deps.specs;
  }

  // --- commands ---------------------------------------------------------------------------------

  registerAgent(request: RegisterAgentRequest): VenueResult<RegisteredAgent> {
    const { accounts } = this.deps;
    const existing = accounts.named(request.name);
    if (RESERVED_NAMES.has(request.name) || (existing && existing.kind !== 'external')) {
      return rejected('AGENT_NAME_TAKEN', `"${request.name}" is the name of one of the venue's own accounts`);
    }
    if (existing) return accepted({ agentId: existing.agentId, created: false });
    const refusal = this.refusal('open');
    if (refusal) return { ok: false, error: refusal };
    const units = toUnits(String(request.startingCapital), this.deps.quote.decimals);
    const supply = this.deps.pipeline.engine.supply(this.deps.quote.asset);
    if (units === null || units <= 0 || units > Number.MAX_SAFE_INTEGER - supply) {
      return rejected(
        'INVALID_AMOUNT',
        `starting capital must be a positive amount of ${this.deps.quote.asset}`,
      );
    }
    const account = this.openAccount('external', request.name, [
      [this.deps.quote.asset, request.startingCapital],
    ]);
    if (!account.ok) return account;
    return accepted({ agentId: account.value.agentId, created: true });
  }

  /** The venue's own accounts (the user, built-in agents): registered and funded once. */
  ensureAccount(kind: AccountKind, name: string, deposits: ReadonlyArray<readonly [string, string]>) {
    const existing = this.deps.accounts.named(name);
    if (existing) return accepted(existing);
    return this.openAccount(kind, name, deposits);
  }

  private openAccount(
    kind: AccountKind,
    name: string,
    deposits: ReadonlyArray<readonly [string, string]>,
  ): VenueResult<SimAccount> {
    const ts = this.deps.clock.now();
    const registered = this.run<number>({ kind: 'register_account', label: accountLabel(kind, name), ts });
    if (!registered.ok) return { ok: false, error: fromEngine(registered.error) };
    for (const [asset, amount] of deposits) {
      if (!/[1-9]/.test(amount)) continue;
      const done = this.run({
        kind: 'deposit',
        account: registered.value,
        asset,
        amount,
        ts,
      } as EngineCommand);
      if (!done.ok) throw new Error(`deposit of ${amount} ${asset} to ${name} refused: ${done.error}`);
    }
    return accepted(this.deps.accounts.get(registered.value)!);
  }

  placeOrder(r: PlaceOrderRequest): VenueResult<OrderView> {
    const owner = this.deps.accounts.byAgentId(r.agentId);
    if (!owner) return rejected('UNKNOWN_AGENT', `no agent ${r.agentId}`);
    const info = this.infos.get(r.symbol);
    if (!info) return rejected('UNKNOWN_SYMBOL', `no instrument ${r.symbol}`);
    const refusal = this.refusal('open');
    if (refusal) return { ok: false, error: refusal };
    const lots = toLots(info.grid, String(r.quantity));
    if (!lots.ok) return lots;
    let price: number | undefined;
    if (r.orderType === 'market') {
      if (r.price !== undefined || (r.timeInForce !== 'IOC' && r.timeInForce !== 'FOK')) {
        return rejected('INVALID_PRICE', 'market orders carry no price and are IOC or FOK');
      }
      const engine = this.deps.pipeline.engine;
      const other = r.side === 'buy' ? engine.bestAsk(r.symbol) : engine.bestBid(r.symbol);
      if (other === null)
        return rejected('NO_LIQUIDITY', `the ${r.symbol} book has no ${r.side === 'buy' ? 'asks' : 'bids'}`);
    } else {
      if (r.price === undefined) return rejected('INVALID_PRICE', 'limit orders need a price');
      const ticks = toTicks(info.grid, String(r.price));
      if (!ticks.ok) return ticks;
      price = ticks.value;
    }
    const executed = this.deps.pipeline.execute<OrderAck>({
      kind: 'place',
      account: owner.account,
      instrument: r.symbol,
      side: r.side,
      type: r.orderType,
      tif: r.timeInForce,
      ...(price === undefined ? {} : { price }),
      qty: lots.value,
      ...(r.clientOrderId === undefined ? {} : { clientOrderId: r.clientOrderId }),
      ts: this.deps.clock.now(),
    });
    if (!executed.result.ok) {
      const minSize = info.grid.lotsToSize(info.minQty);
      return {
        ok: false,
        error: fromEngine(executed.result.error, { side: r.side, symbol: r.symbol, minSize }),
      };
    }
    const orderId = executed.result.value.orderId;
    const order = executed.orders.find((o) => o.orderId === orderId)!;
    return accepted(orderView(order, owner.agentId, info.grid));
  }

  amendOrder(r: AmendOrderRequest): VenueResult<OrderView> {
    const owner = this.deps.accounts.byAgentId(r.agentId);
    if (!owner) return rejected('UNKNOWN_AGENT', `no agent ${r.agentId}`);
    const found = this.ownOrder(owner, r.symbol, r.orderId);
    if (!found.ok) return found;
    const refusal = this.refusal('open');
    if (refusal) return { ok: false, error: refusal };
    const order = found.value;
    const grid = this.infos.get(order.symbol)!.grid;
    if (r.price === undefined && r.quantity === undefined) {
      return rejected('INVALID_QUANTITY', 'an amend needs a new price, a new quantity or both');
    }
    const price = r.price === undefined ? undefined : toTicks(grid, String(r.price));
    if (price && !price.ok) return price;
    const qty = r.quantity === undefined ? undefined : toLots(grid, String(r.quantity));
    if (qty && !qty.ok) return qty;
    const executed = this.deps.pipeline.execute({
      kind: 'amend',
      account: owner.account,
      orderId: order.orderId,
      ...(price ? { price: price.value } : {}),
      ...(qty ? { qty: qty.value } : {}),
      ts: this.deps.clock.now(),
    });
    if (!executed.result.ok) {
      return {
        ok: false,
        error: fromEngine(executed.result.error, { side: order.side, orderId: r.orderId }),
      };
    }
    return accepted(orderView(order, owner.agentId, grid));
  }

  cancelOrder(r: CancelOrderRequest): VenueResult<CanceledOrder> {
    const owner = this.deps.accounts.byAgentId(r.agentId);
    if (!owner) return rejected('UNKNOWN_AGENT', `no agent ${r.agentId}`);
    const found = this.ownOrder(owner, r.symbol, r.orderId);
    if (!found.ok) return found;
    const refusal = this.refusal('close');
    if (refusal) return { ok: false, error: refusal };
    const order = found.value;
    const ts = this.deps.clock.now();
    const executed = this.deps.pipeline.execute<{ canceledQty: number }>({
      kind: 'cancel',
      account: owner.account,
      orderId: order.orderId,
      ts,
    });
    if (!executed.result.ok)
      return { ok: false, error: fromEngine(executed.result.error, { orderId: r.orderId }) };
    const grid = this.infos.get(order.symbol)!.grid;
    return accepted({
      orderId: r.orderId,
      symbol: order.symbol,
      canceledQuantity: grid.lotsToSize(executed.result.value.canceledQty),
      time: ts,
    });
  }

  cancelAll(r: CancelAllRequest): VenueResult<{ readonly canceled: number }> {
    const owner = this.deps.accounts.byAgentId(r.agentId);
    if (!owner) return rejected('UNKNOWN_AGENT', `no agent ${r.agentId}`);
    if (r.symbol !== undefined && !this.infos.has(r.symbol))
      return rejected('UNKNOWN_SYMBOL', `no instrument ${r.symbol}`);
    const open = this.deps.orders
      .openOf(owner.account)
      .filter((o) => r.symbol === undefined || o.symbol === r.symbol);
    if (open.length === 0) return accepted({ canceled: 0 });
    const refusal = this.refusal('close');
    if (refusal) return { ok: false, error: refusal };
    const executed = this.deps.pipeline.execute<number>({
      kind: 'cancel_all',
      account: owner.account,
      ...(r.symbol === undefined ? {} : { instrument: r.symbol }),
      ts: this.deps.clock.now(),
    });
    if (!executed.result.ok) return { ok: false, error: fromEngine(executed.result.error) };
    return accepted({ canceled: executed.result.value });
  }

  // --- reads ------------------------------------------------------------------------------------

  openOrders(agentId: string): VenueResult<readonly OrderView[]> {
    const owner = this.deps.accounts.byAgentId(agentId);
    if (!owner) return rejected('UNKNOWN_AGENT', `no agent ${agentId}`);
    const open = this.deps.orders.openOf(owner.account).sort((a, b) => a.orderId - b.orderId);
    return accepted(open.map((o) => orderView(o, agentId, this.infos.get(o.symbol)!.grid)));
  }

  recentFills(agentId: string, limit: number): VenueResult<readonly FillView[]> {
    const owner = this.deps.accounts.byAgentId(agentId);
    if (!owner) return rejected('UNKNOWN_AGENT', `no agent ${agentId}`);
    return accepted(this.deps.orders.recentFills(owner.account, Math.max(0, Math.floor(limit))));
  }

  portfolio(agentId: string): VenueResult<PortfolioView> {
    const owner = this.deps.accounts.byAgentId(agentId);
    if (!owner) return rejected('UNKNOWN_AGENT', `no agent ${agentId}`);
    return accepted(portfolioView(this.portfolioContext(), owner));
  }

  agents(): readonly AgentSummary[] {
    const ctx = this.portfolioContext();
    return this.deps.accounts
      .all()
      .filter((a) => a.kind !== 'user')
      .map((a) => {
        const p = portfolioView(ctx, a);
        return {
          agentId: a.agentId,
          name: a.name,
          kind: a.kind === 'builtin' ? 'builtin' : 'external',
          equity: p.equity,
          pnl: p.pnl,
        };
      });
  }

  newsHistory(limit: number): readonly NewsItem[] {
    return this.deps.model.recentNews(limit).map(newsItem);
  }

  books(depth: number, symbols?: readonly string[]): readonly BookView[] {
    const engine = this.deps.pipeline.engine;
    return (symbols ?? [...this.infos.keys()])
      .filter((s) => this.infos.has(s))
      .map((s) => bookView(engine, this.infos.get(s)!.grid, s, depth, this.bookTimes.get(s) ?? 0));
  }

  onEvent(listener: TicketedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // --- venue internals --------------------------------------------------------------------------

  /** Every account's agent id, the user's included. */
  accountIds(): string[] {
    return this.deps.accounts.all().map((a) => a.agentId);
  }

  /** Marks in ticks: mid when both sides rest, else the last trade, else the model's fair value. */
  marks(): Map<string, number> {
    const engine = this.deps.pipeline.engine;
    const marks = new Map<string, number>();
    for (const symbol of this.infos.keys()) {
      const bid = engine.bestBid(symbol);
      const ask = engine.bestAsk(symbol);
      const mark =
        bid !== null && ask !== null
          ? Math.floor((bid + ask) / 2)
          : (this.deps.orders.lastPrice(symbol) ??
            Math.max(1, Math.round(this.deps.model.fairTicks(symbol))));
      marks.set(symbol, mark);
    }
    return marks;
  }

  portfolioContext() {
    return {
      engine: this.deps.pipeline.engine,
      quote: this.deps.quote.asset,
      quoteDecimals: this.deps.quote.decimals,
      marks: this.marks(),
      time: this.deps.clock.now(),
    };
  }

  /** Journals a news item and tells every listener. */
  publishNews(item: SimNews, sentiment: string): void {
    const ticket = this.deps.pipeline.append('sim.news', item.time, item, [
      {
        op: 'news',
        venue: SIM_VENUE,
        ts: item.time,
        symbol: item.symbols[0] ?? '',
        headline: item.headline,
        sentiment,
      },
    ]);
    this.emit({ kind: 'news', item: newsItem(item) }, ticket);
  }

  /** Why a command must be refused now, or null. `open` = new risk; `close` = cancels. */
  refusal(kind: 'open' | 'close'): VenueReject | null {
    const journal = this.deps.pipeline.journal;
    if (journal.failure !== null) {
      return {
        code: 'UNAVAILABLE',
        message: `storage failed (${journal.failure}); the simulated venue stopped accepting orders`,
      };
    }
    if (this.status !== 'running')
      return { code: 'UNAVAILABLE', message: this.reason ?? 'the simulated venue is not running' };
    if (kind === 'open' && !journal.accepting) {
      return { code: 'UNAVAILABLE', message: 'storage is catching up with the order flow; retry shortly' };
    }
    return null;
  }

  private ownOrder(owner: SimAccount, symbol: string, orderId: string) {
    const id = /^[1-9][0-9]{0,15}$/.test(orderId) ? Number(orderId) : 0;
    const order = id ? this.deps.orders.get(id) : undefined;
    if (!order || order.status !== 'open' || order.symbol !== symbol) {
      return rejected<never>(
        'UNKNOWN_ORDER',
        `order ${orderId} is not open on ${symbol} (unknown, filled or canceled)`,
      );
    }
    if (order.account !== owner.account)
      return rejected<never>('NOT_YOUR_ORDER', `order ${orderId} belongs to another agent`);
    return accepted(order);
  }

  private run<T>(cmd: EngineCommand) {
    return this.deps.pipeline.execute<T>(cmd).result;
  }

  private emit(event: VenueEvent, ticket: number): void {
    for (const listener of this.listeners) listener(event, ticket);
  }
}

function newsItem(n: SimNews): NewsItem {
  return { id: n.id, time: n.time, headline: n.headline, body: n.body, symbols: n.symbols };
}

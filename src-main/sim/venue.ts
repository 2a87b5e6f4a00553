/**
 * The simulated venue behind the VenuePort: its commands (order-desk.ts), reads (orders, fills,
 * portfolios, agents, books, news) and events over the command pipeline. It answers synchronously
 * and emits each event
 * with the journal ticket of the command that caused it; built-in agents trade through it
 * directly (in process, so a session replays deterministically), while bots and the user go through
 * `DurableVenuePort`, which answers only once the ticket is committed.
 *
 * Refusals before anything is executed: the venue must be running and its journal healthy; new
 * risk (register, place, amend) is also refused while the journal is applying backpressure, with a
 * retryable UNAVAILABLE. Cancels stay allowed under backpressure (they reduce what is at stake).
 */
import type { Clock } from '../core/ports';
import type { InstrumentInfo } from '../core/engine';
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
import type { AccountBook, AccountKind } from './accounts';
import type { MarketModel, SimNews } from './market-model';
import type { OrderRegistry } from './orders';
import type { CommandPipeline } from './pipeline';
import { SIM_VENUE, type DecimalSource } from './processor';
import { OrderDesk } from './order-desk';
import { accepted, rejected } from './rejections';
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

export class SimVenue implements VenuePort {
  readonly venueId = SIM_VENUE;
  private status: VenueStatus = 'starting';
  private reason: string | null = 'the simulated venue is starting (rebuilding from its journal)';
  private readonly listeners = new Set<TicketedListener>();
  private readonly bookTimes = new Map<string, number>();
  private readonly infos = new Map<string, InstrumentInfo>();
  private readonly desk: OrderDesk;

  constructor(private readonly deps: SimVenueDeps) {
    for (const spec of deps.specs) this.infos.set(spec.symbol, deps.decimals.instrument(spec.symbol));
    this.desk = new OrderDesk({ ...deps, infos: this.infos, refusal: (kind) => this.refusal(kind) });
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
  // --- commands (see order-desk.ts) --------------------------------------------------------------

  registerAgent(request: RegisterAgentRequest): VenueResult<RegisteredAgent> {
    return this.desk.registerAgent(request);
  }

  /** The venue's own accounts (the user, built-in agents): registered and funded once. */
  ensureAccount(kind: AccountKind, name: string, deposits: ReadonlyArray<readonly [string, string]>) {
    return this.desk.ensureAccount(kind, name, deposits);
  }

  placeOrder(request: PlaceOrderRequest): VenueResult<OrderView> {
    return this.desk.placeOrder(request);
  }

  amendOrder(request: AmendOrderRequest): VenueResult<OrderView> {
    return this.desk.amendOrder(request);
  }

  cancelOrder(request: CancelOrderRequest): VenueResult<CanceledOrder> {
    return this.desk.cancelOrder(request);
  }

  cancelAll(request: CancelAllRequest): VenueResult<{ readonly canceled: number }> {
    return this.desk.cancelAll(request);
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

  /** Every account: agent id, name and kind (user, builtin, external). */
  accountsView(): Array<{ agentId: string; name: string; kind: AccountKind }> {
    return this.deps.accounts.all().map((a) => ({ agentId: a.agentId, name: a.name, kind: a.kind }));
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

  private emit(event: VenueEvent, ticket: number): void {
    for (const listener of this.listeners) listener(event, ticket);
  }
}

function newsItem(n: SimNews): NewsItem {
  return { id: n.id, time: n.time, headline: n.headline, body: n.body, symbols: n.symbols };
}

/**
 * Fan-out of venue events to connected bots. Public events (trades, news) are serialized once and
 * sent to every authenticated connection; private ones (order_*, portfolio) only to the owning
 * agent's connection. `book`, `agents` and `portfolio` events only mark something dirty: books and
 * the agents list are pushed on their timers, portfolios once the current burst is done: with a
 * `defer` (the socket server passes process.nextTick) after every request that arrived in the same
 * read, else right after the command; changes from elsewhere on the next tick. So a burst of
 * orders or fills costs one portfolio_update per agent, sent after the burst's responses.
 *
 * Ordering: events the venue emits synchronously inside a command are captured and dispatched
 * after the command's response has been sent, so a bot always sees `order_response` before the
 * `order_filled` of the same order.
 */
import type { Disposer, Logger, Timers } from '../core/ports';
import type { AgentRegistry, AgentConnection } from './agents';
import type { GatewayLimits } from './limits';
import { orderCanceledText, orderFilledText, orderPlacedText, tradeText } from './protocol/encode-hot';
import {
  agentsSnapshot,
  newsHistory,
  newsMessage,
  orderbooksMessage,
  portfolioUpdate,
} from './protocol/outbound';
import type { InstrumentIndex } from './instrument-index';
import { instrumentsMessage } from './protocol/outbound';
import type { VenueEvent, VenuePort } from './venue-port';

/** A connection as the hub sees it. */
export interface HubMember extends AgentConnection {
  /** Send a message that must not be lost (dropping the connection if it cannot keep up). */
  sendText(text: string): void;
  /** Send a book update that a newer one may replace while the peer is congested. */
  sendBooks(text: string): void;
  /** Called periodically: flush conflated updates once the peer has drained. */
  pump(): void;
}

export class Hub {
  private readonly members = new Set<HubMember>();
  private readonly dirtyBooks = new Set<string>();
  private readonly dirtyPortfolios = new Set<string>();
  private agentsDirty = false;
  private portfolioFlushScheduled: Disposer | null = null;
  private portfolioFlushDeferred = false;
  private capture: VenueEvent[] | null = null;
  private readonly stops: Disposer[] = [];

  constructor(
    private readonly venue: VenuePort,
    private readonly instruments: InstrumentIndex,
    private readonly agents: AgentRegistry<HubMember>,
    private readonly timers: Timers,
    private readonly limits: GatewayLimits,
    private readonly log: Logger,
    /** Runs a function once the current burst of requests is handled; absent: flush at once. */
    private readonly defer?: (fn: () => void) => void,
  ) {
    this.stops.push(venue.onEvent((event) => this.onVenueEvent(event)));
    this.stops.push(agents.onChange(() => (this.agentsDirty = true)));
    this.stops.push(timers.every(limits.bookIntervalMs, () => this.flushBooks()));
    this.stops.push(timers.every(limits.agentsIntervalMs, () => this.flushAgents()));
    this.stops.push(timers.every(50, () => this.pumpAll()));
  }

  add(member: HubMember): void {
    this.members.add(member);
  }

  remove(member: HubMember): void {
    this.members.delete(member);
  }

  get size(): number {
    return this.members.size;
  }

  /**
   * Run a venue call with its synchronously emitted events held back; `after` sends the response
   * and then the held events are dispatched. (The hot paths use the same three steps below
   * directly, without closures: see AgentCommands.)
   */
  command<T>(call: () => T, after: (result: T) => void): void {
    const outer = this.holdEvents();
    let held: VenueEvent[];
    let result: T;
    try {
      result = call();
    } finally {
      held = this.stopHolding(outer);
    }
    try {
      after(result);
    } finally {
      this.dispatchHeld(held);
    }
  }

  /** Start holding the venue's events back (a command runs); pass the result to `stopHolding`. */
  holdEvents(): VenueEvent[] | null {
    const outer = this.capture;
    this.capture = [];
    return outer;
  }

  /** The venue call returned: stop holding; returns what was held, for `dispatchHeld`. */
  stopHolding(outer: VenueEvent[] | null): VenueEvent[] {
    const held = this.capture ?? [];
    this.capture = outer;
    return held;
  }

  /** The response is sent: deliver the held events, then (once the burst is done) portfolios. */
  dispatchHeld(held: readonly VenueEvent[]): void {
    for (let i = 0; i < held.length; i++) this.route(held[i]!);
    if (this.defer) this.deferPortfolioFlush(this.defer);
    else this.flushPortfolios();
  }

  // --- snapshots sent on connect -------------------------------------------------------------

  instrumentsText(): string {
    return JSON.stringify(instrumentsMessage(this.venue.venueId, this.instruments.specs()));
  }

  booksText(symbols?: readonly string[]): string {
    const books = this.venue.books(this.limits.bookDepth, symbols);
    return JSON.stringify(orderbooksMessage(this.venue.venueId, books));
  }

  newsHistoryText(): string {
    return JSON.stringify(newsHistory(this.venue.newsHistory(this.limits.newsHistory)));
  }

  agentsText(): string {
    return JSON.stringify(agentsSnapshot(this.venue.agents(), (id) => this.agents.isConnected(id)));
  }

  // --- routing ---------------------------------------------------------------------------------

  private onVenueEvent(event: VenueEvent): void {
    if (this.capture) this.capture.push(event);
    else {
      this.route(event);
      if (this.dirtyPortfolios.size > 0) this.schedulePortfolioFlush();
    }
  }

  private route(event: VenueEvent): void {
    try {
      let member: HubMember | undefined;
      switch (event.kind) {
        case 'order_placed':
          member = this.memberOf(event.order.agentId);
          return member?.sendText(orderPlacedText(event.order));
        case 'order_filled':
          this.dirtyPortfolios.add(event.fill.agentId);
          member = this.memberOf(event.fill.agentId);
          return member?.sendText(orderFilledText(event.fill));
        case 'order_canceled':
          member = this.memberOf(event.agentId);
          return member?.sendText(orderCanceledText(event.canceled, event.reason));
        case 'trade':
          this.agentsDirty = true;
          return this.broadcast(tradeText(this.venue.venueId, event.trade));
        case 'news':
          return this.broadcast(JSON.stringify(newsMessage(event.item)));
        case 'portfolio':
          this.dirtyPortfolios.add(event.agentId);
          return;
        case 'book':
          this.dirtyBooks.add(event.symbol);
          return;
        case 'agents':
          this.agentsDirty = true;
          return;
      }
    } catch (cause) {
      this.log.error('venue event could not be delivered', { kind: event.kind, cause: String(cause) });
    }
  }

  /** The connection of an agent that is connected here (private events go only there). */
  private memberOf(agentId: string): HubMember | undefined {
    const member = this.agents.connectionOf(agentId);
    return member && this.members.has(member) ? member : undefined;
  }

  private broadcast(text: string): void {
    for (const member of this.members) member.sendText(text);
  }

  private deferPortfolioFlush(defer: (fn: () => void) => void): void {
    if (this.portfolioFlushDeferred || this.dirtyPortfolios.size === 0) return;
    this.portfolioFlushDeferred = true;
    defer(() => {
      this.portfolioFlushDeferred = false;
      this.flushPortfolios();
    });
  }

  private schedulePortfolioFlush(): void {
    if (this.defer) return this.deferPortfolioFlush(this.defer);
    if (this.portfolioFlushScheduled) return;
    this.portfolioFlushScheduled = this.timers.after(0, () => {
      this.portfolioFlushScheduled = null;
      this.flushPortfolios();
    });
  }

  private flushPortfolios(): void {
    if (this.dirtyPortfolios.size === 0) return;
    const ids = [...this.dirtyPortfolios];
    this.dirtyPortfolios.clear();
    this.agentsDirty = true;
    for (const agentId of ids) {
      const member = this.agents.connectionOf(agentId);
      if (!member || !this.members.has(member)) continue;
      const view = this.venue.portfolio(agentId);
      if (view.ok) member.sendText(JSON.stringify(portfolioUpdate(view.value)));
    }
  }

  private flushBooks(): void {
    if (this.dirtyBooks.size === 0) return;
    const symbols = [...this.dirtyBooks];
    this.dirtyBooks.clear();
    if (this.members.size === 0) return;
    const text = this.booksText(symbols);
    for (const member of this.members) member.sendBooks(text);
  }

  private flushAgents(): void {
    if (!this.agentsDirty) return;
    this.agentsDirty = false;
    if (this.members.size === 0) return;
    this.broadcast(this.agentsText());
  }

  private pumpAll(): void {
    for (const member of this.members) member.pump();
  }

  close(): void {
    for (const stop of this.stops) stop();
    this.portfolioFlushScheduled?.();
    this.members.clear();
  }
}

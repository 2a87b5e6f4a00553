/**
 * The state behind a paper venue and the plumbing between the paper exchange, the connector feed
 * and the ledger: paper accounts (agents), instruments, the journal of every change, recent fills
 * and marks. PaperVenue puts the port's calls on top.
 */
import type { DecimalString } from '../../src-shared/domain';
import type { AppError } from '../../src-shared/result';
import type { Grid } from '../core/num';
import {
  PaperExchange,
  type PaperEvent,
  type PaperModelConfig,
  type PaperOrderSnapshot,
} from '../core/paper';
import { MAX_UNITS, toUnits } from '../core/portfolio';
import { fromScaled } from '../core/num';
import type { Clock, Logger } from '../core/ports';
import type { FillView, InstrumentSpec, OrderView, PortfolioView, VenueEvent } from '../gateway/venue-port';
import type { StoredVenueState } from '../store/read/venue-state';
import type { LedgerOp } from '../store/writer/ops';
import type { TriggerRecord, TriggerStore } from '../trading/triggers/records';
import type { Trade, VenueConnector } from '../venues/kit';
import type { InstrumentPlan } from './instruments';
import { Outbox, triggerOps, VENUE_ACCOUNT, type LedgerSink } from './journal';
import { bookFeed, printsOf } from './feed';
import { describeEvent } from './paper-events';
import { restoreVenue } from './restore';
import { orderView, portfolioView } from './views';

interface PaperAgent {
  readonly agentId: string;
  readonly name: string;
  readonly account: number;
  readonly startingCapital: string;
  readonly extras: Record<string, string>;
}

const RECENT_FILLS = 500;

export interface PaperSetup {
  readonly plan: InstrumentPlan;
  readonly stored: StoredVenueState;
  readonly model: PaperModelConfig;
  readonly quoteAsset: string | undefined;
  readonly startingBalances: Readonly<Record<string, string>>;
  readonly sink: LedgerSink | null;
}

export abstract class PaperBook implements TriggerStore {
  protected ex = new PaperExchange();
  protected readonly markets = new Map<string, { readonly port: InstrumentSpec; readonly grid: Grid }>();
  protected readonly agentsById = new Map<string, PaperAgent>();
  protected readonly agentsByName = new Map<string, PaperAgent>();
  private readonly agentByAccount = new Map<number, PaperAgent>();
  private readonly recent = new Map<string, FillView[]>();
  private readonly lastPrint = new Map<string, number>();
  protected ready = false;
  protected failure: AppError | null = null;
  protected waiting = 'the paper venue is starting';
  private outbox = new Outbox(
    null,
    (e) => this.deliver(e),
    (e) => this.fail(e),
  );
  private ops: LedgerOp[] = [];
  private events: VenueEvent[] = [];
  private quote = '';
  private extras: Readonly<Record<string, string>> = {};
  private nextAgent = 1;
  /** Trigger records found in the ledger, for the trigger layer. */
  restoredTriggers: readonly TriggerRecord[] = [];

  constructor(
    private readonly venue: string,
    protected readonly clock: Clock,
    protected readonly log: Logger,
  ) {}

  protected abstract deliver(event: VenueEvent): void;
  protected abstract connector(): VenueConnector;

  /** Builds the exchange from the instrument plan and the ledger; an error leaves it unavailable. */
  setup(setup: PaperSetup): string | null {
    const ex = new PaperExchange(setup.model);
    for (const [asset, decimals] of setup.plan.assets) {
      const added = ex.accounts.ensureAsset(asset, decimals);
      if (typeof added === 'string') return this.refuse(added);
    }
    const grids = new Map<string, Grid>();
    for (const { spec, port, grid } of setup.plan.instruments) {
      const added = ex.addInstrument(spec);
      if (typeof added === 'string') return this.refuse(added);
      this.markets.set(spec.symbol, { port, grid });
      grids.set(spec.symbol, grid);
    }
    this.quote = setup.quoteAsset ?? setup.plan.instruments[0]?.spec.quote ?? 'USD';
    this.extras = setup.startingBalances;
    const restored = restoreVenue(ex, setup.stored, grids, this.quote, RECENT_FILLS);
    if (typeof restored === 'string') return this.refuse(`cannot rebuild from the ledger: ${restored}`);
    for (const agent of restored.agents) this.addAgent(agent);
    for (const [agentId, fills] of restored.fills) this.recent.set(agentId, fills);
    this.restoredTriggers = restored.triggers;
    this.ex = ex;
    ex.setSink((event) => this.onExchangeEvent(event, this.ops, this.events));
    this.outbox = new Outbox(
      setup.sink,
      (e) => this.deliver(e),
      (e) => this.fail(e),
    );
    const now = this.clock.now();
    this.ops.push({
      op: 'account',
      venue: this.venue,
      account: VENUE_ACCOUNT,
      name: 'live venue liquidity',
      kind: 'venue',
      ts: now,
    });
    for (const { port } of setup.plan.instruments)
      this.ops.push({
        op: 'instrument',
        venue: this.venue,
        symbol: port.symbol,
        baseAsset: port.base,
        quoteAsset: port.quote,
        tickSize: port.tickSize,
        lotSize: port.lotSize,
      });
    this.flush();
    this.ready = true;
    return null;
  }

  /** Why the venue takes no orders right now, or null when it does. */
  unavailableReason(): string | null {
    if (this.failure) return `paper venue stopped: ${this.failure.message}`;
    return this.ready ? null : this.waiting;
  }

  setWaiting(message: string): void {
    this.waiting = message;
  }

  /** The trigger layer's store: trigger records become order rows (journal.ts). */
  save(record: TriggerRecord): void {
    this.ops.push(...triggerOps(this.venue, record));
    this.flush();
  }

  durable(): Promise<AppError | null> {
    return this.outbox.settled();
  }

  /** An id from the paper venue's order-id space, for trigger orders. */
  allocateOrderId(): string {
    return String(this.ex.allocateOrderId());
  }

  /** Opens a paper account with its starting balances; the agent id, or why not. */
  protected createAgent(name: string, capital: DecimalString): { agentId: string } | { error: string } {
    const quote = this.ex.accounts.ledger.assets[this.ex.accounts.ledger.assetIndex(this.quote)];
    if (!quote) return { error: `${this.venue} has no ${this.quote} instrument` };
    const units = toUnits(capital, quote.decimals);
    if (units === null || units <= 0) {
      const max = fromScaled(BigInt(MAX_UNITS), quote.decimals);
      return {
        error: `starting capital must be positive, with at most ${quote.decimals} decimals, up to ${max}`,
      };
    }
    const grants: Array<[string, string]> = [[this.quote, capital], ...Object.entries(this.extras)];
    const account = this.ex.openAccount();
    const owner = this.ex.accounts.account(account)!;
    for (const [asset, amount] of grants) {
      const spec = this.ex.accounts.ledger.assets[this.ex.accounts.ledger.assetIndex(asset)];
      const granted = spec ? toUnits(amount, spec.decimals) : null;
      if (!spec || granted === null || !this.ex.accounts.grant(owner, spec, granted))
        throw new Error(`paper grant of ${amount} ${asset} refused`);
    }
    const agentId = `paper-${this.nextAgent}`;
    const { [this.quote]: _capital, ...extras } = Object.fromEntries(grants.slice(1));
    this.addAgent({ agentId, name, account, startingCapital: capital, extras });
    const ts = this.clock.now();
    this.ops.push({ op: 'account', venue: this.venue, account: agentId, name, kind: 'agent', ts });
    for (const [asset, amount] of grants)
      this.ops.push({
        op: 'balance',
        venue: this.venue,
        account: agentId,
        asset,
        delta: amount,
        reason: 'deposit',
        ts,
      });
    this.events.push({ kind: 'agents' });
    return { agentId };
  }

  private addAgent(agent: PaperAgent): void {
    this.agentsById.set(agent.agentId, agent);
    this.agentsByName.set(agent.name, agent);
    this.agentByAccount.set(agent.account, agent);
    const n = Number(/^paper-(\d+)$/.exec(agent.agentId)?.[1] ?? 0);
    this.nextAgent = Math.max(this.nextAgent, n + 1);
  }

  protected accountOf(agentId: string): number {
    return this.agentsById.get(agentId)!.account;
  }

  protected view(order: PaperOrderSnapshot): OrderView {
    return orderView(
      this.ex,
      order,
      this.agentByAccount.get(order.account)!.agentId,
      this.markets.get(order.symbol)!.grid,
    );
  }

  protected fillsOf(agentId: string, limit: number): readonly FillView[] {
    return (this.recent.get(agentId) ?? []).slice(-Math.max(0, limit));
  }

  protected portfolioOf(agentId: string): PortfolioView {
    const agent = this.agentsById.get(agentId)!;
    const marks = new Map<string, number>();
    for (const symbol of this.markets.keys()) {
      const reader = this.connector().book(symbol);
      const bid = reader?.bids.best();
      const ask = reader?.asks.best();
      const mark = bid && ask ? Math.floor((bid.ticks + ask.ticks) / 2) : this.lastPrint.get(symbol);
      if (mark !== undefined) marks.set(symbol, mark);
    }
    return portfolioView(this.ex, {
      agentId,
      account: this.ex.accounts.account(agent.account)!,
      quoteAsset: this.quote,
      marks,
      startingCapital: agent.startingCapital as DecimalString,
      startingExtras: agent.extras,
      time: this.clock.now(),
    });
  }

  /** Turns one exchange event into ledger rows and port events (paper-events.ts). */
  protected onExchangeEvent(event: PaperEvent, ops: LedgerOp[], events: VenueEvent[]): void {
    const agentId = this.agentByAccount.get(event.order.account)!.agentId;
    const instrument = this.ex.instrument(event.order.symbol)!.instrument;
    const grid = this.markets.get(event.order.symbol)!.grid;
    const fill = describeEvent(
      event,
      { venue: this.venue, agentId, grid, quote: instrument.quote },
      ops,
      events,
      (o) => this.view(o),
    );
    if (!fill) return;
    const recent = this.recent.get(agentId) ?? [];
    recent.push(fill);
    if (recent.length > RECENT_FILLS) recent.shift();
    this.recent.set(agentId, recent);
  }

  /** Sends what was collected since the last flush (rows first, then events). */
  protected flush(answerFirst?: (ticket: number) => void): void {
    const ops = this.ops;
    const events = this.events;
    this.ops = [];
    this.events = [];
    if (ops.length === 0 && events.length === 0) return;
    this.outbox.send(ops, events, answerFirst);
  }

  protected committed(ticket: number): Promise<AppError | null> {
    return this.outbox.committed(ticket);
  }

  // --- the live venue's feed -------------------------------------------------------------------

  protected onBookChange(symbol: string): void {
    // After a storage failure nothing changes any more: memory must not run ahead of the ledger.
    if (!this.ready || this.failure || !this.markets.has(symbol)) return;
    const { status, reader } = bookFeed(this.connector(), symbol);
    this.ex.onBook(symbol, this.clock.now(), status, reader);
    this.events.push({ kind: 'book', symbol });
    this.flush();
  }

  protected onTrades(trades: readonly Trade[]): void {
    if (!this.ready || this.failure) return;
    for (const { symbol, print, view } of printsOf(trades, this.markets, this.log)) {
      this.lastPrint.set(symbol, print.ticks);
      this.events.push({ kind: 'trade', trade: view });
      this.ex.onPrint(symbol, this.clock.now(), print);
    }
    this.flush();
  }

  private refuse(message: string): string {
    this.waiting = message;
    this.log.error('paper venue unavailable', { venue: this.venue, reason: message });
    return message;
  }

  protected fail(error: AppError): void {
    if (this.failure) return;
    this.failure = error;
    this.log.error('paper venue stopped: storage failed', { venue: this.venue, error: error.message });
  }
}

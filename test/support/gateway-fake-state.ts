/**
 * The fake venue's state and its read side: agents, balances (Ledger), books, resting orders,
 * trades and news; portfolio / agents / books views; and the audit helpers tests rely on:
 * `stateHash()` over every piece of trading state and `invariantErrors()` (conservation,
 * locked-funds consistency, uncrossed books). Reads never create or change state.
 */
import { createHash } from 'node:crypto';
import type { DecimalString, Side } from '../../src-shared/domain';
import { Grid } from '../../src-main/core/num';
import type {
  AgentSummary,
  BookView,
  InstrumentSpec,
  NewsItem,
  OrderView,
  PortfolioView,
  TradeView,
  VenueResult,
} from '../../src-main/gateway/venue-port';
import { decimal, Ledger, ONE, scaled } from './gateway-fake-ledger';
import { FakeBook, type RestingOrder } from './gateway-fake-book';

export const FAKE_INSTRUMENTS: readonly InstrumentSpec[] = [
  spec('BTC-USD', 'BTC', 'USD', '0.01', '0.0001', '0.001'),
  spec('ETH-USD', 'ETH', 'USD', '0.01', '0.001', '0.01'),
];

function spec(
  symbol: string,
  base: string,
  quote: string,
  tick: string,
  lot: string,
  min: string,
): InstrumentSpec {
  return {
    symbol,
    base,
    quote,
    tickSize: tick as DecimalString,
    lotSize: lot as DecimalString,
    minSize: min as DecimalString,
  };
}

export interface Agent {
  readonly agentId: string;
  readonly name: string;
  readonly kind: 'external' | 'builtin';
  readonly startingCapital: bigint;
}

export class FakeVenueState {
  readonly ledger = new Ledger();
  protected readonly agentsById = new Map<string, Agent>();
  protected readonly bookBySymbol = new Map<string, FakeBook>();
  protected readonly grids = new Map<string, { spec: InstrumentSpec; grid: Grid }>();
  protected readonly orders = new Map<string, RestingOrder & { view: OrderView }>();
  protected readonly clientIds = new Set<string>();
  protected readonly trades: TradeView[] = [];
  protected readonly news: NewsItem[] = [];
  protected nextAgent = 1;
  protected nextOrder = 1;
  protected nextTrade = 1;
  protected seq = 0;

  constructor(protected readonly now: () => number) {
    for (const s of FAKE_INSTRUMENTS) {
      this.grids.set(s.symbol, { spec: s, grid: new Grid({ tickSize: s.tickSize, lotSize: s.lotSize }) });
      this.bookBySymbol.set(s.symbol, new FakeBook());
    }
  }

  instruments(): readonly InstrumentSpec[] {
    return FAKE_INSTRUMENTS;
  }

  // --- reads ------------------------------------------------------------------------------------

  portfolio(agentId: string): VenueResult<PortfolioView> {
    const agent = this.agentsById.get(agentId);
    if (!agent) return { ok: false, error: { code: 'UNKNOWN_AGENT', message: `no agent ${agentId}` } };
    const usd = this.ledger.peek(agentId, 'USD');
    let equity = usd.free + usd.locked;
    const positions = [];
    for (const [asset, b] of this.ledger.holdings(agentId)) {
      if (asset === 'USD' || b.free + b.locked === 0n) continue;
      const symbol = `${asset}-USD`;
      const last = [...this.trades].reverse().find((t) => t.symbol === symbol);
      const mark = last ? scaled(last.price) : 0n;
      equity += ((b.free + b.locked) * mark) / ONE;
      positions.push({
        symbol,
        quantity: decimal(b.free + b.locked),
        ...(last ? { markPrice: last.price } : {}),
      });
    }
    return {
      ok: true,
      value: {
        agentId,
        quoteAsset: 'USD',
        cash: decimal(usd.free),
        lockedCash: decimal(usd.locked),
        holdings: this.ledger
          .holdings(agentId)
          .map(([asset, b]) => ({ asset, free: decimal(b.free), locked: decimal(b.locked) })),
        positions,
        startingCapital: decimal(agent.startingCapital),
        equity: decimal(equity),
        pnl: decimal(equity - agent.startingCapital),
        time: this.now(),
      },
    };
  }

  agents(): readonly AgentSummary[] {
    return [...this.agentsById.values()].map((a) => {
      const p = this.portfolio(a.agentId);
      const equity = p.ok ? p.value.equity : ('0' as DecimalString);
      const pnl = p.ok ? p.value.pnl : ('0' as DecimalString);
      return { agentId: a.agentId, name: a.name, kind: a.kind, equity, pnl };
    });
  }

  newsHistory(limit: number): readonly NewsItem[] {
    return this.news.slice(-limit);
  }

  books(depth: number, symbols?: readonly string[]): readonly BookView[] {
    return (symbols ?? FAKE_INSTRUMENTS.map((s) => s.symbol)).flatMap((symbol) => {
      const book = this.bookBySymbol.get(symbol);
      const entry = this.grids.get(symbol);
      if (!book || !entry) return [];
      const level = (side: Side) =>
        book
          .levels(side, depth)
          .map((l) => ({ px: entry.grid.ticksToPrice(l.ticks), sz: entry.grid.lotsToSize(l.lots), n: l.n }));
      return [{ symbol, time: this.now(), bids: level('buy'), asks: level('sell') }];
    });
  }

  /** Test helper: how many orders of this agent rest on the books. */
  openOrderCount(agentId: string): number {
    return [...this.orders.values()].filter((o) => o.agentId === agentId).length;
  }

  // --- invariants -------------------------------------------------------------------------------

  /** sha256 over every piece of trading state: agents, balances, resting orders, counters. */
  stateHash(): string {
    const state = {
      agents: [...this.agentsById.values()].map((a) => [
        a.agentId,
        a.name,
        a.kind,
        a.startingCapital.toString(),
      ]),
      ledger: this.ledger.canonical(),
      books: [...this.bookBySymbol.entries()].map(([symbol, b]) => [symbol, b.canonical()]),
      clientIds: [...this.clientIds].sort(),
      counters: [this.nextAgent, this.nextOrder, this.nextTrade, this.seq],
    };
    return createHash('sha256').update(JSON.stringify(state)).digest('hex');
  }

  /** Conservation, locked-funds consistency and uncrossed books; empty when all hold. */
  invariantErrors(): string[] {
    const errors = this.ledger.conservationErrors();
    const locked = new Map<string, bigint>();
    for (const order of this.orders.values()) {
      const { grid, spec: s } = this.grids.get(order.view.symbol)!;
      const qty = scaled(grid.lotsToSize(order.remainingLots));
      const key = order.side === 'buy' ? `${order.agentId}|${s.quote}` : `${order.agentId}|${s.base}`;
      const amount = order.side === 'buy' ? (scaled(grid.ticksToPrice(order.priceTicks)) * qty) / ONE : qty;
      locked.set(key, (locked.get(key) ?? 0n) + amount);
    }
    for (const agentId of this.agentsById.keys()) {
      for (const [asset, b] of this.ledger.holdings(agentId)) {
        if (b.locked !== (locked.get(`${agentId}|${asset}`) ?? 0n))
          errors.push(`locked ${asset} of ${agentId} mismatch`);
      }
    }
    for (const [symbol, book] of this.bookBySymbol) if (book.crossed()) errors.push(`${symbol} book crossed`);
    return errors;
  }
}

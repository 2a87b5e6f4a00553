/**
 * Market maker: keeps `levels` post-only quotes per side on each of its instruments around its
 * view of the fair value (a lagged copy of the model's, so news moves reach it a few steps late),
 * shifted against its inventory: holding more base than it started with moves both quotes down
 * (it sells more readily), holding less moves them up. Each instrument is refreshed every
 * `refreshSteps` steps; a quote is amended only when it is more than `requoteBps` away from where
 * it should be or has been mostly filled, which keeps the book lively but the order flow light.
 * Quotes are identified by client order ids ("BTC-USD:b0" = best bid level), so the agent finds its
 * orders again after a restart. Asks never exceed free base; bids never exceed free cash.
 */
import type { OrderView } from '../../gateway/venue-port';
import { BuiltinAgent, lotsOf, ticksOf, type AgentContext, type AgentInstrument } from './agent';

export const MARKET_MAKER_DEFAULTS = {
  /** Quotes per side. */
  levels: 4,
  /** Half-spread of the innermost level, in basis points of the fair value. */
  spreadBps: 6,
  /** Distance between levels, bps. */
  stepBps: 5,
  /** Quote currency per level. */
  orderNotional: 3000,
  /** Centre shift at ±100 % inventory deviation, bps. */
  skewBps: 30,
  refreshSteps: 1,
  requoteBps: 0.5,
  /** Share of the gap to the model's fair value closed each step (0-1). */
  lag: 0.3,
};

type Params = typeof MARKET_MAKER_DEFAULTS;

interface MmState {
  readonly view: Record<string, number>;
  readonly target: Record<string, number>;
}

export class MarketMaker extends BuiltinAgent<Params> {
  private readonly view = new Map<string, number>();
  private readonly target = new Map<string, number>();

  step(ctx: AgentContext): void {
    const p = this.params;
    this.symbols.forEach((symbol, k) => {
      const fair = ctx.market.fair(symbol);
      const previous = this.view.get(symbol) ?? fair;
      const view = previous + p.lag * (fair - previous);
      this.view.set(symbol, view);
      if ((ctx.step + k) % Math.max(1, p.refreshSteps) === 0)
        this.quote(ctx, ctx.market.instrument(symbol), view);
    });
  }

  private quote(ctx: AgentContext, inst: AgentInstrument, view: number): void {
    const p = this.params;
    const held = this.heldLots(ctx, inst);
    const target = this.target.get(inst.symbol) ?? held;
    this.target.set(inst.symbol, target);
    const deviation = Math.max(-1, Math.min(1, (held - target) / Math.max(target, 1)));
    const center = view * (1 - (p.skewBps * deviation) / 10_000);
    const lots = Math.max(inst.minLots, this.lotsFor(inst, p.orderNotional, center));
    const threshold = Math.max(1, (center * p.requoteBps) / 10_000);
    const open = ctx.venue.openOrders(this.agentId);
    const mine = new Map<string, OrderView>();
    if (open.ok)
      for (const o of open.value)
        if (o.symbol === inst.symbol && o.clientOrderId) mine.set(o.clientOrderId, o);
    const bid = ctx.market.bestBid(inst.symbol);
    const ask = ctx.market.bestAsk(inst.symbol);
    let askBudget = this.freeLots(ctx, inst);
    let bidBudget = this.freeCash(ctx, inst);
    for (let i = 0; i < p.levels; i++) {
      const offset = (p.spreadBps + i * p.stepBps) / 10_000;
      for (const side of ['buy', 'sell'] as const) {
        // Never cross the touch: a post-only quote that would trade is refused, and a refused
        // amend would leave that side thinner exactly when the price jumps.
        const ticks =
          side === 'buy'
            ? Math.max(1, Math.min(Math.floor(center * (1 - offset)), (ask ?? Infinity) - 1))
            : Math.max((bid ?? 0) + 1, Math.ceil(center * (1 + offset)));
        const id = `${inst.symbol}:${side === 'buy' ? 'b' : 'a'}${i}`;
        const existing = mine.get(id);
        if (existing) {
          const remaining = lotsOf(inst, existing.remainingQuantity);
          if (Math.abs(ticksOf(inst, existing.price) - ticks) <= threshold && remaining * 2 >= lots) continue;
          const filled = lotsOf(inst, existing.filledQuantity);
          const amended = ctx.venue.amendOrder({
            agentId: this.agentId,
            symbol: inst.symbol,
            orderId: existing.orderId,
            price: inst.grid.ticksToPrice(ticks),
            quantity: inst.grid.lotsToSize(filled + lots),
          });
          if (!amended.ok)
            ctx.venue.cancelOrder({ agentId: this.agentId, symbol: inst.symbol, orderId: existing.orderId });
          continue;
        }
        if (side === 'sell') {
          const size = Math.min(lots, askBudget);
          if (size < inst.minLots) continue;
          if (this.limit(ctx, inst, side, size, ticks, { timeInForce: 'POST_ONLY', clientOrderId: id })?.ok)
            askBudget -= size;
        } else {
          const cost = ticks * lots * inst.quotePerTickLot * 1.01;
          if (cost > bidBudget) continue;
          if (this.limit(ctx, inst, side, lots, ticks, { timeInForce: 'POST_ONLY', clientOrderId: id })?.ok)
            bidBudget -= cost;
        }
      }
    }
  }

  override state(): MmState {
    return { view: Object.fromEntries(this.view), target: Object.fromEntries(this.target) };
  }

  override restore(state: unknown): void {
    const s = state as Partial<MmState> | null;
    for (const [k, v] of Object.entries(s?.view ?? {})) if (Number.isFinite(v)) this.view.set(k, v);
    for (const [k, v] of Object.entries(s?.target ?? {})) if (Number.isFinite(v)) this.target.set(k, v);
  }
}

/**
 * What every built-in agent is: a named account with a strategy that gets one turn per simulation
 * step (unless paused) and trades only through the venue's public port, like any bot. It reads
 * the market through `MarketView` (integer ticks and units, plus the model's fair value, which the
 * market makers are allowed to know) and draws randomness only from the shared seeded generator,
 * so a session replays exactly. Its small memory (`state()`) is plain JSON kept in checkpoints.
 */
import type { SimAgentSettings, Strategy } from '../../config/sim-settings';
import type { Grid } from '../../core/num';
import type { Random } from '../../core/ports';
import type { OrderView, PlaceOrderRequest, VenueResult } from '../../gateway/venue-port';
import type { SimNews } from '../market-model';
import type { SimVenue } from '../venue';

export interface AgentInstrument {
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly grid: Grid;
  readonly minLots: number;
  readonly baseUnitsPerLot: number;
  /** Quote value (a float, for sizing only) of one tick times one lot. */
  readonly quotePerTickLot: number;
  readonly quoteUnit: number;
}

export interface MarketView {
  readonly instruments: readonly AgentInstrument[];
  instrument(symbol: string): AgentInstrument;
  /** The model's fair value in (fractional) ticks. */
  fair(symbol: string): number;
  bestBid(symbol: string): number | null;
  bestAsk(symbol: string): number | null;
  /** Mid of the touch, else the fair value, in (fractional) ticks. */
  mid(symbol: string): number;
  /** Smallest units of an asset held by an agent. */
  balance(agentId: string, asset: string): { readonly free: number; readonly locked: number };
  /** News published after the first `seen` items. */
  newsSince(seen: number): SimNews[];
  readonly newsCount: number;
}

export interface AgentContext {
  readonly venue: SimVenue;
  readonly market: MarketView;
  readonly random: Random;
  /** Step number, from 1. */
  readonly step: number;
  readonly stepMs: number;
  readonly now: number;
}

export abstract class BuiltinAgent<P extends Record<string, number> = Record<string, number>> {
  agentId = '';
  paused: boolean;
  /** Set when the agent threw: it stays paused until the user resumes it. */
  fault: string | null = null;
  readonly params: P;

  constructor(
    readonly settings: SimAgentSettings,
    readonly symbols: readonly string[],
    defaults: P,
  ) {
    this.paused = settings.paused;
    this.params = { ...defaults, ...(settings.params as Partial<P>) };
  }

  get name(): string {
    return this.settings.name;
  }
  get strategy(): Strategy {
    return this.settings.strategy;
  }

  abstract step(ctx: AgentContext): void;

  state(): unknown {
    return null;
  }
  restore(_state: unknown): void {}

  // --- helpers shared by strategies -----------------------------------------------------------

  /** Lots worth about `notional` at `ticks`, or 0 when that is below the minimum size. */
  protected lotsFor(inst: AgentInstrument, notional: number, ticks: number): number {
    const lots = Math.floor(notional / (Math.max(1, ticks) * inst.quotePerTickLot));
    return lots >= inst.minLots ? lots : 0;
  }

  protected freeLots(ctx: AgentContext, inst: AgentInstrument): number {
    return Math.floor(ctx.market.balance(this.agentId, inst.base).free / inst.baseUnitsPerLot);
  }

  protected heldLots(ctx: AgentContext, inst: AgentInstrument): number {
    const b = ctx.market.balance(this.agentId, inst.base);
    return Math.floor((b.free + b.locked) / inst.baseUnitsPerLot);
  }

  /** Free quote as a float amount (sizing only). */
  protected freeCash(ctx: AgentContext, inst: AgentInstrument): number {
    return ctx.market.balance(this.agentId, inst.quote).free * inst.quoteUnit;
  }

  protected market(
    ctx: AgentContext,
    inst: AgentInstrument,
    side: 'buy' | 'sell',
    lots: number,
  ): VenueResult<OrderView> | null {
    if (lots < inst.minLots) return null;
    return ctx.venue.placeOrder(this.order(inst, side, 'market', lots));
  }

  protected limit(
    ctx: AgentContext,
    inst: AgentInstrument,
    side: 'buy' | 'sell',
    lots: number,
    ticks: number,
    extra: Partial<PlaceOrderRequest> = {},
  ): VenueResult<OrderView> | null {
    if (lots < inst.minLots || ticks < 1) return null;
    return ctx.venue.placeOrder({ ...this.order(inst, side, 'limit', lots, ticks), ...extra });
  }

  private order(
    inst: AgentInstrument,
    side: 'buy' | 'sell',
    type: 'limit' | 'market',
    lots: number,
    ticks?: number,
  ): PlaceOrderRequest {
    return {
      agentId: this.agentId,
      symbol: inst.symbol,
      side,
      orderType: type,
      timeInForce: type === 'market' ? 'IOC' : 'GTC',
      quantity: inst.grid.lotsToSize(lots),
      ...(ticks === undefined ? {} : { price: inst.grid.ticksToPrice(ticks) }),
    };
  }
}

/** Ticks of a decimal price on an instrument's grid (the venue only ever sends on-grid prices). */
export function ticksOf(inst: AgentInstrument, price: string | undefined): number {
  if (price === undefined) return 0;
  const t = inst.grid.priceToTicks(price);
  return t.ok ? t.value : 0;
}

export function lotsOf(inst: AgentInstrument, size: string): number {
  const l = inst.grid.sizeToLots(size);
  return l.ok ? l.value : 0;
}

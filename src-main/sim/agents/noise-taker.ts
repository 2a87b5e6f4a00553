/**
 * Noise trader: at random moments (about `ratePerSec` orders per simulated second) it buys or sells
 * a random amount of a random instrument, mostly with market orders, otherwise with a limit order
 * joining or improving the touch that it cancels after `restSec` if still open. Sells never exceed
 * free base (it then buys instead); its orders are small next to the market makers' depth.
 */
import { chance, pick } from '../../core/ports';
import { BuiltinAgent, type AgentContext } from './agent';

export const NOISE_DEFAULTS = {
  ratePerSec: 4,
  /** Share of orders sent as market orders (0-1). */
  marketShare: 0.6,
  minNotional: 300,
  maxNotional: 3000,
  restSec: 8,
  /** A limit order improves the touch by up to this many ticks (never crossing). */
  improveTicks: 3,
};

export class NoiseTaker extends BuiltinAgent<typeof NOISE_DEFAULTS> {
  step(ctx: AgentContext): void {
    const p = this.params;
    if (ctx.step % 10 === 0) this.cancelStale(ctx);
    if (!chance(ctx.random, (p.ratePerSec * ctx.stepMs) / 1000)) return;
    const inst = ctx.market.instrument(pick(ctx.random, this.symbols));
    let side: 'buy' | 'sell' = chance(ctx.random, 0.5) ? 'buy' : 'sell';
    const notional = p.minNotional + (p.maxNotional - p.minNotional) * ctx.random.next();
    const asMarket = chance(ctx.random, p.marketShare);
    const improve = ctx.random.int(0, Math.max(0, Math.floor(p.improveTicks)));
    const lots = this.lotsFor(inst, notional, ctx.market.mid(inst.symbol));
    if (lots === 0) return;
    if (side === 'sell' && this.freeLots(ctx, inst) < lots) side = 'buy';
    if (side === 'buy' && this.freeCash(ctx, inst) < notional * 1.01) {
      if (this.freeLots(ctx, inst) < lots) return;
      side = 'sell';
    }
    if (asMarket) {
      this.market(ctx, inst, side, lots);
      return;
    }
    const bid = ctx.market.bestBid(inst.symbol);
    const ask = ctx.market.bestAsk(inst.symbol);
    if (bid === null || ask === null) return;
    const ticks = side === 'buy' ? Math.min(bid + improve, ask - 1) : Math.max(ask - improve, bid + 1);
    this.limit(ctx, inst, side, lots, ticks);
  }

  private cancelStale(ctx: AgentContext): void {
    const open = ctx.venue.openOrders(this.agentId);
    if (!open.ok) return;
    const maxAge = this.params.restSec * 1000;
    for (const order of open.value) {
      if (ctx.now - order.time < maxAge) continue;
      ctx.venue.cancelOrder({ agentId: this.agentId, symbol: order.symbol, orderId: order.orderId });
    }
  }
}

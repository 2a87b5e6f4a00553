/**
 * Momentum trader: follows each instrument's mid with a fast and a slow exponential average; every
 * `checkSteps` steps it buys with a market order when the fast average is more than `thresholdBps`
 * above the slow one (until it holds `maxNotional` more than it started with) and sells when it is
 * that far below (only base it holds).
 */
import { BuiltinAgent, type AgentContext } from './agent';

export const MOMENTUM_DEFAULTS = {
  fastSteps: 30,
  slowSteps: 150,
  thresholdBps: 4,
  orderNotional: 4000,
  maxNotional: 60000,
  checkSteps: 20,
};

interface Averages {
  fast: number;
  slow: number;
  start: number;
}

export class Momentum extends BuiltinAgent<typeof MOMENTUM_DEFAULTS> {
  private readonly averages = new Map<string, Averages>();

  step(ctx: AgentContext): void {
    const p = this.params;
    const fastK = 2 / (p.fastSteps + 1);
    const slowK = 2 / (p.slowSteps + 1);
    this.symbols.forEach((symbol, k) => {
      const inst = ctx.market.instrument(symbol);
      const mid = ctx.market.mid(symbol);
      const a = this.averages.get(symbol) ?? { fast: mid, slow: mid, start: this.heldLots(ctx, inst) };
      a.fast += fastK * (mid - a.fast);
      a.slow += slowK * (mid - a.slow);
      this.averages.set(symbol, a);
      if ((ctx.step + k) % Math.max(1, p.checkSteps) !== 0) return;
      const signal = (a.fast / a.slow - 1) * 10_000;
      const lots = this.lotsFor(inst, p.orderNotional, mid);
      if (lots === 0) return;
      if (signal > p.thresholdBps) {
        const extra = (this.heldLots(ctx, inst) - a.start) * mid * inst.quotePerTickLot;
        if (extra < p.maxNotional && this.freeCash(ctx, inst) > p.orderNotional * 1.01)
          this.market(ctx, inst, 'buy', lots);
      } else if (signal < -p.thresholdBps) {
        this.market(ctx, inst, 'sell', Math.min(lots, this.freeLots(ctx, inst)));
      }
    });
  }

  override state(): Record<string, Averages> {
    return Object.fromEntries(this.averages);
  }

  override restore(state: unknown): void {
    for (const [k, v] of Object.entries((state ?? {}) as Record<string, Averages>)) {
      if (Number.isFinite(v.fast) && Number.isFinite(v.slow) && Number.isFinite(v.start))
        this.averages.set(k, { ...v });
    }
  }
}

/**
 * News trader: reads every news item about its instruments and, after a random reaction delay of
 * `minDelaySteps`-`maxDelaySteps` steps, trades in the direction of the sentiment with a market
 * order worth `notional` x |sentiment| (sells only base it holds). Pending reactions and the news
 * it has read are its state, so a restart neither loses nor repeats a reaction.
 */
import { BuiltinAgent, type AgentContext } from './agent';

export const NEWS_DEFAULTS = {
  minDelaySteps: 2,
  maxDelaySteps: 10,
  notional: 15000,
};

interface Reaction {
  readonly symbol: string;
  readonly sentiment: number;
  readonly at: number;
}

interface NewsState {
  readonly seen: number;
  readonly pending: readonly Reaction[];
}

export class NewsTrader extends BuiltinAgent<typeof NEWS_DEFAULTS> {
  private seen: number | null = null;
  private pending: Reaction[] = [];

  step(ctx: AgentContext): void {
    const p = this.params;
    this.seen ??= ctx.market.newsCount;
    for (const item of ctx.market.newsSince(this.seen)) {
      const symbol = item.symbols[0];
      if (symbol === undefined || !this.symbols.includes(symbol)) continue;
      const delay = ctx.random.int(
        Math.floor(p.minDelaySteps),
        Math.max(Math.floor(p.minDelaySteps), Math.floor(p.maxDelaySteps)),
      );
      this.pending.push({ symbol, sentiment: item.sentiment, at: ctx.step + delay });
    }
    this.seen = ctx.market.newsCount;
    const due = this.pending.filter((r) => r.at <= ctx.step);
    if (due.length === 0) return;
    this.pending = this.pending.filter((r) => r.at > ctx.step);
    for (const r of due) {
      const inst = ctx.market.instrument(r.symbol);
      const lots = this.lotsFor(inst, p.notional * Math.abs(r.sentiment), ctx.market.mid(r.symbol));
      if (lots === 0) continue;
      if (r.sentiment > 0) {
        if (this.freeCash(ctx, inst) > p.notional * Math.abs(r.sentiment) * 1.01)
          this.market(ctx, inst, 'buy', lots);
      } else {
        this.market(ctx, inst, 'sell', Math.min(lots, this.freeLots(ctx, inst)));
      }
    }
  }

  override state(): NewsState {
    return { seen: this.seen ?? 0, pending: this.pending };
  }

  override restore(state: unknown): void {
    const s = state as Partial<NewsState> | null;
    if (typeof s?.seen === 'number') this.seen = s.seen;
    if (Array.isArray(s?.pending)) this.pending = s.pending.filter((r) => typeof r.at === 'number');
  }
}

/**
 * The simulated venue's "true" market: a fair value per instrument that follows a geometric random
 * walk (log-returns with the configured hourly volatility, scaled to the step) and jumps on news.
 * News items arrive as a Poisson process; each names one instrument, carries a sentiment in
 * [-1, 1] and moves that fair value by sentiment x impact. Market makers quote around (a lagged
 * view of) the fair value, so the book follows it.
 *
 * Deterministic: every draw comes from the injected Random, in a fixed order per step. Fair values
 * are model numbers in ticks (floats); orders are always whole ticks. The state (fair values,
 * news counter, recent news) is plain JSON for checkpoints.
 */
import { chance, gaussian, pick, type Random } from '../core/ports';
import { MILD_HEADLINES, NEGATIVE_HEADLINES, POSITIVE_HEADLINES } from './news-templates';

export interface ModelInstrument {
  readonly symbol: string;
  readonly base: string;
  /** Initial fair value in ticks. */
  readonly initialTicks: number;
  /** Hourly log-return standard deviation, e.g. 0.006. */
  readonly volatility: number;
}

export interface SimNews {
  readonly id: string;
  readonly time: number;
  readonly headline: string;
  readonly body: string;
  readonly symbols: readonly string[];
  /** -1 (very bad) .. 1 (very good), two decimals. */
  readonly sentiment: number;
}

export interface ModelState {
  readonly fair: Record<string, number>;
  readonly newsCount: number;
}

export const NEWS_KEPT = 200;

export class MarketModel {
  private readonly fair = new Map<string, number>();
  private newsCount = 0;
  private readonly history: SimNews[] = [];
  private readonly stepSigma: Map<string, number>;

  constructor(
    readonly instruments: readonly ModelInstrument[],
    private readonly stepMs: number,
    private readonly news: { readonly meanIntervalSec: number; readonly impact: number },
  ) {
    for (const i of instruments) this.fair.set(i.symbol, i.initialTicks);
    this.stepSigma = new Map(
      instruments.map((i) => [i.symbol, i.volatility * Math.sqrt(stepMs / 3_600_000)]),
    );
  }

  /** Fair value in ticks (a float). */
  fairTicks(symbol: string): number {
    return this.fair.get(symbol) ?? 0;
  }

  /** Advances one step; returns the news item it produced, if any. */
  step(random: Random, time: number): SimNews | null {
    for (const i of this.instruments) {
      const next = this.fairTicks(i.symbol) * Math.exp(this.stepSigma.get(i.symbol)! * gaussian(random));
      this.fair.set(i.symbol, Math.max(1, next));
    }
    const perStep = this.stepMs / 1000 / this.news.meanIntervalSec;
    if (!chance(random, perStep)) return null;
    return this.publish(random, time);
  }

  private publish(random: Random, time: number): SimNews {
    const instrument = pick(random, this.instruments);
    const magnitude = 0.15 + 0.85 * random.next();
    const sign = chance(random, 0.5) ? 1 : -1;
    const sentiment = Math.round(sign * magnitude * 100) / 100;
    const templates =
      Math.abs(sentiment) < 0.25 ? MILD_HEADLINES : sentiment > 0 ? POSITIVE_HEADLINES : NEGATIVE_HEADLINES;
    const headline = pick(random, templates).replaceAll('{name}', instrument.base);
    const before = this.fairTicks(instrument.symbol);
    this.fair.set(instrument.symbol, Math.max(1, before * (1 + sentiment * this.news.impact)));
    this.newsCount += 1;
    const item: SimNews = {
      id: `n${this.newsCount}`,
      time,
      headline,
      body: `Simulated news (sentiment ${sentiment.toFixed(2)}); not real.`,
      symbols: [instrument.symbol],
      sentiment,
    };
    this.remember(item);
    return item;
  }

  /** Adds an item to the history (also used when rebuilding from the journal). */
  remember(item: SimNews): void {
    this.history.push(item);
    if (this.history.length > NEWS_KEPT * 2) this.history.splice(0, this.history.length - NEWS_KEPT);
  }

  /** Most recent last, at most `limit`. */
  recentNews(limit: number): SimNews[] {
    return this.history.slice(Math.max(0, this.history.length - Math.min(limit, NEWS_KEPT)));
  }

  /** A news item read back from the journal: history and count, without moving any price. */
  replayed(item: SimNews): void {
    this.newsCount += 1;
    this.remember(item);
  }

  get publishedCount(): number {
    return this.newsCount;
  }

  state(): ModelState {
    return { fair: Object.fromEntries(this.fair), newsCount: this.newsCount };
  }

  restore(state: ModelState): void {
    for (const [symbol, ticks] of Object.entries(state.fair)) {
      if (this.fair.has(symbol) && Number.isFinite(ticks) && ticks > 0) this.fair.set(symbol, ticks);
    }
    this.newsCount = Math.max(this.newsCount, state.newsCount);
  }
}

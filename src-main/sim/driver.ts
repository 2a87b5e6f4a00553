/**
 * The simulation clock: one timer fires every `stepMs` of real time and runs `speed` steps on
 * average (fractions carry over), so simulated time runs `speed` times faster than real time. A
 * step moves the fair values (maybe publishing news), then gives every unpaused agent a turn, in
 * settings order, all drawing from one seeded generator: with the same seed, settings and outside
 * orders, the same engine commands come out in the same order.
 *
 * Steps are skipped (not queued) while the venue cannot take orders: starting, halted, or while the
 * journal applies backpressure. Every `checkpointSteps` steps the model and agents' memory are
 * journaled (`sim.state`), and every `snapshotSteps` each account's portfolio is stored.
 */
import type { Clock, Disposer, Logger, Timers } from '../core/ports';
import type { AgentContext, BuiltinAgent } from './agents';
import type { MarketModel } from './market-model';
import type { EngineMarketView } from './market-view';
import type { CommandPipeline } from './pipeline';
import type { SeededRandom } from './random';
import type { SimVenue } from './venue';
import { portfolioSnapshots } from './snapshots';

export interface DriverDeps {
  readonly venue: SimVenue;
  readonly pipeline: CommandPipeline;
  readonly model: MarketModel;
  readonly market: EngineMarketView;
  readonly agents: readonly BuiltinAgent[];
  readonly random: SeededRandom;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  readonly stepMs: number;
  readonly speed: number;
  readonly checkpointSteps: number;
  readonly snapshotSteps: number;
}

export interface SimCheckpoint {
  readonly step: number;
  readonly rng: readonly number[];
  readonly model: ReturnType<MarketModel['state']>;
  readonly agents: Record<string, { paused: boolean; state: unknown }>;
}

export class SimDriver {
  private stepCount = 0;
  private carry = 0;
  private stopTimer: Disposer | null = null;

  constructor(private readonly deps: DriverDeps) {}

  get step(): number {
    return this.stepCount;
  }

  start(): void {
    this.stopTimer ??= this.deps.timers.every(this.deps.stepMs, () => this.tick());
  }

  stop(): void {
    this.stopTimer?.();
    this.stopTimer = null;
  }

  get running(): boolean {
    return this.stopTimer !== null;
  }

  /** One timer firing: `speed` steps on average. */
  tick(): void {
    this.carry += this.deps.speed;
    const steps = Math.floor(this.carry);
    this.carry -= steps;
    for (let i = 0; i < steps; i++) {
      if (this.deps.venue.refusal('open') !== null) return;
      this.runStep();
    }
  }

  runStep(): void {
    const { deps } = this;
    this.stepCount += 1;
    const now = deps.clock.now();
    const news = deps.model.step(deps.random, now);
    if (news) {
      deps.market.record(news);
      deps.venue.publishNews(news, news.sentiment.toFixed(2));
    }
    const ctx: AgentContext = {
      venue: deps.venue,
      market: deps.market,
      random: deps.random,
      step: this.stepCount,
      stepMs: deps.stepMs,
      now,
    };
    for (const agent of deps.agents) {
      if (agent.paused || agent.agentId === '') continue;
      try {
        agent.step(ctx);
      } catch (cause) {
        agent.paused = true;
        agent.fault = String(cause);
        deps.log.error('sim agent failed and was paused', { agent: agent.name, cause: String(cause) });
      }
    }
    if (this.stepCount % deps.checkpointSteps === 0) this.checkpoint();
    // Snapshots are ledger rows: a journal that records nothing (memory) needs none computed.
    if (this.stepCount % deps.snapshotSteps === 0 && deps.pipeline.journal.records)
      deps.pipeline.project(portfolioSnapshots(deps.venue, now));
  }

  /** Journals the model's and agents' memory (also on stop). */
  checkpoint(): void {
    if (this.deps.venue.refusal('close') !== null) return;
    const body: SimCheckpoint = {
      step: this.stepCount,
      rng: this.deps.random.state(),
      model: this.deps.model.state(),
      agents: Object.fromEntries(
        this.deps.agents.map((a) => [a.name, { paused: a.paused, state: a.state() }]),
      ),
    };
    this.deps.pipeline.append('sim.state', this.deps.clock.now(), body);
  }

  /** Applies a checkpoint read back from the journal. */
  restore(checkpoint: SimCheckpoint): void {
    this.stepCount = checkpoint.step;
    this.deps.model.restore(checkpoint.model);
    for (const agent of this.deps.agents) {
      const saved = checkpoint.agents[agent.name];
      if (!saved) continue;
      agent.paused = saved.paused;
      agent.restore(saved.state);
    }
  }
}

/**
 * The simulated venue, assembled and run: engine, command pipeline and journal, venue and its
 * durable port, market model, built-in agents and the driver. `start()` opens storage, rebuilds
 * everything from the journal (engine commands, news, the last model/agents checkpoint), writes
 * the genesis record on a fresh journal, opens any missing accounts, then runs. Until then, and
 * after a storage failure, every order is refused with the reason (UNAVAILABLE, retryable).
 * `stop()` checkpoints, flushes and closes storage.
 */
import type { SimSettings } from '../config/sim-settings';
import { Engine } from '../core/engine';
import type { Clock, Logger, Timers } from '../core/ports';
import type { JournalRow } from '../store/read/journal';
import { readJournal } from '../store/read/journal';
import { StoreWriter, type WorkerScript } from '../store/writer/client';
import { AccountBook } from './accounts';
import { createAgent, type BuiltinAgent } from './agents';
import { bootstrapAccounts } from './bootstrap';
import { genesisMismatch, simConfig, type Genesis, type SimConfig } from './config';
import { SimDriver, type SimCheckpoint } from './driver';
import { decimalSource } from './decimal-source';
import { DurableVenuePort } from './durable-port';
import { JournalSlot, NullJournal, StoreJournal, type Journal } from './journal';
import { MarketModel, type SimNews } from './market-model';
import { EngineMarketView } from './market-view';
import { OrderRegistry } from './orders';
import { CommandPipeline } from './pipeline';
import { EventProcessor, SIM_VENUE } from './processor';
import { instrumentOps } from './rows';
import { SeededRandom } from './random';
import { SimTriggers, SIM_TRIGGER_KIND } from './triggers';
import { SimVenue } from './venue';
import type { TriggerRecord } from '../trading/triggers/records';

export type SimPersistence =
  | { readonly kind: 'memory'; readonly journal?: Journal; readonly replay?: Iterable<JournalRow> }
  | {
      readonly kind: 'sqlite';
      readonly dataDir: string;
      /**
       * The ledger's writer: a script to start one of its own (closed on stop), or the app's one
       * shared writer (the composition root owns and closes it: one writer per ledger file).
       */
      readonly worker: WorkerScript | { readonly shared: Promise<StoreWriter> };
      readonly nativeBinding?: string | undefined;
      /** Delete this venue's ledger rows first (explicit request only). */
      readonly reset?: boolean;
    };

export interface SimRuntimeOptions {
  readonly settings: SimSettings;
  /** Overrides settings.seed (the --seed flag). */
  readonly seed?: number | undefined;
  readonly persistence: SimPersistence;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  /** False: the driver's timer is not started (tests step by hand). Default true. */
  readonly autoRun?: boolean;
}

export class SimRuntime {
  readonly config: SimConfig;
  readonly seed: number;
  readonly engine: Engine;
  readonly pipeline: CommandPipeline;
  readonly venue: SimVenue;
  readonly port: DurableVenuePort;
  /** The port users and bots trade on: `port` plus stops, stop-limits and brackets. */
  readonly triggers: SimTriggers;
  readonly model: MarketModel;
  readonly market: EngineMarketView;
  readonly agents: readonly BuiltinAgent[];
  readonly driver: SimDriver;
  readonly random: SeededRandom;
  private readonly slot = new JournalSlot();
  private writer: StoreWriter | null = null;
  /** The writer this runtime started itself and so closes on stop (not a shared one). */
  private ownWriter: StoreWriter | null = null;
  private started: Promise<void> | null = null;
  userAgentId = '';

  constructor(private readonly options: SimRuntimeOptions) {
    const { settings } = options;
    this.config = simConfig(settings);
    this.seed = options.seed ?? settings.seed;
    this.random = SeededRandom.fromSeed(this.seed);
    this.engine = new Engine({
      assets: this.config.genesis.assets,
      instruments: this.config.genesis.instruments,
    });
    const accounts = new AccountBook(this.config.valuation);
    const orders = new OrderRegistry();
    const decimals = decimalSource(this.engine);
    this.pipeline = new CommandPipeline(
      this.engine,
      this.slot,
      new EventProcessor(decimals, accounts, orders),
    );
    this.model = new MarketModel(this.config.model, settings.stepMs, {
      meanIntervalSec: settings.news.meanIntervalSec,
      impact: Number(settings.news.impact),
    });
    this.venue = new SimVenue({
      decimals,
      pipeline: this.pipeline,
      accounts,
      orders,
      model: this.model,
      clock: options.clock,
      quote: this.config.quote,
      specs: this.config.specs,
    });
    this.port = new DurableVenuePort(this.venue, this.slot);
    this.triggers = new SimTriggers(
      this.port,
      this.pipeline,
      () => this.slot.flush(),
      options.clock,
      options.log,
    );
    this.market = new EngineMarketView(this.engine, this.model);
    const symbols = this.config.specs.map((s) => s.symbol);
    this.agents = settings.agents.map((a) => createAgent(a, a.symbols ?? symbols));
    const stepsPer = (ms: number) => Math.max(1, Math.round(ms / settings.stepMs));
    this.driver = new SimDriver({
      venue: this.venue,
      pipeline: this.pipeline,
      model: this.model,
      market: this.market,
      agents: this.agents,
      random: this.random,
      clock: options.clock,
      timers: options.timers,
      log: options.log,
      stepMs: settings.stepMs,
      speed: settings.speed,
      checkpointSteps: stepsPer(5000),
      snapshotSteps: stepsPer(settings.snapshotSec * 1000),
    });
  }

  get journal() {
    return this.slot;
  }

  get persistence(): 'sqlite' | 'memory' {
    return this.options.persistence.kind;
  }

  /** Opens storage, replays, bootstraps and runs. Never rejects: failures halt the venue (logged). */
  start(): Promise<void> {
    this.started ??= this.open().catch((cause: unknown) => {
      const reason = cause instanceof Error ? cause.message : String(cause);
      this.venue.setStatus('halted', `the simulated venue could not start: ${reason}`);
      this.options.log.error('sim venue failed to start', { reason });
    });
    return this.started;
  }

  private async open(): Promise<void> {
    const p = this.options.persistence;
    let rows: Iterable<JournalRow>;
    if (p.kind === 'sqlite') {
      const writer =
        'shared' in p.worker
          ? await p.worker.shared
          : await StoreWriter.start({ dataDir: p.dataDir, script: p.worker, nativeBinding: p.nativeBinding });
      if (!('shared' in p.worker)) this.ownWriter = writer;
      this.writer = writer;
      this.writer.onFailure((error) => {
        this.driver.stop();
        this.options.log.error('sim venue halted: storage failed', { error: error.message });
      });
      if (p.reset) {
        this.writer.write([{ op: 'resetVenue', venue: SIM_VENUE }]);
        const done = await this.writer.flush();
        if (!done.ok) throw new Error(done.error.message);
        this.options.log.info('sim venue reset on request');
      }
      this.slot.attach(new StoreJournal(this.writer));
      rows = readJournal(p.dataDir, SIM_VENUE, p.nativeBinding);
    } else {
      this.slot.attach(p.journal ?? new NullJournal());
      rows = p.replay ?? [];
    }
    const started = Date.now();
    this.replay(rows);
    if (this.pipeline.lastSeq > 0) {
      this.options.log.info('sim venue rebuilt from its journal', {
        entries: this.pipeline.lastSeq,
        ms: Date.now() - started,
      });
    } else {
      const genesis = { ...this.config.genesis, seed: this.seed };
      this.pipeline.append('sim.genesis', this.options.clock.now(), genesis, instrumentOps(genesis));
    }
    this.userAgentId = bootstrapAccounts(this.venue, this.options.settings, this.agents, (a) =>
      this.engine.assetDecimals(a)!,
    ).userAgentId;
    this.venue.setStatus('running');
    // Pending stops are back before anything can print.
    this.triggers.restore();
    if (this.options.autoRun !== false) this.driver.start();
  }

  /** Rebuilds from journal rows (sequence order). Throws on a gap, a foreign genesis or a rejected command. */
  private replay(rows: Iterable<JournalRow>): void {
    let checkpoint: SimCheckpoint | null = null;
    this.pipeline.replay((apply) => {
      for (const row of rows) {
        const value = apply(row.seq, row.kind, row.body);
        if (row.kind === 'sim.genesis') {
          const mismatch = genesisMismatch(strip(value as Genesis), this.config.genesis);
          if (mismatch) throw new Error(mismatch);
        } else if (row.kind === 'sim.news') {
          this.model.replayed(value as SimNews);
          this.market.record(value as SimNews);
        } else if (row.kind === 'sim.state') {
          checkpoint = value as SimCheckpoint;
        } else if (row.kind === SIM_TRIGGER_KIND) {
          this.triggers.replayed(value as TriggerRecord);
        }
      }
    });
    const saved = checkpoint as SimCheckpoint | null;
    if (saved) {
      this.driver.restore(saved);
      this.random.restore(saved.rng);
    }
    this.market.setNewsCount(this.model.publishedCount);
  }

  /** Pauses or resumes one built-in agent; false when the id is not a built-in agent. */
  setAgentPaused(agentId: string, paused: boolean): boolean {
    const agent = this.agents.find((a) => a.agentId === agentId);
    if (!agent) return false;
    agent.paused = paused;
    if (!paused) agent.fault = null;
    if (this.venue.available) this.driver.checkpoint();
    return true;
  }

  setAllPaused(paused: boolean): void {
    for (const agent of this.agents) {
      agent.paused = paused;
      if (!paused) agent.fault = null;
    }
    if (this.venue.available) this.driver.checkpoint();
  }

  /** Stops the agents, checkpoints, and closes storage once everything is written. */
  async stop(): Promise<void> {
    this.driver.stop();
    await this.started;
    if (this.venue.available) this.driver.checkpoint();
    this.venue.setStatus('halted', 'the simulated venue is stopped');
    await this.slot.flush();
    await this.ownWriter?.close();
  }
}

function strip(genesis: Genesis & { seed?: number }): Genesis {
  return { version: genesis.version, assets: genesis.assets, instruments: genesis.instruments };
}

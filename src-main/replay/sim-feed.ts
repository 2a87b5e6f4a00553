/**
 * Replays the simulated venue: a fresh engine in memory, rebuilt from the venue's journal up to the
 * entry where the recording started (its seed and settings come from the recording), then fed the
 * session's journal entries one by one through the same command pipeline the venue replays its
 * journal with at start-up. The engine is deterministic, so every book is the one the venue had
 * after the same entry. Books and prints reach `replay:sim` through the simulated venue's own
 * connector code; nothing is written anywhere.
 */
import type { VenueId } from '../../src-shared/domain';
import type { SimSettings } from '../config/sim-settings';
import type { Logger } from '../core/ports';
import { SimConnector } from '../sim/connector';
import { SimRuntime } from '../sim/runtime';
import type { JournalRow } from '../store/read/journal';
import type { Instrument } from '../venues/kit';
import type { ReplayFeed } from './stream-feed';
import { ReplayVenueConnector } from './replay-venue';
import type { VirtualTime } from './virtual-time';

export interface SimFeedOptions {
  readonly settings: SimSettings;
  readonly seed: number;
  readonly fromSeq: number;
  readonly journalUpTo: (seq: number) => Iterable<JournalRow>;
  readonly log: Logger;
}

const SIM_CAPABILITIES = { fullDepthStream: true, bboStream: true, restDepth: true, trades: true };

export class SimFeed implements ReplayFeed {
  readonly connector: ReplayVenueConnector;
  private runtime: SimRuntime | null = null;

  constructor(private readonly options: SimFeedOptions) {
    // The instruments come from the recorded settings (an engine that is never run).
    const probe = new SimRuntime({
      settings: options.settings,
      seed: options.seed,
      persistence: { kind: 'memory' },
      clock: { now: () => 0, monotonic: () => 0 },
      timers: { every: () => () => {}, after: () => () => {} },
      log: options.log,
      autoRun: false,
    });
    const instruments: Instrument[] = probe.venue.instruments().map((s) => ({
      venue: 'sim' as VenueId,
      symbol: s.symbol,
      base: s.base,
      quote: s.quote,
      tickSize: s.tickSize,
      lotSize: s.lotSize,
      grid: probe.engine.instrument(s.symbol)!.grid,
    }));
    this.connector = new ReplayVenueConnector('sim', 'Simulated venue', SIM_CAPABILITIES, instruments);
  }

  async reset(time: VirtualTime): Promise<void> {
    const runtime = new SimRuntime({
      settings: this.options.settings,
      seed: this.options.seed,
      persistence: { kind: 'memory', replay: this.options.journalUpTo(this.options.fromSeq) },
      clock: time,
      timers: time,
      log: this.options.log,
      autoRun: false,
    });
    await runtime.start();
    if (!runtime.venue.available) {
      throw new Error(runtime.venue.state.reason ?? 'the simulated venue could not be rebuilt');
    }
    if (runtime.pipeline.lastSeq !== this.options.fromSeq) {
      throw new Error(
        `the journal ends at entry ${runtime.pipeline.lastSeq}, before the recording (entry ${this.options.fromSeq})`,
      );
    }
    const connector = new SimConnector(runtime.engine, runtime.venue, runtime.port, runtime.pipeline, time);
    runtime.pipeline.onReplay((outputs) => {
      for (const symbol of outputs.books) this.connector.notify(symbol);
    });
    this.runtime = runtime;
    this.connector.attach(connector);
  }

  /** One journal entry of the session (engine commands move books; venue entries change nothing here). */
  apply(row: JournalRow): void {
    this.runtime?.pipeline.replay((apply) => {
      apply(row.seq, row.kind, row.body);
    });
  }

  /** The last journal entry replayed. */
  get lastSeq(): number {
    return this.runtime?.pipeline.lastSeq ?? 0;
  }

  /** The engine's state hash (the same as the venue's after the same entry). */
  stateHash(): string {
    return this.runtime ? String(this.runtime.engine.stateHash()) : '';
  }

  close(): void {
    this.connector.stop();
    this.runtime = null;
  }
}

/**
 * Simulated-venue workloads for the storage benchmark, the same with persistence off (a journal
 * that keeps nothing) and on (the SQLite journal through one store writer thread shared by every
 * persisted run, see `withWriter`):
 * - `session`: the venue's built-in agents trading for a number of steps (the real workload:
 *   agents deciding, the venue port, events, the pipeline), yielding to the event loop every 10
 *   steps as the running venue does between timer ticks, timed until everything is committed;
 * - `pipeline`: a recorded session's engine commands replayed straight through the command
 *   pipeline (engine + bookkeeping + journal), the cheapest path, so persistence weighs most.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingsSchema } from '../../src-main/config/settings';
import { Engine, type EngineCommand } from '../../src-main/core/engine';
import { ManualClock, ManualTimers, silentLogger } from '../../src-main/core/ports';
import { AccountBook } from '../../src-main/sim/accounts';
import { simConfig } from '../../src-main/sim/config';
import { MemoryJournal, NullJournal, StoreJournal, type Journal } from '../../src-main/sim/journal';
import { OrderRegistry } from '../../src-main/sim/orders';
import { CommandPipeline } from '../../src-main/sim/pipeline';
import { EventProcessor } from '../../src-main/sim/processor';
import { decimalSource } from '../../src-main/sim/decimal-source';
import { SimRuntime } from '../../src-main/sim/runtime';
import { StoreWriter } from '../../src-main/store/writer/client';
import { SOURCE_WORKER } from '../../test/support/store-worker';
import { instrumentOps, SIM_VENUE } from '../../src-main/sim/rows';
import type { Result } from '../../src-shared/result';
import { cpuSample, cpuSince } from './thread-cpu';

const settings = SettingsSchema.parse({}).sim;

export interface Timed {
  readonly commands: number;
  /** Commands per second, end to end (with persistence: until the last batch committed). */
  readonly rate: number;
  /** Commands per second on the engine's thread alone (the writer thread drains concurrently). */
  readonly engineRate: number;
  /**
   * Commands per second of the engine thread's own CPU time (Linux; null elsewhere): what the
   * thread sustains when it has a core to itself, unlike wall time immune to other processes (and
   * to the writer thread) taking the core away on a busy machine.
   */
  readonly engineCpuRate: number | null;
  /** Share of the engine thread's wall time spent runnable but waiting for a core (Linux), or null. */
  readonly engineWaitShare: number | null;
}

/**
 * One store writer (and data directory) for every persisted run of a comparison, as the app keeps one
 * writer for its whole life: a writer per run would make each run pay the thread's start and the JIT
 * warm-up of its projector's replica, work the app does once. Runs start from a reset venue.
 */
export interface SharedWriter {
  readonly writer: StoreWriter;
  readonly dataDir: string;
}

export async function withWriter<T>(fn: (shared: SharedWriter) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'depthline-bench-sim-'));
  const writer = await StoreWriter.start({ dataDir, script: SOURCE_WORKER, maxPendingOps: 10_000_000 });
  try {
    return await fn({ writer, dataDir });
  } finally {
    await writer.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The agents trading for `steps` steps (seed 42); persistence off (null) or on the shared writer. */
export async function session(steps: number, shared: SharedWriter | null): Promise<Timed> {
  const clock = new ManualClock(1_700_000_000_000, 0);
  const sim = new SimRuntime({
    settings,
    persistence:
      shared === null
        ? { kind: 'memory' }
        : {
            kind: 'sqlite',
            dataDir: shared.dataDir,
            worker: { shared: Promise.resolve(shared.writer) },
            reset: true,
          },
    clock,
    timers: new ManualTimers(),
    log: silentLogger,
    autoRun: false,
  });
  await sim.start();
  await sim.journal.flush();
  sim.port.onEvent(() => {}); // the app always listens (the gateway, the UI's streams)
  const before = sim.pipeline.commands;
  const timed = await measure(
    async () => {
      for (let i = 0; i < steps; i++) {
        clock.advance(settings.stepMs);
        sim.driver.runStep();
        // As on its timer, the venue yields between steps (here every 10): batches go to the writer,
        // commits come back and held events are delivered, as in a running app.
        if (i % 10 === 9) await new Promise((r) => setImmediate(r));
      }
    },
    () => sim.journal.flush(),
    () => sim.pipeline.commands - before,
  );
  await sim.stop();
  return timed;
}

/**
 * Times `run` on this thread (wall, CPU and waiting for a core: the engine thread's figures), then
 * `drain` until what it wrote is durable (the end-to-end figure); `count` says how many commands ran.
 */
async function measure(
  run: () => Promise<void> | void,
  drain: () => Promise<Result<void>>,
  count: () => number,
): Promise<Timed> {
  const cpu = cpuSample();
  const start = process.hrtime.bigint();
  await run();
  const engineSeconds = Number(process.hrtime.bigint() - start) / 1e9;
  const { main: engineCpu, mainWaiting } = cpuSince(cpu);
  const done = await drain();
  if (!done.ok) throw new Error(done.error.message);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const commands = count();
  return {
    commands,
    rate: commands / seconds,
    engineRate: commands / engineSeconds,
    engineCpuRate: engineCpu ? commands / (engineCpu / 1e6) : null,
    engineWaitShare: mainWaiting === null ? null : mainWaiting / 1e6 / engineSeconds,
  };
}

/** The engine commands of a recorded `steps`-step session (setup included). */
export async function recordedCommands(steps: number): Promise<EngineCommand[]> {
  const journal = new MemoryJournal({ keep: true });
  const clock = new ManualClock(1_700_000_000_000, 0);
  const sim = new SimRuntime({
    settings,
    persistence: { kind: 'memory', journal },
    clock,
    timers: new ManualTimers(),
    log: silentLogger,
    autoRun: false,
  });
  await sim.start();
  for (let i = 0; i < steps; i++) {
    clock.advance(settings.stepMs);
    sim.driver.runStep();
  }
  return journal.kept!.flatMap((op) =>
    op.op === 'journal' && !op.kind.startsWith('sim.') ? [JSON.parse(op.body) as EngineCommand] : [],
  );
}

function pipelineOn(journal: Journal): CommandPipeline {
  const config = simConfig(settings);
  const engine = new Engine({ assets: config.genesis.assets, instruments: config.genesis.instruments });
  const decimals = decimalSource(engine);
  const pipeline = new CommandPipeline(
    engine,
    journal,
    new EventProcessor(decimals, new AccountBook(config.valuation), new OrderRegistry()),
  );
  pipeline.onOutput(() => {}); // the venue always listens (events for bots and the UI)
  return pipeline;
}

/** Replays `commands` through a fresh pipeline; persistence off (null) or on the shared writer. */
export async function pipeline(
  commands: readonly EngineCommand[],
  shared: SharedWriter | null,
): Promise<Timed> {
  const execute = (p: CommandPipeline) => () => {
    for (const c of commands) p.execute(c);
  };
  if (shared === null) {
    const journal = new NullJournal();
    return measure(
      execute(pipelineOn(journal)),
      () => journal.flush(),
      () => commands.length,
    );
  }
  const { writer } = shared;
  writer.write({ op: 'resetVenue', venue: SIM_VENUE });
  // The venue's first entry, as the runtime writes it: the writer's projector starts from it.
  const { genesis } = simConfig(settings);
  const p = pipelineOn(new StoreJournal(writer));
  p.append('sim.genesis', 0, genesis, instrumentOps(genesis));
  await writer.flush();
  return measure(
    execute(p),
    () => writer.flush(),
    () => commands.length,
  );
}

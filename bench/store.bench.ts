/**
 * First, the simulated venue with persistence on (journal entries committed through the writer
 * thread, which derives the rows; timed until the last commit) against the same work with
 * persistence off, in the same run: its agents' session (the real workload) and the bare command
 * pipeline (see lib/sim-load.ts).
 *
 * Then storage throughput: fills (one row each; it carries the trade's balance changes) persisted
 * per second, in batches, on the ledger database (WAL, synchronous=FULL): once applied inline on
 * this thread, and once end to end through the StoreWriter and its worker thread (structured clone
 * + group commit included).
 *
 * Last, market history: trade prints stored with their candles, and raw frames of a recording
 * (see lib/history-load.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fitGcToCores } from '../src-main/app/gc-threads';
import { openStoreFiles } from '../src-main/store/open-store';
import { createApplier } from '../src-main/store/writer/apply';
import { StoreWriter } from '../src-main/store/writer/client';
import type { WriteOp } from '../src-main/store/writer/ops';
import { fillOp, ledgerSetup } from '../test/support/ledger-fixtures';
import { SOURCE_WORKER } from '../test/support/store-worker';
import { median, report } from './lib/report';
import { framesPerSecond, printsPerSecond } from './lib/history-load';
import { pipeline, recordedCommands, session, withWriter, type Timed } from './lib/sim-load';

// The app's services run as the app's boot sets them up: on a machine with no more cores than the
// process's busy threads, single-threaded scavenges (src-main/app/gc-threads.ts).
const scavenges = fitGcToCores();
report({
  name: 'store.env.single_threaded_scavenges',
  value: scavenges === 'single-threaded' ? 1 : 0,
  unit: 'bool',
});

const BATCH = 10_000;
const FILLS_PER_RUN = 200_000;
/** Simulated-venue comparisons: steps per session, alternating off/on runs (medians of RUNS). */
const STEPS = 6000;
const RUNS = 11;

function inline(): number[] {
  const results: number[] = [];
  for (let run = 0; run < 5; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'depthline-bench-store-'));
    const files = openStoreFiles(dir);
    const applier = createApplier(files.ledger, files.market);
    applier.apply(ledgerSetup());
    const batches: WriteOp[][] = [];
    for (let b = 0; b < FILLS_PER_RUN / BATCH; b++) {
      batches.push(Array.from({ length: BATCH }, (_, i) => fillOp(b * BATCH + i + 1)));
    }
    const start = process.hrtime.bigint();
    for (const batch of batches) applier.apply(batch);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    results.push(FILLS_PER_RUN / seconds);
    files.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

async function throughWriter(): Promise<number[]> {
  const results: number[] = [];
  for (let run = 0; run < 5; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'depthline-bench-store-'));
    const writer = await StoreWriter.start({ dataDir: dir, script: SOURCE_WORKER, maxPendingOps: 1_000_000 });
    writer.write(ledgerSetup());
    await writer.flush();
    const fills = Array.from({ length: FILLS_PER_RUN }, (_, i) => fillOp(i + 1));
    const start = process.hrtime.bigint();
    for (let i = 0; i < fills.length; i += BATCH) writer.write(fills.slice(i, i + BATCH));
    const done = await writer.flush();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (!done.ok) throw new Error(done.error.message);
    results.push(FILLS_PER_RUN / seconds);
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

/**
 * Alternating off/on runs so machine noise hits both alike; medians. Figures: persistence off, on
 * as the engine's thread sees it (journal entries handed to the writer thread, which derives the
 * rows and commits concurrently), and on end to end (until the last batch is committed: durable).
 * The `_cpu` pair divides by the engine thread's own CPU time instead of wall time: what the thread
 * sustains with a core of its own, which wall time on a shared 2-core machine (the writer thread
 * and other processes taking turns on the engine's core) does not show; `_waiting` is the share of
 * wall time the engine thread waited for a core.
 */
async function compare(name: string, off: () => Promise<Timed>, on: () => Promise<Timed>) {
  const offRates: number[] = [];
  const offCpuRates: number[] = [];
  const engineRates: number[] = [];
  const engineCpuRates: number[] = [];
  const durableRates: number[] = [];
  const waitShares: { off: number[]; on: number[] } = { off: [], on: [] };
  await off(); // warm-up
  await on();
  for (let run = 0; run < RUNS; run++) {
    const base = await off();
    offRates.push(base.rate);
    if (base.engineCpuRate) offCpuRates.push(base.engineCpuRate);
    if (base.engineWaitShare !== null) waitShares.off.push(base.engineWaitShare);
    const timed = await on();
    engineRates.push(timed.engineRate);
    if (timed.engineCpuRate) engineCpuRates.push(timed.engineCpuRate);
    if (timed.engineWaitShare !== null) waitShares.on.push(timed.engineWaitShare);
    durableRates.push(timed.rate);
  }
  const base = median(offRates);
  report({ name: `${name}.persistence_off`, value: base, unit: 'commands/s', runs: RUNS });
  for (const [suffix, rates] of [
    ['persistence_on.engine_thread', engineRates],
    ['persistence_on.durable', durableRates],
  ] as const) {
    const value = median(rates);
    report({
      name: `${name}.${suffix}`,
      value,
      unit: 'commands/s',
      runs: RUNS,
      peer: 'persistence off',
      ratio: value / base,
    });
  }
  if (offCpuRates.length && engineCpuRates.length) {
    const cpuBase = median(offCpuRates);
    const value = median(engineCpuRates);
    report({ name: `${name}.persistence_off_cpu`, value: cpuBase, unit: 'commands/cpu-s', runs: RUNS });
    report({
      name: `${name}.persistence_on.engine_thread_cpu`,
      value,
      unit: 'commands/cpu-s',
      runs: RUNS,
      peer: 'persistence off',
      ratio: value / cpuBase,
    });
  }
  // How much of the engine thread's wall time it was ready to run but had no core (the writer
  // thread, GC helpers and other processes holding both): what separates the wall and CPU figures.
  for (const mode of ['off', 'on'] as const) {
    if (waitShares[mode].length === 0) continue;
    report({
      name: `${name}.persistence_${mode}.engine_thread_waiting`,
      value: median(waitShares[mode]),
      unit: 'share of wall time',
      runs: RUNS,
    });
  }
}

// The comparisons run first, on a fresh heap: the fills benchmarks below build hundreds of thousands
// of ops, and the old generation they leave behind would be collected during the simulated sessions.
await withWriter(async (shared) => {
  await compare(
    'store.sim_session',
    () => session(STEPS, null),
    () => session(STEPS, shared),
  );
  const commands = await recordedCommands(STEPS);
  await compare(
    'store.sim_pipeline',
    () => pipeline(commands, null),
    () => pipeline(commands, shared),
  );
});

const inlineRates = inline();
report({
  name: 'store.fills_persisted.inline',
  value: median(inlineRates),
  unit: 'fills/s',
  runs: inlineRates.length,
});
const writerRates = await throughWriter();
report({
  name: 'store.fills_persisted.writer_thread',
  value: median(writerRates),
  unit: 'fills/s',
  runs: writerRates.length,
});

const printRates: number[] = [];
const frameRates: number[] = [];
for (let run = 0; run < 5; run++) {
  printRates.push(await printsPerSecond(100_000));
  frameRates.push(await framesPerSecond(200_000));
}
report({
  name: 'store.market_history.prints_with_candles',
  value: median(printRates),
  unit: 'prints/s',
  runs: 5,
});
report({ name: 'store.recording.raw_frames', value: median(frameRates), unit: 'frames/s', runs: 5 });

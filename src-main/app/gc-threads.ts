/**
 * V8 collects the young generation with helper threads (parallel scavenge). This process already
 * keeps two threads busy, the event loop (engine, venue, gateway) and the store writer; on a
 * machine with no more cores than that, the helpers can only take turns with them. Measured on 2
 * cores (bench:store, simulated venue with persistence on): the engine thread was ready to run but
 * had no core for about 10 % of its wall time, about 1 % with single-threaded scavenges, and
 * throughput with persistence off did not drop. With more cores V8's default stays.
 *
 * The flag is read at every scavenge, so setting it at start-up (before the services allocate)
 * takes effect for the main thread and the writer thread alike.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';

/** Threads the process keeps busy under load: the event loop and the store writer. */
export const BUSY_THREADS = 2;

export type ScavengeMode = 'parallel' | 'single-threaded';

/** Chooses the scavenge mode for `cores` and applies it; returns what was chosen. */
export function fitGcToCores(cores: number = availableParallelism()): ScavengeMode {
  if (cores > BUSY_THREADS) return 'parallel';
  setFlagsFromString('--no-parallel-scavenge');
  return 'single-threaded';
}

/**
 * CPU time of this process, split into the main thread (event loop: gateway, venue, engine) and
 * every other thread (the store writer's SQLite thread, GC helpers, libuv). On Linux the main
 * thread's time comes from /proc/self/task/<tid>/schedstat (nanoseconds on a CPU, and nanoseconds
 * runnable but waiting for one: other threads and processes holding the cores), its kernel share
 * from .../stat (utime/stime, in 10 ms ticks: too coarse for a sub-second run's total, fine for a
 * share). Elsewhere only the total is known (`main` is then null).
 */
import { readFileSync } from 'node:fs';

export interface CpuSample {
  /** Microseconds of CPU of the whole process (all threads). */
  readonly total: number;
  /** Microseconds of CPU of the main thread, or null off Linux. */
  readonly main: number | null;
  /** ... of which in the kernel (system calls: socket writes and reads). */
  readonly mainSystem: number | null;
  /** Microseconds the main thread was ready to run but waited for a core, or null. */
  readonly mainWaiting: number | null;
}

const TICK_US = 10_000;

export function cpuSample(): CpuSample {
  const usage = process.cpuUsage();
  const ticks = mainThreadTicks();
  const sched = mainThreadSchedstat();
  return {
    total: usage.user + usage.system,
    main: sched?.[0] ?? ticks?.[0] ?? null,
    mainSystem: ticks?.[1] ?? null,
    mainWaiting: sched?.[1] ?? null,
  };
}

function mainThreadTicks(): [number, number] | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are fields 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const user = Number(fields[11]) * TICK_US;
    const system = Number(fields[12]) * TICK_US;
    return [user + system, system];
  } catch {
    return null;
  }
}

/** [on a CPU, waiting for one], in microseconds; null where schedstat is missing or disabled. */
function mainThreadSchedstat(): [number, number] | null {
  try {
    const [running, waiting] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8')
      .split(' ')
      .map(Number);
    return running ? [running / 1000, waiting! / 1000] : null;
  } catch {
    return null;
  }
}

/** CPU used between two samples. */
export function cpuSince(start: CpuSample, end: CpuSample = cpuSample()): CpuSample {
  const diff = (a: number | null, b: number | null) => (a === null || b === null ? null : b - a);
  return {
    total: end.total - start.total,
    main: diff(start.main, end.main),
    mainSystem: diff(start.mainSystem, end.mainSystem),
    mainWaiting: diff(start.mainWaiting, end.mainWaiting),
  };
}

/**
 * CPU time of this process, split into the main thread (event loop: gateway, venue, engine) and
 * every other thread (the store writer's SQLite thread, GC helpers, libuv), from Linux's
 * /proc/self/task/<tid>/stat (utime + stime, in clock ticks of 10 ms). Elsewhere only the total is
 * known (`main` is then null).
 */
import { readFileSync } from 'node:fs';

export interface CpuSample {
  /** Microseconds of CPU of the whole process (all threads). */
  readonly total: number;
  /** Microseconds of CPU of the main thread, or null off Linux. */
  readonly main: number | null;
  /** ... of which in the kernel (system calls: socket writes and reads). */
  readonly mainSystem: number | null;
}

const TICK_US = 10_000;

export function cpuSample(): CpuSample {
  const usage = process.cpuUsage();
  const main = mainThreadMicros();
  return { total: usage.user + usage.system, main: main?.[0] ?? null, mainSystem: main?.[1] ?? null };
}

function mainThreadMicros(): [number, number] | null {
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

/** CPU used between two samples. */
export function cpuSince(start: CpuSample, end: CpuSample = cpuSample()): CpuSample {
  return {
    total: end.total - start.total,
    main: start.main === null || end.main === null ? null : end.main - start.main,
    mainSystem:
      start.mainSystem === null || end.mainSystem === null ? null : end.mainSystem - start.mainSystem,
  };
}

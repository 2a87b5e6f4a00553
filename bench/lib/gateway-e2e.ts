/**
 * One end-to-end gateway run: N bots (a forked child process, see gateway-bots.mjs) against a
 * target (gateway-targets.ts) for a fixed time. Returns the bots' counts and sorted ack latencies,
 * the target's broken invariants, and this (server) process's memory and CPU over the run; the
 * bots' own memory and CPU are in their process, so the figures are the server's alone.
 */
import { fork } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { BenchTarget } from './gateway-targets';
import { cpuSample, cpuSince, type CpuSample } from './thread-cpu';

export interface RunOptions {
  readonly mode: 'max' | 'paced';
  readonly flow: 'ioc' | 'rest';
  readonly bots: number;
  /** Paced mode: orders per second per bot. */
  readonly ratePerBot: number;
  readonly durationMs: number;
  /** Load before the measured window (default WARMUP_MS): the fresh bots' process warms up. */
  readonly warmupMs?: number;
  /** Orders in flight per bot (max mode). */
  readonly window?: number;
}

export interface BotReport {
  /** Seconds of the measured window (after the warm-up). */
  readonly elapsed: number;
  /** Orders acknowledged during the window. */
  readonly ordersInWindow: number;
  /** The bots' process CPU per wall second in the window. */
  readonly botCpuShare: number;
  readonly sentOrders: number;
  readonly ackedOrders: number;
  readonly ackedByAgent: Record<string, number>;
  readonly sentCancels: number;
  readonly ackedCancels: number;
  readonly errors: number;
  readonly errorCodes: Record<string, number>;
  readonly duplicateAcks: number;
  readonly unmatchedAcks: number;
  readonly unanswered: number;
  readonly closed: number[];
  readonly latencies: Float64Array;
}

export interface RunResult extends BotReport {
  readonly sorted: Float64Array;
  /** Messages lost: requests never answered, acks without their push (or the reverse), drops. */
  readonly lost: number;
  readonly invariants: string[];
  readonly rssGrowth: number;
  readonly heapGrowth: number;
  /** Server CPU (this process, all threads) per wall second during the window. */
  readonly cpuShare: number;
  /** The server's event-loop delay p99 (ms) during the window: how late it was to run at all. */
  readonly eventLoopDelayP99: number;
  /** Server CPU (all threads) per acknowledged order, in microseconds. */
  readonly serverUsPerOrder: number;
  /** ... of which the main thread (gateway, venue, engine); null off Linux. */
  readonly mainUsPerOrder: number | null;
  /** ... of the main thread's, in the kernel (socket system calls). */
  readonly mainSystemUsPerOrder: number | null;
  /** The bots' CPU per acknowledged order. */
  readonly botUsPerOrder: number;
}

/** A forked bots' process runs unoptimized code for its first few hundred milliseconds. */
export const WARMUP_MS = 500;

let runs = 0;

export async function runBots(target: BenchTarget, options: RunOptions): Promise<RunResult> {
  global.gc?.();
  const before = process.memoryUsage();
  const child = fork(fileURLToPath(new URL('./gateway-bots.mjs', import.meta.url)), [], {
    serialization: 'advanced',
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let cpuStart = cpuSample();
  let wallStart = performance.now();
  let window: { cpu: CpuSample; wall: number; lagP99: number } | null = null;
  const lag = monitorEventLoopDelay({ resolution: 1 });
  const report = new Promise<BotReport>((resolve, reject) => {
    child.on('message', (message: { t: string } & BotReport) => {
      if (message.t === 'started') {
        cpuStart = cpuSample();
        wallStart = performance.now();
        lag.enable();
      } else if (message.t === 'window_end') {
        lag.disable();
        const lagP99 = lag.percentile(99) / 1e6;
        window = { cpu: cpuSince(cpuStart), wall: (performance.now() - wallStart) / 1000, lagP99 };
      } else if (message.t === 'report') {
        resolve(message);
      }
    });
    child.once('exit', (code) => reject(new Error(`bench bots exited with ${code}`)));
  });
  child.send({
    url: target.url,
    token: target.token,
    capital: target.capital,
    namePrefix: `bench${runs++}`,
    window: options.window ?? 8,
    warmupMs: options.warmupMs ?? WARMUP_MS,
    ...options,
  });
  const result = await report;
  if (!window) throw new Error('the bots never reported the end of their window');
  const { cpu, wall, lagP99 } = window as { cpu: CpuSample; wall: number; lagP99: number };
  await new Promise((r) => child.once('exit', r));
  const invariants = await target.check({
    ackedOrders: result.ackedOrders,
    ackedByAgent: result.ackedByAgent,
  });
  if (result.duplicateAcks > 0) invariants.push(`${result.duplicateAcks} order ids acknowledged twice`);
  global.gc?.();
  const after = process.memoryUsage();
  const sorted = Float64Array.from(result.latencies).sort();
  return {
    ...result,
    sorted,
    lost: result.unanswered + result.unmatchedAcks + result.closed.length,
    invariants,
    rssGrowth: after.rss - before.rss,
    heapGrowth: after.heapUsed - before.heapUsed,
    cpuShare: cpu.total / 1e6 / wall,
    eventLoopDelayP99: lagP99,
    serverUsPerOrder: cpu.total / Math.max(1, result.ordersInWindow),
    mainSystemUsPerOrder:
      cpu.mainSystem === null ? null : cpu.mainSystem / Math.max(1, result.ordersInWindow),
    mainUsPerOrder: cpu.main === null ? null : cpu.main / Math.max(1, result.ordersInWindow),
    botUsPerOrder: (result.botCpuShare * result.elapsed * 1e6) / Math.max(1, result.ordersInWindow),
  };
}

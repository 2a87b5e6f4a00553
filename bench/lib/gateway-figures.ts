/**
 * The end-to-end figures of bench:gateway for one target (see gateway-targets.ts): N bots on
 * loopback for a fixed time, medians of several runs (this machine is shared and noisy):
 * - saturation (`max`: 8 IOC orders in flight per bot): orders/s, ack latency p50/p99;
 * - open loop at 10,000 orders/s (`paced`), and at a light 1,000 orders/s: ack latency p50/p99
 *   and the server's event-loop delay p99 (how late the server itself was to run);
 * - resting orders canceled by the bots (two requests per order): requests/s;
 * - what limits it: server CPU per order (all threads, and the main thread alone: gateway, venue,
 *   engine), the bots' CPU per order, and the main thread's ceiling on one dedicated core;
 * - messages lost, invariant violations (the target's own checks), memory growth.
 * Throws if a message was lost or an invariant broke: those are bugs, not noise.
 */
import { runBots, type RunOptions, type RunResult } from './gateway-e2e';
import type { BenchTarget } from './gateway-targets';
import { median, percentile, report } from './report';

export interface FigureOptions {
  readonly bots: number;
  readonly runs: number;
  readonly saturationMs: number;
  readonly pacedMs: number;
  readonly pacedRate: number;
  /** A second, light open-loop rate: the latency floor when nothing queues (durable acks: fsync). */
  readonly lightRate: number;
}

export const DEFAULT_FIGURES: FigureOptions = {
  bots: 16,
  runs: 3,
  saturationMs: 3000,
  pacedMs: 4000,
  pacedRate: 10_000,
  lightRate: 1_000,
};

export async function targetFigures(target: BenchTarget, o: FigureOptions = DEFAULT_FIGURES): Promise<void> {
  const prefix = `gateway.${target.name}`;
  const all: RunResult[] = [];
  const repeat = async (options: RunOptions): Promise<RunResult[]> => {
    const results: RunResult[] = [];
    for (let i = 0; i < o.runs; i++) results.push(await runBots(target, options));
    all.push(...results);
    return results;
  };
  const figure = (name: string, results: RunResult[], value: (r: RunResult) => number, unit: string) =>
    report({ name: `${prefix}.${name}`, value: median(results.map(value)), unit, runs: results.length });

  const max = await repeat({
    mode: 'max',
    flow: 'ioc',
    bots: o.bots,
    ratePerBot: 0,
    durationMs: o.saturationMs,
  });
  figure('orders_per_s', max, (r) => r.ordersInWindow / r.elapsed, 'orders/s');
  figure('saturated_ack_p50', max, (r) => percentile(r.sorted, 50), 'ms');
  figure('saturated_ack_p99', max, (r) => percentile(r.sorted, 99), 'ms');
  figure('server_cpu_per_order', max, (r) => r.serverUsPerOrder, 'us');
  if (max.every((r) => r.mainUsPerOrder !== null)) {
    figure('main_thread_cpu_per_order', max, (r) => r.mainUsPerOrder!, 'us');
    figure('main_thread_ceiling', max, (r) => 1e6 / r.mainUsPerOrder!, 'orders/s');
  }
  figure('bots_cpu_per_order', max, (r) => r.botUsPerOrder, 'us');
  figure('server_cpu_share_saturated', max, (r) => r.cpuShare, 'cores');

  for (const [rate, label] of [
    [o.pacedRate, '10k'],
    [o.lightRate, '1k'],
  ] as const) {
    const paced = await repeat({
      mode: 'paced',
      flow: 'ioc',
      bots: o.bots,
      ratePerBot: rate / o.bots,
      durationMs: o.pacedMs,
    });
    figure(`paced_orders_per_s_at_${label}`, paced, (r) => r.ordersInWindow / r.elapsed, 'orders/s');
    figure(`ack_p50_at_${label}`, paced, (r) => percentile(r.sorted, 50), 'ms');
    figure(`ack_p99_at_${label}`, paced, (r) => percentile(r.sorted, 99), 'ms');
    figure(`event_loop_delay_p99_at_${label}`, paced, (r) => r.eventLoopDelayP99, 'ms');
  }

  const rest = await runBots(target, {
    mode: 'max',
    flow: 'rest',
    bots: o.bots,
    ratePerBot: 0,
    durationMs: o.saturationMs,
  });
  all.push(rest);
  report({
    name: `${prefix}.rest_and_cancel_requests_per_s`,
    value: (rest.ordersInWindow * 2) / rest.elapsed,
    unit: 'req/s',
  });

  const lost = all.reduce((n, r) => n + r.lost, 0);
  const violations = all.flatMap((r) => r.invariants);
  const errors = all.reduce((n, r) => n + r.errors, 0);
  report({ name: `${prefix}.messages_lost`, value: lost, unit: 'messages', runs: all.length });
  report({
    name: `${prefix}.invariant_violations`,
    value: violations.length,
    unit: 'violations',
    runs: all.length,
  });
  report({ name: `${prefix}.error_answers`, value: errors, unit: 'errors', runs: all.length });
  report({
    name: `${prefix}.rss_growth_max`,
    value: Math.max(...all.map((r) => r.rssGrowth)) / 2 ** 20,
    unit: 'MiB',
    runs: all.length,
  });
  report({
    name: `${prefix}.heap_growth_max`,
    value: Math.max(...all.map((r) => r.heapGrowth)) / 2 ** 20,
    unit: 'MiB',
    runs: all.length,
  });
  if (lost > 0 || violations.length > 0) {
    throw new Error(`${target.name}: ${lost} messages lost; invariants: ${JSON.stringify(violations)}`);
  }
  if (errors > 0) {
    const codes = all.map((r) => r.errorCodes);
    process.stderr.write(`${target.name}: error answers ${JSON.stringify(codes)}\n`);
  }
}

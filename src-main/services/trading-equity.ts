/**
 * Equity curves: every `intervalMs` (default 5 s) the equity of the user and of every agent on every
 * trading venue is sampled and appended to a bounded series per (venue, agent). Listeners hear each
 * new point. Equity is the venue's own valuation (cash + holdings at marks), a decimal string.
 */
import type { EquityPoint } from '../../src-shared/contract';
import type { Clock, Disposer, Timers } from '../core/ports';
import type { TradingRegistry } from './trading-registry';

type Listener = (point: EquityPoint) => void;

export class EquitySampler {
  private readonly series = new Map<string, EquityPoint[]>();
  private readonly listeners = new Map<string, Set<Listener>>();
  private stop: Disposer | null = null;

  constructor(
    private readonly registry: TradingRegistry,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly intervalMs = 5000,
    private readonly kept = 720,
  ) {}

  start(): void {
    this.stop ??= this.timers.every(this.intervalMs, () => this.sample());
  }

  dispose(): void {
    this.stop?.();
    this.stop = null;
  }

  sample(): void {
    const time = this.clock.now();
    for (const entry of this.registry.values()) {
      const user = entry.userAgentId();
      if (user === null) continue;
      const mine = entry.port.portfolio(user);
      if (mine.ok) this.add(entry.venueId, user, { time, equity: mine.value.equity });
      for (const agent of entry.port.agents())
        this.add(entry.venueId, agent.agentId, { time, equity: agent.equity });
    }
  }

  points(venue: string, agentId: string): EquityPoint[] {
    return [...(this.series.get(keyOf(venue, agentId)) ?? [])];
  }

  listen(venue: string, agentId: string, listener: Listener): Disposer {
    const key = keyOf(venue, agentId);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  private add(venue: string, agentId: string, point: EquityPoint): void {
    const key = keyOf(venue, agentId);
    let list = this.series.get(key);
    if (!list) this.series.set(key, (list = []));
    list.push(point);
    if (list.length > this.kept) list.splice(0, list.length - this.kept);
    for (const listener of this.listeners.get(key) ?? []) listener(point);
  }
}

function keyOf(venue: string, agentId: string): string {
  return `${venue}|${agentId}`;
}

/**
 * The gateway's lifecycle inside the app: started by the composition root, observable while it
 * starts, runs or fails (a port in use must not take the whole app down), stopped on shutdown.
 * Also the one place that merges the venue's agents (PnL) with the gateway's view of them
 * (connected, paused) for the UI, and tells listeners when that list may have changed.
 *
 * Disconnecting from the UI cancels the agent's open orders first, then closes its socket with
 * 4001: the user took the bot out of the market, so nothing of it keeps resting unattended. A
 * connection that ends any other way (the bot closed it, the network, heartbeats) keeps its orders,
 * as on most venues; the bot gets them back by registering the same name again.
 */
import type { GatewayAgent, GatewayInfo } from '../../src-shared/contract';
import type { Disposer, Timers } from '../core/ports';
import { startGateway, type GatewayOptions, type RunningGateway } from './gateway';

export class GatewayRuntime {
  private status: GatewayInfo['status'] = 'stopped';
  private started: Promise<RunningGateway | null> | null = null;
  private failure: string | null = null;
  private gateway: RunningGateway | null = null;
  private readonly listeners = new Set<() => void>();
  private readonly stops: Disposer[] = [];

  constructor(private readonly options: GatewayOptions) {}

  /** Starts listening; resolves with the running gateway, or null if it failed. Never rejects. */
  start(): Promise<RunningGateway | null> {
    if (this.started) return this.started;
    const options = this.options;
    this.status = 'starting';
    this.stops.push(
      options.venue.onEvent((event) => {
        if (event.kind === 'agents' || event.kind === 'portfolio' || event.kind === 'trade') this.changed();
      }),
    );
    this.started = startGateway(options).then(
      (gateway) => {
        // stop() came first: close what just opened.
        if (this.status === 'stopped') return gateway.close().then(() => null);
        this.gateway = gateway;
        this.status = 'running';
        this.stops.push(gateway.agents.onChange(() => this.changed()));
        this.changed();
        return gateway;
      },
      (cause: unknown) => {
        this.status = 'failed';
        this.failure = cause instanceof Error ? cause.message : String(cause);
        options.log.error('gateway failed to start', { error: this.failure, port: options.port });
        this.changed();
        return null;
      },
    );
    return this.started;
  }

  info(): GatewayInfo {
    const g = this.gateway;
    return {
      status: this.status,
      url: g?.url ?? null,
      port: g?.port ?? null,
      token: g?.token ?? null,
      tokenFile: g?.tokenFile ?? null,
      venue: this.options.venue.venueId,
      trading: this.options.venue.available,
      connections: g?.connectionCount ?? 0,
      error: this.failure,
    };
  }

  agents(): GatewayAgent[] {
    const registry = this.gateway?.agents;
    const rows = new Map<string, GatewayAgent>();
    for (const a of this.options.venue.agents()) {
      const state = registry?.get(a.agentId);
      rows.set(a.agentId, {
        agentId: a.agentId,
        name: a.name,
        kind: a.kind,
        connected: state?.connected ?? false,
        paused: state?.paused ?? false,
        connectedAt: state?.connectedAt ?? null,
        disconnectedAt: state?.disconnectedAt ?? null,
        equity: a.equity,
        pnl: a.pnl,
      });
    }
    for (const state of registry?.list() ?? []) {
      if (rows.has(state.agentId)) continue;
      rows.set(state.agentId, { ...state, kind: 'external', equity: null, pnl: null });
    }
    return [...rows.values()];
  }

  /** False when the gateway never saw that agent (the venue's own agents cannot be paused). */
  setPaused(agentId: string, paused: boolean): boolean {
    return this.gateway?.agents.setPaused(agentId, paused) ?? false;
  }

  /**
   * Cancels the agent's open orders, then closes its connection (4001). `disconnected` is false
   * (and nothing is canceled) when it is not connected; `canceledOrders` is null when the venue
   * refused the cancel (the connection is closed all the same).
   */
  async disconnect(agentId: string): Promise<{ disconnected: boolean; canceledOrders: number | null }> {
    const registry = this.gateway?.agents;
    if (!registry?.isConnected(agentId)) return { disconnected: false, canceledOrders: null };
    // Same turn: the venue applies the cancel before the socket closes, so no order of this
    // connection can slip in between; the answer may come later (once durable).
    const canceled = this.options.venue.cancelAll({ agentId });
    registry.disconnect(agentId);
    const result = await canceled;
    if (!result.ok) {
      this.options.log.warn('orders of a disconnected agent were not canceled', {
        agentId,
        code: result.error.code,
      });
    }
    return { disconnected: true, canceledOrders: result.ok ? result.value.canceled : null };
  }

  knows(agentId: string): boolean {
    return this.gateway?.agents.get(agentId) !== undefined;
  }

  onChange(listener: () => void): Disposer {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async stop(): Promise<void> {
    const inFlight = this.started;
    this.status = 'stopped';
    for (const stop of this.stops.splice(0)) stop();
    const gateway = this.gateway;
    this.gateway = null;
    await gateway?.close();
    await inFlight;
  }

  get timers(): Timers {
    return this.options.timers;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}

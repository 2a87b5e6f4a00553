/**
 * The simulated venue's part of the contract: its status, pausing its built-in agents (and bots,
 * through the gateway's pause), the agents table and the news feed. The agents table merges the
 * venue's view of every account (cash, positions, equity, PnL) with the built-in agents' strategy,
 * pause and fault and the gateway's connection and pause state of external bots; it is rebuilt at
 * most once per `agentsIntervalMs` while anything changes. News arrive as the venue publishes them
 * (once durable).
 */
import type { SimAgentRow, SimNewsItem, SimStatus } from '../../src-shared/contract';
import { NEWS_KEPT_UI } from '../../src-shared/contract';
import type { DecimalString } from '../../src-shared/domain';
import { appError, err, ok } from '../../src-shared/result';
import type { Clock, Disposer, Timers } from '../core/ports';
import type { GatewayRuntime } from '../gateway/runtime';
import type { RequestHandler, StreamOpener } from '../rpc/handlers';
import type { SimNews } from '../sim/market-model';
import type { SimRuntime } from '../sim/runtime';
import { Coalescer } from './market/coalescer';

export interface SimServiceDeps {
  readonly sim: SimRuntime;
  readonly gateway: GatewayRuntime;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly persistence: 'sqlite' | 'memory';
  readonly speed: number;
  readonly agentsIntervalMs?: number;
}

export function newsView(n: SimNews): SimNewsItem {
  return { ...n, symbols: [...n.symbols], sentiment: n.sentiment.toFixed(2) as DecimalString };
}

export function createSimService(deps: SimServiceDeps) {
  const { sim } = deps;

  const status: RequestHandler<'sim.status'> = () => {
    const state = sim.venue.state;
    const genesis = new Map(sim.config.genesis.instruments.map((i) => [i.id, i]));
    const result: SimStatus = {
      status: state.status,
      reason: state.reason,
      seed: sim.seed,
      speed: deps.speed,
      persistence: deps.persistence,
      journalSeq: sim.pipeline.lastSeq,
      step: sim.driver.step,
      instruments: sim.config.specs.map((s) => ({
        ...s,
        makerFee: (genesis.get(s.symbol)?.makerFee ?? '0') as DecimalString,
        takerFee: (genesis.get(s.symbol)?.takerFee ?? '0') as DecimalString,
      })),
      agents: sim.agents.map((a) => ({
        agentId: a.agentId,
        name: a.name,
        strategy: a.strategy,
        paused: a.paused,
      })),
      running: sim.agents.filter((a) => !a.paused).length,
    };
    return ok(result);
  };

  const setAgentPaused: RequestHandler<'sim.setAgentPaused'> = ({ agentId, paused }) => {
    if (sim.setAgentPaused(agentId, paused)) return ok({ agentId, paused });
    if (deps.gateway.knows(agentId)) {
      deps.gateway.setPaused(agentId, paused);
      return ok({ agentId, paused });
    }
    return err(
      appError('NOT_FOUND', `agent ${agentId} is neither a built-in agent nor a bot seen by the gateway`),
    );
  };

  const setAllPaused: RequestHandler<'sim.setAllPaused'> = ({ paused }) => {
    sim.setAllPaused(paused);
    return ok({ paused, agents: sim.agents.length });
  };

  const rows = (): SimAgentRow[] => {
    const venue = sim.venue;
    const builtin = new Map(sim.agents.map((a) => [a.agentId, a]));
    const gateway = new Map(deps.gateway.agents().map((a) => [a.agentId, a]));
    const out: SimAgentRow[] = [];
    for (const account of venue.accountsView()) {
      const id = account.agentId;
      const p = venue.portfolio(id);
      if (!p.ok) continue;
      const agent = builtin.get(id);
      const bot = gateway.get(id);
      const kind = account.kind;
      out.push({
        agentId: id,
        name: account.name,
        kind,
        strategy: agent ? agent.strategy : kind === 'external' ? 'bot' : null,
        paused: agent?.paused ?? bot?.paused ?? false,
        fault: agent?.fault ?? null,
        connected: kind === 'external' ? (bot?.connected ?? false) : null,
        connectionSince:
          kind !== 'external' || !bot ? null : bot.connected ? bot.connectedAt : bot.disconnectedAt,
        cash: p.value.cash,
        positions: p.value.positions
          .filter((x) => x.quantity !== '0')
          .map((x) => ({ symbol: x.symbol, quantity: x.quantity })),
        equity: p.value.equity,
        pnl: p.value.pnl,
      });
    }
    return out;
  };

  const agents: StreamOpener<'sim.agents'> = (_params, emit) => {
    const coalescer = new Coalescer(deps.clock, deps.timers, deps.agentsIntervalMs ?? 1000, () =>
      emit({ agents: rows() }),
    );
    const stops: Disposer[] = [
      sim.port.onEvent((e) => {
        if (e.kind === 'trade' || e.kind === 'agents' || e.kind === 'portfolio') coalescer.poke();
      }),
      deps.gateway.onChange(() => coalescer.poke()),
      deps.timers.every(2000, () => coalescer.poke()),
      () => coalescer.dispose(),
    ];
    return ok({ snapshot: () => ({ agents: rows() }), dispose: () => stops.forEach((s) => s()) });
  };

  const news: StreamOpener<'sim.news'> = (_params, emit) => {
    const stop = sim.port.onEvent((e) => {
      if (e.kind !== 'news') return;
      const item = sim.model.recentNews(NEWS_KEPT_UI).find((n) => n.id === e.item.id);
      if (item) emit({ items: [newsView(item)] });
    });
    return ok({
      snapshot: () => ({ items: sim.model.recentNews(NEWS_KEPT_UI).map(newsView) }),
      dispose: stop,
    });
  };

  return {
    requests: {
      'sim.status': status,
      'sim.setAgentPaused': setAgentPaused,
      'sim.setAllPaused': setAllPaused,
    },
    streams: { 'sim.agents': agents, 'sim.news': news },
  } as const;
}

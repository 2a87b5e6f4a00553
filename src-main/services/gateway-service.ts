/**
 * The gateway's part of the contract: its address and token for the UI, the agents list (merged
 * venue PnL + connection and pause state) as a stream coalesced to at most one update per
 * 500 ms, and the pause / disconnect controls (disconnect cancels the agent's open orders first).
 */
import { appError, err, ok } from '../../src-shared/result';
import type { GatewayRuntime } from '../gateway/runtime';
import type { RequestHandler, StreamOpener } from '../rpc/handlers';

const AGENTS_COALESCE_MS = 500;

export function createGatewayService(runtime: GatewayRuntime) {
  const info: RequestHandler<'gateway.info'> = () => ok(runtime.info());

  const setAgentPaused: RequestHandler<'gateway.setAgentPaused'> = ({ agentId, paused }) => {
    if (!runtime.knows(agentId)) {
      return err(appError('NOT_FOUND', `agent ${agentId} never connected through the gateway`));
    }
    runtime.setPaused(agentId, paused);
    return ok({ agentId, paused });
  };

  const disconnectAgent: RequestHandler<'gateway.disconnectAgent'> = async ({ agentId }) => {
    if (!runtime.knows(agentId)) {
      return err(appError('NOT_FOUND', `agent ${agentId} never connected through the gateway`));
    }
    return ok({ agentId, ...(await runtime.disconnect(agentId)) });
  };

  const agents: StreamOpener<'gateway.agents'> = (_params, emit) => {
    let pending: (() => void) | null = null;
    const stopListening = runtime.onChange(() => {
      pending ??= runtime.timers.after(AGENTS_COALESCE_MS, () => {
        pending = null;
        emit({ agents: runtime.agents() });
      });
    });
    return ok({
      snapshot: () => ({ agents: runtime.agents() }),
      dispose: () => {
        stopListening();
        pending?.();
      },
    });
  };

  return {
    requests: {
      'gateway.info': info,
      'gateway.setAgentPaused': setAgentPaused,
      'gateway.disconnectAgent': disconnectAgent,
    },
    streams: { 'gateway.agents': agents },
  } as const;
}

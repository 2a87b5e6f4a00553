/**
 * The agents' gateway as the UI sees it: where bots connect (URL and token, so the user can hand
 * them to a bot), every agent with its connection state and PnL, and the user's controls: pause an
 * agent (its new orders are refused with AGENT_PAUSED; cancels still work) or disconnect it (its
 * open orders are canceled, then its socket is closed with code 4001; the bot may reconnect).
 */
import { z } from 'zod';
import { DecimalStringSchema } from '../domain';
import { replaceWithDelta, request, stream } from './define';

export const GatewayStatusSchema = z.enum(['starting', 'running', 'failed', 'stopped']);

export const GatewayInfoSchema = z.object({
  status: GatewayStatusSchema,
  /** e.g. ws://127.0.0.1:7421/ ; null until the port is bound. */
  url: z.string().nullable(),
  port: z.number().int().min(0).max(65535).nullable(),
  /** The per-start bearer token (also in tokenFile, mode 0600). */
  token: z.string().nullable(),
  tokenFile: z.string().nullable(),
  venue: z.string(),
  /** False while no trading venue is wired in: bots then get UNAVAILABLE for trading messages. */
  trading: z.boolean(),
  connections: z.number().int().nonnegative(),
  /** Why the gateway is not running (status failed), e.g. the port is in use. */
  error: z.string().nullable(),
});
export type GatewayInfo = z.infer<typeof GatewayInfoSchema>;

export const GatewayAgentSchema = z.object({
  agentId: z.string(),
  name: z.string(),
  /** external = a bot registered through the gateway; builtin = one of the venue's own agents. */
  kind: z.enum(['external', 'builtin']),
  connected: z.boolean(),
  paused: z.boolean(),
  connectedAt: z.number().int().nonnegative().nullable(),
  /** When the last connection ended; null while the first one lasts or never existed. */
  disconnectedAt: z.number().int().nonnegative().nullable(),
  equity: DecimalStringSchema.nullable(),
  pnl: DecimalStringSchema.nullable(),
});
export type GatewayAgent = z.infer<typeof GatewayAgentSchema>;

const AgentsSchema = z.object({ agents: z.array(GatewayAgentSchema) });
const AgentIdInput = z.string().min(1).max(64);

export const gatewayRequests = {
  'gateway.info': request({
    summary: 'Where bots connect (URL, token, token file) and whether trading is available',
    input: z.object({}).strict(),
    output: GatewayInfoSchema,
  }),
  'gateway.setAgentPaused': request({
    summary: 'Pause or resume an agent: while paused its new orders are refused with AGENT_PAUSED',
    input: z.object({ agentId: AgentIdInput, paused: z.boolean() }).strict(),
    output: z.object({ agentId: z.string(), paused: z.boolean() }),
  }),
  'gateway.disconnectAgent': request({
    summary:
      "Cancel an agent's open orders and close its connection with 4001 (it may reconnect; pause it to stop it trading)",
    input: z.object({ agentId: AgentIdInput }).strict(),
    output: z.object({
      agentId: z.string(),
      /** False when it was not connected (then nothing was canceled either). */
      disconnected: z.boolean(),
      /** Open orders canceled; null when the venue refused the cancel (e.g. it is stopped). */
      canceledOrders: z.number().int().nonnegative().nullable(),
    }),
  }),
} as const;

export const gatewayStreams = {
  'gateway.agents': stream({
    summary: 'Every agent with connection state, pause state and PnL; the full list on each change',
    params: z.object({}).strict(),
    snapshot: AgentsSchema,
    delta: AgentsSchema,
    reduce: replaceWithDelta,
  }),
} as const;

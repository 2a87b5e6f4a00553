/**
 * The simulated venue as the UI controls it: every agent (the venue's own built-in agents, bots
 * connected through the gateway, and you) with strategy, pause and connection state, cash,
 * positions and PnL; the news feed (history, then each new item); pausing agents one by one or all
 * together; and the venue's status (seed, instruments, running agents, storage). Decimal strings.
 */
import { z } from 'zod';
import { DecimalStringSchema } from '../domain';
import { replaceWithDelta, request, stream } from './define';

export const SimAgentRowSchema = z.object({
  agentId: z.string(),
  name: z.string(),
  kind: z.enum(['user', 'builtin', 'external']),
  /** market-maker, noise, momentum, news; "bot" for external agents; null for you. */
  strategy: z.string().nullable(),
  paused: z.boolean(),
  /** Why a built-in agent stopped itself (it stays paused until resumed). */
  fault: z.string().nullable(),
  /** External agents: connected through the gateway now; null for the others. */
  connected: z.boolean().nullable(),
  /** External agents: since when (epoch ms) they are connected, or disconnected; null otherwise. */
  connectionSince: z.number().int().nonnegative().nullable(),
  cash: DecimalStringSchema,
  positions: z.array(z.object({ symbol: z.string(), quantity: DecimalStringSchema })),
  equity: DecimalStringSchema,
  pnl: DecimalStringSchema,
});
export type SimAgentRow = z.infer<typeof SimAgentRowSchema>;

export const SimNewsSchema = z.object({
  id: z.string(),
  time: z.number().int().nonnegative(),
  headline: z.string(),
  body: z.string(),
  symbols: z.array(z.string()),
  /** -1 (very bad) .. 1 (very good). */
  sentiment: DecimalStringSchema,
});
export type SimNewsItem = z.infer<typeof SimNewsSchema>;

export const SimStatusSchema = z.object({
  status: z.enum(['starting', 'running', 'halted']),
  reason: z.string().nullable(),
  seed: z.number().int().nonnegative(),
  speed: z.number().positive(),
  persistence: z.enum(['sqlite', 'memory']),
  /** Entries in the venue's journal (gapless sequence). */
  journalSeq: z.number().int().nonnegative(),
  step: z.number().int().nonnegative(),
  instruments: z.array(
    z.object({
      symbol: z.string(),
      base: z.string(),
      quote: z.string(),
      tickSize: DecimalStringSchema,
      lotSize: DecimalStringSchema,
      minSize: DecimalStringSchema,
      makerFee: DecimalStringSchema,
      takerFee: DecimalStringSchema,
    }),
  ),
  agents: z.array(
    z.object({ agentId: z.string(), name: z.string(), strategy: z.string(), paused: z.boolean() }),
  ),
  /** Built-in agents trading now (not paused). */
  running: z.number().int().nonnegative(),
});
export type SimStatus = z.infer<typeof SimStatusSchema>;

export const NEWS_KEPT_UI = 200;

export const simRequests = {
  'sim.status': request({
    summary: 'The simulated venue: status, seed, speed, instruments and built-in agents',
    input: z.object({}).strict(),
    output: SimStatusSchema,
  }),
  'sim.setAgentPaused': request({
    summary: 'Pause or resume one agent (built-in, or a bot connected through the gateway)',
    input: z.object({ agentId: z.string().min(1).max(64), paused: z.boolean() }).strict(),
    output: z.object({ agentId: z.string(), paused: z.boolean() }),
  }),
  'sim.setAllPaused': request({
    summary: "Pause or resume all of the venue's built-in agents",
    input: z.object({ paused: z.boolean() }).strict(),
    output: z.object({ paused: z.boolean(), agents: z.number().int().nonnegative() }),
  }),
} as const;

const AgentsSchema = z.object({ agents: z.array(SimAgentRowSchema) });
const NewsSchema = z.object({ items: z.array(SimNewsSchema) });

export const simStreams = {
  'sim.agents': stream({
    summary: 'Every agent of the simulated venue with pause/connection state, cash, positions and PnL',
    params: z.object({}).strict(),
    snapshot: AgentsSchema,
    delta: AgentsSchema,
    reduce: replaceWithDelta,
  }),
  'sim.news': stream({
    summary: 'The simulated news feed: recent items (oldest first), then each new one',
    params: z.object({}).strict(),
    snapshot: NewsSchema,
    delta: NewsSchema,
    reduce: (state, delta) => ({ items: [...state.items, ...delta.items].slice(-NEWS_KEPT_UI) }),
  }),
} as const;

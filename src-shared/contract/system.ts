/** System-level contract: what is running, which venues exist, and the server clock. */
import { z } from 'zod';
import { VenueIdSchema, VenueKindSchema } from '../domain';
import { replaceWithDelta, request, stream } from './define';

export const RuntimeSchema = z.enum(['electron', 'headless']);

export const VenueCapabilitiesSchema = z.object({
  fullDepthStream: z.boolean(),
  bboStream: z.boolean(),
  restDepth: z.boolean(),
  trades: z.boolean(),
});
export type VenueCapabilities = z.infer<typeof VenueCapabilitiesSchema>;

export const VenueStatusSchema = z.enum(['disabled', 'idle', 'connecting', 'live', 'degraded', 'down']);

export const VenueInfoSchema = z.object({
  id: VenueIdSchema,
  name: z.string(),
  kind: VenueKindSchema,
  enabled: z.boolean(),
  capabilities: VenueCapabilitiesSchema,
  status: VenueStatusSchema,
});
export type VenueInfo = z.infer<typeof VenueInfoSchema>;

const ClockSchema = z.object({
  serverTime: z.number().int().nonnegative(),
  uptimeMs: z.number().int().nonnegative(),
});

const NoInput = z.object({}).strict();

export const systemRequests = {
  'system.info': request({
    summary: 'Application name, version, runtime and start time',
    input: NoInput,
    output: z.object({
      app: z.literal('Depthline'),
      version: z.string(),
      runtime: RuntimeSchema,
      startedAt: z.number().int().nonnegative(),
    }),
  }),
  'venues.list': request({
    summary: 'Every venue the terminal knows, with its capabilities and connection status',
    input: NoInput,
    output: z.array(VenueInfoSchema),
  }),
} as const;

export const systemStreams = {
  'system.clock': stream({
    summary: 'The server clock, ticking once a second',
    params: NoInput,
    snapshot: ClockSchema,
    delta: ClockSchema,
    reduce: replaceWithDelta,
  }),
} as const;

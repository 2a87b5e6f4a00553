/**
 * Recording and replay for the UI. Recording: start (with a label) and stop; while it runs, every
 * frame the live venues send is stored raw with its receipt time, and the simulated venue's journal
 * range is noted. Replay: list recordings, load one (its venues appear as `replay:<venue>` and
 * paper venues `paper:replay:<venue>` trade on them), play at 1x, 10x or as fast as possible,
 * pause, seek (0 = the start). The status stream carries both, with a fingerprint of every replayed
 * book (the same recording gives the same fingerprints at the same position, at any speed).
 */
import { z } from 'zod';
import { replaceWithDelta, request, stream } from './define';

const Millis = z.number().int().nonnegative();

export const ReplaySpeedSchema = z.union([z.literal(1), z.literal(10), z.literal('max')]);
export type ReplaySpeedValue = z.infer<typeof ReplaySpeedSchema>;

export const RecordingStatusSchema = z.object({
  recording: z.boolean(),
  id: z.number().int().nullable(),
  label: z.string().nullable(),
  startedTs: Millis.nullable(),
  frames: z.number().int().nonnegative(),
  dropped: z.number().int().nonnegative(),
  venues: z.array(z.string()),
});
export type RecordingStatusView = z.infer<typeof RecordingStatusSchema>;

export const RecordingSummarySchema = z.object({
  id: z.number().int(),
  label: z.string(),
  startedTs: Millis,
  endedTs: Millis.nullable(),
  frames: z.number().int().nonnegative(),
  venues: z.array(z.string()),
  /** Simulated-venue journal entries the recording spans. */
  simEntries: z.number().int().nonnegative(),
});
export type RecordingSummary = z.infer<typeof RecordingSummarySchema>;

export const ReplayStateSchema = z.object({
  loaded: z
    .object({
      id: z.number().int(),
      label: z.string(),
      startedTs: Millis,
      endedTs: Millis.nullable(),
      venues: z.array(z.string()),
      paperVenues: z.array(z.string()),
    })
    .nullable(),
  status: z.enum(['idle', 'paused', 'playing', 'ended', 'failed']),
  speed: ReplaySpeedSchema,
  position: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  time: Millis.nullable(),
  error: z.string().nullable(),
  books: z.array(z.object({ venue: z.string(), symbol: z.string(), status: z.string(), hash: z.string() })),
});
export type ReplayStateView = z.infer<typeof ReplayStateSchema>;

const ReplayStatusSchema = z.object({ recording: RecordingStatusSchema, replay: ReplayStateSchema });
const Empty = z.object({}).strict();

export const replayRequests = {
  'recording.start': request({
    summary: 'Start recording every live venue (raw frames) and the simulated venue (its journal range)',
    input: z.object({ label: z.string().max(80).optional() }).strict(),
    output: RecordingStatusSchema,
  }),
  'recording.stop': request({
    summary: 'Stop the running recording',
    input: Empty,
    output: RecordingStatusSchema,
  }),
  'replay.recordings': request({
    summary: 'Stored recordings, newest first',
    input: Empty,
    output: z.object({ recordings: z.array(RecordingSummarySchema) }),
  }),
  'replay.load': request({
    summary: 'Load a recording for replay (paused at its start); replaces a loaded one',
    input: z.object({ id: z.number().int().positive() }).strict(),
    output: ReplayStateSchema,
  }),
  'replay.play': request({
    summary: 'Play (or resume) the loaded recording at 1x, 10x or as fast as possible',
    input: z.object({ speed: ReplaySpeedSchema }).strict(),
    output: ReplayStateSchema,
  }),
  'replay.pause': request({ summary: 'Pause the replay', input: Empty, output: ReplayStateSchema }),
  'replay.seek': request({
    summary: 'Go to a position of the loaded recording (0 = its start), paused',
    input: z.object({ position: z.number().int().nonnegative().default(0) }).strict(),
    output: ReplayStateSchema,
  }),
  'replay.unload': request({
    summary: 'Close the loaded recording (its replay and paper venues go away)',
    input: Empty,
    output: ReplayStateSchema,
  }),
} as const;

export const replayStreams = {
  'replay.status': stream({
    summary: 'Recording and replay status, at most a few times a second',
    params: Empty,
    snapshot: ReplayStatusSchema,
    delta: ReplayStatusSchema,
    reduce: replaceWithDelta,
  }),
} as const;

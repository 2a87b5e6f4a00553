/**
 * What a recording says about itself (`recordings.meta`, JSON): the live venues it covers and, for
 * the simulated venue, the journal range it spans (entries `fromSeq + 1 .. toSeq` are the engine
 * commands of the session; the journal already holds them, so they are not copied) with the seed and
 * settings the venue ran with, so a replay rebuilds the same engine. Parsed with a schema when read
 * back: the database is a boundary.
 */
import { z } from 'zod';
import { SimSettingsSchema } from '../config/sim-settings';

const Backoff = z.object({
  initialMs: z.number().nonnegative(),
  maxMs: z.number().nonnegative(),
  stableMs: z.number().nonnegative(),
});

/** A connector's book-recovery timings (kit/book-keeper.ts RecoveryOptions). */
const Recovery = z.object({
  quickMs: z.number().nonnegative(),
  quickAttempts: z.number().int().nonnegative(),
  backoff: Backoff,
  quietSnapshotMs: z.number().nonnegative(),
});

export const RecordingMetaSchema = z.object({
  /** Live venues recorded, with the recovery timings their connectors ran (a replay uses the same). */
  venues: z.array(z.object({ venue: z.string(), name: z.string(), recovery: Recovery.optional() })),
  sim: z
    .object({
      fromSeq: z.number().int().nonnegative(),
      /** Null while the recording runs (or when it was cut short by a crash: the journal's end). */
      toSeq: z.number().int().nonnegative().nullable(),
      seed: z.number().int().nonnegative(),
      settings: SimSettingsSchema,
    })
    .nullable(),
  /** Time of the last progress checkpoint while recording (a crash-closed recording ends there). */
  checkpointTs: z.number().int().nonnegative().optional(),
  /** Frames that could not be stored while recording (storage behind or failed). */
  dropped: z.number().int().nonnegative().default(0),
});
export type RecordingMeta = z.infer<typeof RecordingMetaSchema>;

export function parseRecordingMeta(text: string): RecordingMeta | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return 'recording meta is not JSON';
  }
  const parsed = RecordingMetaSchema.safeParse(raw);
  return parsed.success ? parsed.data : `recording meta: ${parsed.error.issues[0]?.message ?? 'invalid'}`;
}

/**
 * The `history` section of settings.json: what the market database keeps (prints, candles, book
 * snapshots), whether a session is recorded from start-up, and how long raw frames and book
 * snapshots are kept. Everything has a default.
 */
import { z } from 'zod';

export const RetentionSchema = z
  .object({
    /** Raw frames of recordings (and recordings that ended) older than this are deleted. */
    rawFramesDays: z.number().positive().max(3650).default(7),
    /** Book snapshots older than this are deleted. */
    bookSnapshotsDays: z.number().positive().max(3650).default(30),
    /** How often retention runs (it also runs at start-up). */
    pruneEveryMin: z.number().positive().max(10_080).default(60),
  })
  .strict();

export const HistorySettingsSchema = z
  .object({
    /** Store trade prints, candles and book snapshots of every venue in market.sqlite. */
    enabled: z.boolean().default(true),
    /** Record a session (raw frames) from start-up, as `--record` does. */
    record: z.boolean().default(false),
    /** A top-N snapshot of every watched live book this often (0 = none). */
    bookSnapshotSec: z.number().int().min(0).max(86_400).default(10),
    /** Levels per side in a book snapshot. */
    bookSnapshotLevels: z.number().int().min(1).max(500).default(20),
    retention: RetentionSchema.default(() => RetentionSchema.parse({})),
  })
  .strict();
export type HistorySettings = z.infer<typeof HistorySettingsSchema>;

export const DEFAULT_HISTORY_SETTINGS: HistorySettings = HistorySettingsSchema.parse({});

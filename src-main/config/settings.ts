/**
 * The settings file, `<data dir>/settings.json`. Parsed by one schema; unknown keys are rejected
 * so a typo is an error, not a silently ignored setting. A missing file means defaults. Settings
 * stay in main: the renderer only ever sees what services choose to expose.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { describeIssues } from '../../src-shared/contract';
import { appError, err, ok, type Result } from '../../src-shared/result';
import { isLoopbackOrigin } from '../net/loopback-policy';
import { DEFAULT_HISTORY_SETTINGS, HistorySettingsSchema } from './history-settings';
import { DEFAULT_PAPER_SETTINGS, PaperSettingsSchema } from './paper-settings';
import { SimSettingsSchema } from './sim-settings';

export const SETTINGS_FILE = 'settings.json';

const VenueSettingsSchema = z
  .object({
    enabled: z.boolean().optional(),
    wsUrl: z.url().optional(),
    restUrl: z.url().optional(),
    symbols: z.array(z.string().min(1).max(48)).max(200).optional(),
  })
  .strict();
export type VenueSettings = z.infer<typeof VenueSettingsSchema>;

export const SettingsSchema = z
  .object({
    logLevel: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    host: z
      .object({ port: z.number().int().min(0).max(65535).default(7420) })
      .strict()
      .default({ port: 7420 }),
    gateway: z
      .object({
        port: z.number().int().min(0).max(65535).default(7421),
        /** Browser pages allowed to connect to the agents' gateway; loopback origins only. */
        allowedOrigins: z
          .array(
            z.string().refine(isLoopbackOrigin, 'must be a loopback origin such as "http://localhost:5173"'),
          )
          .max(32)
          .default([]),
      })
      .strict()
      .default({ port: 7421, allowedOrigins: [] }),
    venues: z.record(z.string().regex(/^[a-z][a-z0-9-]{0,31}$/), VenueSettingsSchema).default({}),
    /** Paper trading on live books: fees, starting balances, queue model (see paper-settings.ts). */
    paper: PaperSettingsSchema.default(DEFAULT_PAPER_SETTINGS),
    /** The simulated venue (see sim-settings.ts). */
    sim: SimSettingsSchema.default(() => SimSettingsSchema.parse({})),
    /** Market history, recording and retention (see history-settings.ts). */
    history: HistorySettingsSchema.default(DEFAULT_HISTORY_SETTINGS),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;

export function defaultSettings(): Settings {
  return SettingsSchema.parse({});
}

export function loadSettings(dataDir: string): Result<Settings> {
  const file = join(dataDir, SETTINGS_FILE);
  if (!existsSync(file)) return ok(defaultSettings());
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    return err(appError('INVALID_INPUT', `${file} is not valid JSON: ${String(cause)}`));
  }
  const parsed = SettingsSchema.safeParse(raw);
  if (!parsed.success) {
    return err(appError('INVALID_INPUT', `${file}: ${describeIssues(parsed.error)}`));
  }
  return ok(parsed.data);
}

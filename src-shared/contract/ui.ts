/**
 * The renderer's own preferences, kept by main in `<data dir>/ui-prefs.json`: the workspace layout
 * (dockview's serialized form, validated by dockview when loaded), the keymap overrides, the
 * linked instrument and panel settings. Stored as given; the renderer owns the meaning.
 */
import { z } from 'zod';
import { InstrumentIdSchema, VenueIdSchema } from '../domain';
import { request } from './define';

export const KeyChordSchema = z.string().max(64);

export const InstrumentSelectionSchema = z
  .object({ venue: VenueIdSchema, symbol: InstrumentIdSchema })
  .strict();
export type InstrumentSelection = z.infer<typeof InstrumentSelectionSchema>;

export const UiPrefsSchema = z
  .object({
    version: z.literal(1),
    layout: z.unknown().nullable(),
    /** action id -> key chord in tinykeys syntax ("Shift+B", "$mod+k"); "" unbinds. */
    keymap: z.record(z.string().regex(/^[a-z][a-zA-Z0-9.]{0,63}$/), KeyChordSchema),
    selection: InstrumentSelectionSchema.nullable(),
    /**
     * Panel settings (grouping, time frame, tape thresholds per instrument, ...), by setting key.
     * The renderer validates each value against its own schema when it reads it.
     */
    panels: z.record(z.string().regex(/^[a-z][a-zA-Z0-9.]{0,63}$/), z.unknown()).optional(),
  })
  .strict();
export type UiPrefs = z.infer<typeof UiPrefsSchema>;

/** Largest serialized prefs document main accepts (a layout is a few KiB). */
export const UI_PREFS_MAX_BYTES = 256 * 1024;

export const uiRequests = {
  'ui.prefs.get': request({
    summary: 'The saved UI preferences (layout, keymap, linked instrument); defaults when none are saved',
    input: z.object({}).strict(),
    output: UiPrefsSchema,
  }),
  'ui.prefs.set': request({
    summary: 'Replace the saved UI preferences',
    input: z.object({ prefs: UiPrefsSchema }).strict(),
    output: z.object({ savedAt: z.number().int().nonnegative() }),
  }),
} as const;

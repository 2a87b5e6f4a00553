/**
 * `<data dir>/ui-prefs.json`: read with schema validation (a broken file falls back to defaults and is
 * kept aside as ui-prefs.json.bad for inspection), written atomically (temp file + rename) so a crash
 * mid-write never leaves half a layout.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UiPrefsSchema, type UiPrefs } from '../../src-shared/contract';

export const UI_PREFS_FILE = 'ui-prefs.json';

export function defaultUiPrefs(): UiPrefs {
  return { version: 1, layout: null, keymap: {}, selection: null };
}

export function readUiPrefs(dataDir: string): { prefs: UiPrefs; problem: string | null } {
  const file = join(dataDir, UI_PREFS_FILE);
  if (!existsSync(file)) return { prefs: defaultUiPrefs(), problem: null };
  try {
    const parsed = UiPrefsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { prefs: parsed.data, problem: null };
    renameSync(file, `${file}.bad`);
    return { prefs: defaultUiPrefs(), problem: `${file} did not match the schema; moved to ${file}.bad` };
  } catch (cause) {
    renameSync(file, `${file}.bad`);
    return {
      prefs: defaultUiPrefs(),
      problem: `${file} was unreadable (${String(cause)}); moved to ${file}.bad`,
    };
  }
}

export function writeUiPrefs(dataDir: string, prefs: UiPrefs): void {
  const file = join(dataDir, UI_PREFS_FILE);
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, JSON.stringify(prefs), { mode: 0o600 });
  renameSync(temp, file);
}

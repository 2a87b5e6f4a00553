/**
 * Typed panel settings kept in the UI preferences (`panels` map): each setting declares its key,
 * a zod schema and a default. A stored value that no longer matches its schema (an older app
 * version, a hand-edited file) reads as the default instead of breaking the panel.
 */
import { useCallback, useMemo } from 'react';
import type { z } from 'zod';
import type { UiPrefs } from '../../../src-shared/contract';
import { usePrefsPart, usePrefsStore } from './PrefsContext';

export interface SettingDef<T> {
  readonly key: string;
  readonly schema: z.ZodType<T>;
  readonly fallback: T;
}

export function defineSetting<T>(key: string, schema: z.ZodType<T>, fallback: T): SettingDef<T> {
  return { key, schema, fallback };
}

export function readSetting<T>(panels: Readonly<Record<string, unknown>> | undefined, def: SettingDef<T>): T {
  const raw = panels?.[def.key];
  if (raw === undefined) return def.fallback;
  const parsed = def.schema.safeParse(raw);
  return parsed.success ? parsed.data : def.fallback;
}

export function usePanelSetting<T>(def: SettingDef<T>): [T, (next: T | ((current: T) => T)) => void] {
  const store = usePrefsStore();
  const raw = usePrefsPart(useCallback((p: UiPrefs) => p.panels?.[def.key], [def]));
  const value = useMemo(() => readSetting({ [def.key]: raw }, def), [raw, def]);
  const set = useCallback(
    (next: T | ((current: T) => T)) =>
      store.update((p) => {
        const current = readSetting(p.panels, def);
        const value = typeof next === 'function' ? (next as (c: T) => T)(current) : next;
        return { ...p, panels: { ...p.panels, [def.key]: value } };
      }),
    [store, def],
  );
  return [value, set];
}

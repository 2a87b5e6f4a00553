/**
 * The linked instrument: one selection for the whole workspace. Every panel that shows an
 * instrument follows it; changing it anywhere (picker, palette, a click in a list) changes it
 * everywhere. Persisted with the UI preferences.
 */
import { useCallback } from 'react';
import type { InstrumentSelection, UiPrefs } from '../../../src-shared/contract';
import { usePrefsPart, usePrefsStore } from '../prefs/PrefsContext';

const selectSelection = (prefs: UiPrefs) => prefs.selection;

export function useSelection(): InstrumentSelection | null {
  return usePrefsPart(selectSelection);
}

export function useSelect(): (selection: InstrumentSelection) => void {
  const store = usePrefsStore();
  return useCallback(
    (selection) => {
      const current = store.current.selection;
      if (current?.venue === selection.venue && current.symbol === selection.symbol) return;
      store.update((p) => ({ ...p, selection }));
    },
    [store],
  );
}

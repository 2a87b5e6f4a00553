/**
 * The linked instrument: one selection for the whole workspace. Every panel that shows an
 * instrument follows it; changing it anywhere (picker, palette, a click in a list) changes it
 * everywhere. Persisted with the UI preferences; until the user picks one, it is the simulated venue's
 * BTC-USD (alive on first launch, no network needed).
 */
import { useCallback } from 'react';
import type { InstrumentSelection, UiPrefs } from '../../../src-shared/contract';
import { usePrefsPart, usePrefsStore } from '../prefs/PrefsContext';

const selectSelection = (prefs: UiPrefs) => prefs.selection;

/** The instrument panels follow when nothing was chosen yet: the simulated venue's BTC-USD. */
export const DEFAULT_SELECTION = { venue: 'sim', symbol: 'BTC-USD' } as InstrumentSelection;

/** What the user chose, or null before the first choice. */
export function useChosenSelection(): InstrumentSelection | null {
  return usePrefsPart(selectSelection);
}

export function useSelection(): InstrumentSelection {
  return usePrefsPart(selectSelection) ?? DEFAULT_SELECTION;
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

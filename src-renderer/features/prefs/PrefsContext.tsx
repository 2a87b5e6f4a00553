/** React access to the preferences store. */
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { UiPrefs } from '../../../src-shared/contract';
import type { PrefsStore } from './prefs-store';

export const PrefsContext = createContext<PrefsStore | null>(null);

export function usePrefsStore(): PrefsStore {
  const store = useContext(PrefsContext);
  if (!store) throw new Error('usePrefsStore outside <PrefsContext.Provider>');
  return store;
}

export function usePrefs(): UiPrefs {
  const store = usePrefsStore();
  return useSyncExternalStore(store.subscribe, () => store.current);
}

/**
 * One part of the preferences; the caller re-renders only when that part changes. The selector
 * must return a value already in the preferences (not a new object), so unchanged parts compare
 * equal and a grouping change does not redraw every panel.
 */
export function usePrefsPart<T>(select: (prefs: UiPrefs) => T): T {
  const store = usePrefsStore();
  return useSyncExternalStore(store.subscribe, () => select(store.current));
}

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

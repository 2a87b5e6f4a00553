/**
 * Hotkeys for the whole window: the action registry, the effective keymap (defaults + the user's
 * saved overrides) bound with tinykeys, the command palette and the cheat sheet. Keys typed into
 * inputs are left alone, except that Escape still closes overlays.
 */
import {
  createContext,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { tinykeys } from 'tinykeys';
import type { UiPrefs } from '../../../src-shared/contract';
import { usePrefsPart } from '../prefs/PrefsContext';
import { ActionRegistry, type Action } from './action-registry';
import { effectiveBindings, type Binding } from './keymap';

const selectKeymap = (prefs: UiPrefs) => prefs.keymap;

export const IS_MAC = typeof navigator === 'object' && /Mac|iPhone|iPad/.test(navigator.platform);

interface HotkeysApi {
  readonly registry: ActionRegistry;
  readonly overlay: 'none' | 'palette' | 'cheatsheet';
  setOverlay(overlay: 'none' | 'palette' | 'cheatsheet'): void;
}

const HotkeysContext = createContext<HotkeysApi | null>(null);

export function useHotkeys(): HotkeysApi {
  const api = useContext(HotkeysContext);
  if (!api) throw new Error('useHotkeys outside <HotkeysProvider>');
  return api;
}

/** Registers actions while the calling component is mounted. */
export function useActions(actions: readonly Action[]): void {
  const { registry } = useHotkeys();
  useEffect(() => registry.register(actions), [registry, actions]);
}

export function useBindings(): Binding[] {
  const { registry } = useHotkeys();
  const actions = useSyncExternalStore(registry.subscribe, registry.list);
  const keymap = usePrefsPart(selectKeymap);
  return useMemo(() => effectiveBindings(actions, keymap, IS_MAC), [actions, keymap]);
}

export function HotkeysProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new ActionRegistry());
  const [overlay, setOverlay] = useState<HotkeysApi['overlay']>('none');
  const api = useMemo(() => ({ registry, overlay, setOverlay }), [registry, overlay]);
  return (
    <HotkeysContext.Provider value={api}>
      <GlobalActions />
      <KeyBinder />
      {children}
    </HotkeysContext.Provider>
  );
}

function GlobalActions() {
  const { setOverlay } = useHotkeys();
  const actions = useMemo<Action[]>(
    () => [
      {
        id: 'app.commandPalette',
        title: 'Command palette',
        group: 'General',
        defaultKeys: '$mod+k',
        run: () => setOverlay('palette'),
      },
      {
        id: 'app.cheatSheet',
        title: 'Keyboard shortcuts',
        group: 'General',
        defaultKeys: '[Shift]+?',
        run: () => setOverlay('cheatsheet'),
      },
      {
        id: 'app.closeOverlay',
        title: 'Close dialog',
        group: 'General',
        defaultKeys: 'Escape',
        run: () => setOverlay('none'),
      },
    ],
    [setOverlay],
  );
  useActions(actions);
  return null;
}

/** Binds the effective keymap to the window; the first action registered for a chord wins. */
function KeyBinder() {
  const { registry } = useHotkeys();
  const bindings = useBindings();
  useEffect(() => {
    const map: Record<string, (event: KeyboardEvent) => void> = {};
    for (const binding of bindings) {
      if (!binding.keys || map[binding.keys]) continue;
      map[binding.keys] = (event) => {
        if (event.repeat && registry.get(binding.action.id)?.noRepeat) return event.preventDefault();
        if (registry.run(binding.action.id)) event.preventDefault();
      };
    }
    return tinykeys(window, map, {
      ignore: (event) => {
        const target = event.target as HTMLElement | null;
        const typing = target?.matches?.('[contenteditable],input,select,textarea') ?? false;
        return event.isComposing || (typing && event.key !== 'Escape');
      },
    });
  }, [bindings, registry]);
  return null;
}

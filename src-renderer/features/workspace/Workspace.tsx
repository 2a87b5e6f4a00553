/**
 * The docking workspace: resizable, tabbed, rearrangeable panels (dockview). The layout is restored
 * from the saved preferences (or the default) and saved again whenever it changes. Registers the
 * workspace actions: open any panel, move focus between panels, reset the layout.
 */
import {
  DockviewReact,
  type DockviewApi,
  type DockviewReadyEvent,
  type IDockviewPanelProps,
} from 'dockview-react';
import { useMemo, useState } from 'react';
import { useActions } from '../hotkeys/HotkeysContext';
import type { Action } from '../hotkeys/action-registry';
import { usePrefsStore } from '../prefs/PrefsContext';
import { applyDefaultLayout, openPanel } from './default-layout';
import { focusPanelElement, PanelFrame } from './PanelFrame';
import { PANELS } from './panel-registry';

const THEME = {
  name: 'depthline',
  className: 'dockview-theme-depthline',
  colorScheme: 'dark' as const,
  gap: 4,
};

const components: Record<string, (props: IDockviewPanelProps) => React.JSX.Element> = Object.fromEntries(
  PANELS.map(({ id, Component }) => [
    id,
    () => (
      <PanelFrame id={id}>
        <Component />
      </PanelFrame>
    ),
  ]),
);

export function Workspace() {
  const prefs = usePrefsStore();
  const [api, setApi] = useState<DockviewApi | null>(null);

  const onReady = (event: DockviewReadyEvent) => {
    const saved = prefs.current.layout;
    let restored = false;
    if (saved) {
      try {
        event.api.fromJSON(saved as Parameters<DockviewApi['fromJSON']>[0]);
        restored = event.api.panels.length > 0;
      } catch {
        restored = false;
      }
    }
    if (!restored) applyDefaultLayout(event.api);
    event.api.onDidLayoutChange(() => prefs.update((p) => ({ ...p, layout: event.api.toJSON() })));
    setApi(event.api);
  };

  const actions = useMemo<Action[]>(() => (api ? workspaceActions(api) : []), [api]);
  useActions(actions);

  return <DockviewReact className="workspace-dock" theme={THEME} components={components} onReady={onReady} />;
}

function focusPanel(api: DockviewApi, index: number): void {
  const panel = api.panels[index];
  if (!panel) return;
  panel.api.setActive();
  focusPanelElement(panel.id);
}

function workspaceActions(api: DockviewApi): Action[] {
  const step = (delta: number) => {
    const panels = api.panels;
    if (panels.length === 0) return;
    const active = api.activePanel ? panels.indexOf(api.activePanel) : -1;
    focusPanel(api, (active + delta + panels.length) % panels.length);
  };
  return [
    ...PANELS.map((def): Action => ({
      id: `panel.open.${def.id}`,
      title: `Open panel: ${def.title}`,
      group: 'Panels',
      defaultKeys: '',
      run: () => {
        openPanel(api, def.id);
        focusPanelElement(def.id);
      },
    })),
    {
      id: 'panel.focusNext',
      title: 'Focus next panel',
      group: 'Panels',
      defaultKeys: 'F6',
      run: () => step(1),
    },
    {
      id: 'panel.focusPrev',
      title: 'Focus previous panel',
      group: 'Panels',
      defaultKeys: 'Shift+F6',
      run: () => step(-1),
    },
    ...Array.from({ length: 9 }, (_, i): Action => ({
      id: `panel.focus${i + 1}`,
      title: `Focus panel ${i + 1}`,
      group: 'Panels',
      defaultKeys: `Alt+Shift+Digit${i + 1}`,
      run: () => focusPanel(api, i),
    })),
    {
      id: 'workspace.resetLayout',
      title: 'Reset layout',
      group: 'Panels',
      defaultKeys: '',
      run: () => applyDefaultLayout(api),
    },
  ];
}

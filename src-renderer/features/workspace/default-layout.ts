/** The layout a new user (or a reset) gets. */
import type { DockviewApi } from 'dockview-react';
import { PANEL_BY_ID } from './panel-registry';

export function applyDefaultLayout(api: DockviewApi): void {
  api.clear();
  const add = (id: string, position?: Parameters<DockviewApi['addPanel']>[0]['position']) => {
    const def = PANEL_BY_ID.get(id);
    if (def)
      api.addPanel({ id: def.id, component: def.id, title: def.title, ...(position ? { position } : {}) });
  };
  add('venues');
  add('book', { referencePanel: 'venues', direction: 'right' });
  add('ticket', { referencePanel: 'book', direction: 'right' });
  add('orders', { referencePanel: 'venues', direction: 'below' });
  add('fills', { referencePanel: 'orders', direction: 'within' });
  add('portfolio', { referencePanel: 'ticket', direction: 'below' });
  add('agents', { referencePanel: 'orders', direction: 'right' });
  add('news', { referencePanel: 'agents', direction: 'within' });
  api.getPanel('orders')?.api.setActive();
  api.getPanel('agents')?.api.setActive();
}

/** Opens a panel (or brings it to the front if it is already open). */
export function openPanel(api: DockviewApi, id: string): void {
  const existing = api.getPanel(id);
  if (existing) {
    existing.api.setActive();
    return;
  }
  const def = PANEL_BY_ID.get(id);
  if (!def) return;
  api.addPanel({ id: def.id, component: def.id, title: def.title, position: { direction: 'right' } });
}

/**
 * The layout a new user (or a reset) gets: the ladder on the left; the order book above the depth
 * chart; the price chart above the trade tape; the ticket above the portfolio on the right; the
 * blotters (open orders, fills), agents and news, and the venues list along the bottom.
 */
import type { DockviewApi } from 'dockview-react';
import { PANEL_BY_ID } from './panel-registry';

type Position = Parameters<DockviewApi['addPanel']>[0]['position'];

export function applyDefaultLayout(api: DockviewApi): void {
  api.clear();
  const width = api.width || 1400;
  const height = api.height || 800;
  const add = (id: string, position?: Position, size?: { initialWidth?: number; initialHeight?: number }) => {
    const def = PANEL_BY_ID.get(id);
    if (def) {
      api.addPanel({
        id: def.id,
        component: def.id,
        title: def.title,
        ...(position ? { position } : {}),
        ...size,
      });
    }
  };
  // Top: ladder | book over depth | chart over trades | ticket over portfolio.
  // Bottom, full width: the blotters (orders, fills), agents and news, venues.
  add('ladder');
  add('orders', { direction: 'below' }, { initialHeight: Math.round(height * 0.26) });
  add('fills', { referencePanel: 'orders', direction: 'within' });
  add('agents', { referencePanel: 'orders', direction: 'right' });
  add('news', { referencePanel: 'agents', direction: 'within' });
  add('venues', { referencePanel: 'agents', direction: 'right' });
  add('book', { referencePanel: 'ladder', direction: 'right' });
  add('chart', { referencePanel: 'book', direction: 'right' });
  add('ticket', { referencePanel: 'chart', direction: 'right' });
  add('depth', { referencePanel: 'book', direction: 'below' }, { initialHeight: Math.round(height * 0.24) });
  add('tape', { referencePanel: 'chart', direction: 'below' }, { initialHeight: Math.round(height * 0.3) });
  add('portfolio', { referencePanel: 'ticket', direction: 'below' });
  api.getPanel('ladder')?.group.api.setSize({ width: Math.round(width * 0.18) });
  api.getPanel('book')?.group.api.setSize({ width: Math.round(width * 0.22) });
  api.getPanel('ticket')?.group.api.setSize({ width: Math.round(width * 0.24) });
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

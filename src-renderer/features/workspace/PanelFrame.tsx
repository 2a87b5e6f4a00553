/**
 * Wraps every panel's content: a focus target (so keyboard focus can move between panels and is
 * visibly outlined) carrying the panel id for hotkeys and tests.
 */
import type { ReactNode } from 'react';

export function PanelFrame({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div className="panel-frame" tabIndex={-1} data-panel={id}>
      {children}
    </div>
  );
}

export function focusPanelElement(id: string): void {
  document.querySelector<HTMLElement>(`[data-panel="${CSS.escape(id)}"]`)?.focus();
}

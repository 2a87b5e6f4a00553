/**
 * The only webPreferences any Depthline window gets. Kept free of runtime Electron imports so a
 * plain Node unit test can assert every flag, and recorded per window so the running app can be
 * audited (see `securityAudit`).
 */
import type { WebPreferences } from 'electron';

export const SECURE_WEB_PREFERENCES: Readonly<WebPreferences> = Object.freeze({
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  webviewTag: false,
  spellcheck: false,
});

const created: Array<{ readonly title: string; readonly preferences: Readonly<WebPreferences> }> = [];

export function recordWindow(title: string, preferences: Readonly<WebPreferences>): void {
  created.push({ title, preferences: Object.freeze({ ...preferences }) });
}

/** Every window created so far with the preferences it was given (for e2e audits and diagnostics). */
export function securityAudit(): ReadonlyArray<{ title: string; preferences: Readonly<WebPreferences> }> {
  return created.slice();
}

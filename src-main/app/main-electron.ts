/**
 * Electron entry point: the shared composition root behind IPC, shown in one secure window.
 * Differs from the headless host only in transport (IPC instead of a WebSocket) and window.
 */
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import { join } from 'node:path';
import { bindContractIpc } from '../electron/ipc-binding';
import { registerAppScheme, serveRenderer } from '../electron/app-protocol';
import { createMainWindow } from '../electron/secure-window';
import { securityAudit } from '../electron/web-preferences';
import { boot } from './boot';
import { composeApp, composeOptions } from './compose';
import { electronSqliteBinding } from './native-binding';

registerAppScheme();
// Lets an automated audit (the Electron e2e test) list every window's preferences.
Object.assign(globalThis, { __depthlineSecurityAudit: securityAudit });

if (!app.requestSingleInstanceLock()) app.quit();

app.on('web-contents-created', (_event, contents) => {
  // Belt and braces: no window, webview or navigation escapes the rules in secure-window.ts.
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

void app.whenReady().then(() => {
  const booted = boot({
    runtime: 'electron',
    argv: process.argv.slice(app.isPackaged ? 1 : 2),
    fallbackDataDir: app.getPath('userData'),
  });
  if (!booted.ok) {
    dialog.showErrorBox('Depthline cannot start', booted.error.message);
    app.exit(2);
    return;
  }
  const binding = electronSqliteBinding(app.getAppPath(), process.versions.electron);
  if (!binding.ok) {
    dialog.showErrorBox('Depthline cannot start', binding.error.message);
    app.exit(2);
    return;
  }
  const env = {
    ...booted.value.env,
    sqliteBinding: binding.value,
    // The store writer thread is built next to this file (out/main/store-writer.js).
    storeWorker: { file: join(import.meta.dirname, 'store-writer.js') },
  };
  const composed = composeApp(env, composeOptions(booted.value.cli));
  void composed.startGateway();
  const windows = new Set<WebContents>();
  const unbind = bindContractIpc(
    composed.server,
    (contents) => windows.has(contents),
    env.log.child({ component: 'ipc' }),
  );
  serveRenderer(join(import.meta.dirname, '..', 'renderer'));

  const open = (): void => {
    const window = createMainWindow(join(import.meta.dirname, '..', 'preload', 'index.cjs'));
    const contents = window.webContents;
    windows.add(contents);
    window.on('closed', () => windows.delete(contents));
  };
  open();

  app.on('second-instance', () => {
    const [first] = BrowserWindow.getAllWindows();
    if (first) {
      if (first.isMinimized()) first.restore();
      first.focus();
    }
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) open();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Stop cleanly before exiting: the simulated venue checkpoints and its journal is flushed.
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    event.preventDefault();
    stopped = true;
    unbind();
    void composed.stop().finally(() => app.exit(0));
  });
});

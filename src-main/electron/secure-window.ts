/**
 * The main window, locked down: sandboxed, context-isolated renderer without Node; new windows
 * denied (allowlisted https links open in the system browser); navigation away from app:// denied;
 * webviews and permission requests refused.
 */
import { BrowserWindow, shell } from 'electron';
import { APP_ORIGIN, isAllowedExternalUrl, isAppUrl } from './trusted-sender';
import { recordWindow, SECURE_WEB_PREFERENCES } from './web-preferences';

export function createMainWindow(preloadPath: string): BrowserWindow {
  const webPreferences = { ...SECURE_WEB_PREFERENCES, preload: preloadPath };
  recordWindow('main', webPreferences);
  const window = new BrowserWindow({
    width: 1600,
    height: 960,
    minWidth: 960,
    minHeight: 600,
    backgroundColor: '#0b0e13',
    title: 'Depthline',
    show: false,
    webPreferences,
  });
  const contents = window.webContents;
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}

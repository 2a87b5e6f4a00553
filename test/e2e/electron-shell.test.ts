/**
 * The desktop app end to end with Playwright's Electron driver: the window loads from app://,
 * is sandboxed and context-isolated, exposes only the frozen `depthline` port, and shows the
 * server clock ticking over IPC. Runs where an Electron binary exists; otherwise says why not.
 */
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, type ElectronApplication } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { electronBinary } from './support/electron-binary';
import { REPO_ROOT } from './support/serve';

const binary = electronBinary(REPO_ROOT);
if ('missing' in binary) {
  console.log(`[electron e2e] skipped: ${binary.missing}`);
}

describe.skipIf('missing' in binary)('Electron desktop app', () => {
  let app: ElectronApplication | undefined;

  afterAll(async () => {
    await app?.close();
  });

  it('opens a locked-down window that streams the clock over IPC', async () => {
    if (!('path' in binary)) return;
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-electron-'));
    app = await electron.launch({
      executablePath: binary.path,
      args: [REPO_ROOT, '--data-dir', dataDir, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      cwd: REPO_ROOT,
    });
    const page = await app.firstWindow();
    expect(page.url()).toMatch(/^app:\/\/depthline\//);

    const audit = await app.evaluate(({ BrowserWindow }) => ({
      windows: BrowserWindow.getAllWindows().length,
      created: (
        globalThis as unknown as {
          __depthlineSecurityAudit: () => Array<{ preferences: Record<string, unknown> }>;
        }
      ).__depthlineSecurityAudit(),
    }));
    expect(audit.created.length).toBe(audit.windows);
    for (const { preferences } of audit.created) {
      expect(preferences).toMatchObject({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
      });
      for (const flag of ['allowRunningInsecureContent', 'experimentalFeatures', 'enableBlinkFeatures']) {
        expect(preferences[flag]).toBeUndefined();
      }
    }

    const exposed = await page.evaluate(() => ({
      frozen: Object.isFrozen(window.depthline),
      keys: Object.keys(window.depthline ?? {}).sort(),
      hasRequire: typeof (window as unknown as { require?: unknown }).require !== 'undefined',
      hasProcess: typeof (window as unknown as { process?: unknown }).process !== 'undefined',
    }));
    expect(exposed).toEqual({
      frozen: true,
      keys: ['onMessage', 'post'],
      hasRequire: false,
      hasProcess: false,
    });

    await expect.poll(() => page.getByTestId('connection-status').textContent()).toMatch(/IPC open/);
    const clock = page.getByTestId('server-clock');
    await expect.poll(() => clock.textContent()).toMatch(/^\d\d:\d\d:\d\d$/);
    const first = await clock.textContent();
    await expect.poll(() => clock.textContent(), { timeout: 5000 }).not.toBe(first);

    const blocked = await page.evaluate(() => window.open('https://example.com') === null);
    expect(blocked).toBe(true);

    mkdirSync(join(REPO_ROOT, 'test-results', 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(REPO_ROOT, 'test-results', 'screenshots', 'electron-shell.png') });
  });
});

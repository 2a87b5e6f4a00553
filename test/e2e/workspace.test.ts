/**
 * The workspace in Chromium against `npm run serve`: the cheat sheet lists the active keymap, keys
 * move the (visible) focus between panels, the command palette opens panels, a rebound key is
 * saved and works after a reload, and the layout (which panels are open) survives a reload.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { collectProblems, SCREENSHOTS } from './support/page-problems';
import { serve, type Served } from './support/serve';

describe('workspace, keymap and layout persistence', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    served = await serve();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    collectProblems(page, problems);
    await page.goto(served.url);
    await page.locator('[data-panel="venues"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('? shows a cheat sheet of the active keymap', async () => {
    await page.keyboard.press('Shift+?');
    const sheet = page.getByTestId('cheatsheet');
    await sheet.waitFor();
    expect(await sheet.locator('[data-action="app.commandPalette"] kbd').textContent()).toBe('Ctrl+K');
    expect(await sheet.locator('[data-action="panel.focusNext"] kbd').textContent()).toBe('F6');
    await page.keyboard.press('Escape');
    await expect.poll(() => sheet.count()).toBe(0);
  });

  it('keys move focus between panels, and the focused panel is outlined', async () => {
    const focused = () =>
      page.evaluate(
        () => document.activeElement?.closest('[data-panel]')?.getAttribute('data-panel') ?? null,
      );
    await page.locator('[data-panel="venues"]').click();
    await page.keyboard.press('Alt+Shift+Digit1');
    const first = await focused();
    expect(first).not.toBeNull();
    await page.keyboard.press('F6');
    const second = await focused();
    expect(second).not.toBeNull();
    expect(second).not.toBe(first);
    await page.keyboard.press('Shift+F6');
    expect(await focused()).toBe(first);
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).boxShadow);
    expect(outline).not.toBe('none');
  });

  it('the command palette opens a panel', async () => {
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('open panel keymap');
    await page.keyboard.press('Enter');
    await page.locator('[data-panel="keymap"]').waitFor();
  });

  it('rebinding a key changes what it does and what the cheat sheet shows', async () => {
    const row = page.getByTestId('keymap-panel').locator('[data-action="app.cheatSheet"]');
    await row.getByRole('button', { name: 'Change' }).click();
    await page.keyboard.press('Alt+h');
    expect(await row.locator('kbd').textContent()).toBe('Alt+H');
    await page.locator('[data-panel="venues"]').click();
    await page.keyboard.press('Alt+h');
    await page.getByTestId('cheatsheet').waitFor();
    expect(
      await page.getByTestId('cheatsheet').locator('[data-action="app.cheatSheet"] kbd').textContent(),
    ).toBe('Alt+H');
    await page.keyboard.press('Escape');
  });

  it('layout and keymap survive a reload', async () => {
    await page.waitForTimeout(800); // debounce of the prefs save
    await page.reload();
    await page.locator('[data-panel="venues"]').waitFor();
    await page.locator('.dv-tab', { hasText: 'Keymap' }).waitFor();
    await page.keyboard.press('Alt+h');
    await page.getByTestId('cheatsheet').waitFor();
    await page.keyboard.press('Escape');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'workspace.png') });
    expect(problems).toEqual([]);
  });
});

/**
 * The headless host end to end: `npm run serve`, Debian Chromium, the real renderer. The page
 * must show the shell, list venues from main, and show a server clock that moves (a live stream
 * over the contract socket), with no CSP violations or page errors.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { collectProblems, SCREENSHOTS } from './support/page-problems';
import { serve, type Served } from './support/serve';

describe('npm run serve in Chromium', () => {
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    served = await serve();
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('shows the shell, the venues and a server clock that ticks', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    const problems: string[] = [];
    collectProblems(page, problems);

    await page.goto(served.url);
    await expect.poll(() => page.getByTestId('connection-status').textContent()).toMatch(/WebSocket open/);
    await expect.poll(() => page.locator('[data-venue]').count()).toBeGreaterThanOrEqual(7);
    expect(await page.locator('[data-venue="sim"]').textContent()).toContain('PAPER');

    const clock = page.getByTestId('server-clock');
    await expect.poll(() => clock.textContent()).toMatch(/^\d\d:\d\d:\d\d$/);
    const first = await clock.textContent();
    await expect.poll(() => clock.textContent(), { timeout: 5000 }).not.toBe(first);

    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'shell.png') });
    expect(problems).toEqual([]);
  });

  it('a page from another origin cannot open the contract socket', async () => {
    const page = await browser.newPage();
    await page.goto('about:blank');
    const wsUrl = served.url.replace('http:', 'ws:') + 'contract';
    const outcome = await page.evaluate(
      (url) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url, ['depthline.v1']);
          ws.onopen = () => resolve('open');
          ws.onerror = () => resolve('refused');
        }),
      wsUrl,
    );
    expect(outcome).toBe('refused');
  });
});

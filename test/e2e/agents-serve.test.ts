/**
 * Agents in the UI, in Chromium against `npm run serve`: the agents panel shows where bots connect
 * and, on request, the token (the one in `<data dir>/gateway.token`); the example market maker
 * (examples/market-maker.ts) connects with it and appears in the agents table as connected with
 * its cash and PnL; the user pauses it (its quotes are then refused with AGENT_PAUSED), then
 * disconnects it: the table shows it disconnected, and the bot observed the close (4001).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMarketMaker, type MarketMakerStats } from '../../examples/market-maker';
import { launchChromium } from './support/chromium';
import { collectProblems, SCREENSHOTS } from './support/page-problems';
import { serve, type Served } from './support/serve';

const POLL = { timeout: 15_000, interval: 100 };

describe('agents in the UI', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let gatewayUrl = '';
  const problems: string[] = [];

  beforeAll(async () => {
    served = await serve();
    const deadline = Date.now() + 30_000;
    while (!/DEPTHLINE_GATEWAY (\S+)/.test(served.stdout()) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    gatewayUrl = /DEPTHLINE_GATEWAY (\S+)/.exec(served.stdout())![1]!;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    collectProblems(page, problems);
    await page.goto(served.url);
    await page.getByTestId('agents-panel').waitFor();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('shows the agents API address and, when asked, the token from the 0600 file', async () => {
    const access = page.getByTestId('gateway-access');
    await expect.poll(() => access.getAttribute('data-status'), POLL).toBe('running');
    expect(await access.getByTestId('gateway-url').textContent()).toBe(gatewayUrl);
    expect(await access.getByTestId('gateway-token').count()).toBe(0);
    const token = readFileSync(join(served.dataDir, 'gateway.token'), 'utf8').trim();
    expect(await page.content()).not.toContain(token);
    await access.getByRole('button', { name: 'Show' }).click();
    expect(await access.getByTestId('gateway-token').textContent()).toBe(token);
    expect(await access.getByTestId('gateway-token-file').textContent()).toBe(
      join(served.dataDir, 'gateway.token'),
    );
    await access.getByRole('button', { name: 'Hide' }).click();
    expect(await access.getByTestId('gateway-token').count()).toBe(0);
  });

  it('a bot connects, shows as connected, is paused, then disconnected from the UI', async () => {
    const token = readFileSync(join(served.dataDir, 'gateway.token'), 'utf8').trim();
    const lines: string[] = [];
    const bot: Promise<MarketMakerStats> = runMarketMaker({
      url: gatewayUrl,
      token,
      name: 'e2e-mm',
      symbol: 'BTC-USD',
      capital: '50000',
      spreadTicks: 200,
      fallbackMid: '65000',
      intervalMs: 100,
      cycles: 100_000,
      log: (line) => void lines.push(line),
    });

    const row = page.locator('[data-testid="agents-panel"] tr[data-agent="e2e-mm"]');
    await expect.poll(() => row.getAttribute('data-connected'), POLL).toBe('true');
    expect(await row.locator('[data-field="kind"]').textContent()).toBe('external');
    await expect
      .poll(() => row.locator('[data-field="connection"]').textContent(), POLL)
      .toMatch(/^connected since \d\d:\d\d:\d\d$/);
    // Its portfolio: cash (what is not locked in its quotes), equity and PnL, as decimal strings.
    await expect.poll(() => row.locator('[data-field="cash"]').textContent(), POLL).toMatch(/^\d+(\.\d+)?$/);
    expect(await row.locator('[data-field="equity"]').textContent()).toMatch(/^\d+(\.\d+)?$/);
    expect(await row.locator('[data-field="pnl"]').textContent()).toMatch(/^-?\d+(\.\d+)?$/);
    await expect.poll(() => connectionCount(page), POLL).toBeGreaterThanOrEqual(1);

    await row.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => row.locator('[data-field="state"]').textContent(), POLL).toBe('paused');
    await expect.poll(() => row.getByRole('button', { name: 'Resume' }).count(), POLL).toBe(1);
    mkdirSync(SCREENSHOTS, { recursive: true });
    const panel = page.getByTestId('agents-panel');
    await panel.evaluate((el) => el.scrollTo(0, 0));
    await panel.screenshot({ path: join(SCREENSHOTS, 'agents.png') });
    // Let it try to quote while paused (every 100 ms): those are refused.
    await new Promise((r) => setTimeout(r, 500));

    await row.getByRole('button', { name: 'Disconnect' }).click();
    const stats = await bot;
    expect(stats.closedByServer).toEqual({ code: 4001, reason: 'disconnected by the user' });
    expect(stats.errors.AGENT_PAUSED ?? 0).toBeGreaterThan(0);
    await expect.poll(() => row.getAttribute('data-connected'), POLL).toBe('false');
    await expect
      .poll(() => row.locator('[data-field="connection"]').textContent(), POLL)
      .toMatch(/^disconnected since \d\d:\d\d:\d\d$/);
    expect(await row.getByRole('button', { name: 'Disconnect' }).count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('agents-outcome').textContent(), POLL)
      .toMatch(/^e2e-mm disconnected; \d+ open order\(s\) canceled$/);
    expect(lines[0]).toMatch(/^registered e2e-mm as a\d+$/);
    expect(problems).toEqual([]);
  });
});

async function connectionCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('gateway-connections').textContent()) ?? '';
  return Number(/^(\d+) connected/.exec(text)?.[1] ?? -1);
}

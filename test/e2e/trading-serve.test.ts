/**
 * Trading on the simulated venue in Chromium against `npm run serve` (fresh data directory, the
 * venue journaled to SQLite): the plain ticket places a resting limit order that shows up in open
 * orders, amends it, cancels it, then a market order fills and shows up in fills; the PAPER badge
 * is on the ticket.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { REPO_ROOT, serve, type Served } from './support/serve';

const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

describe('trading on the simulated venue', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    served = await serve();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    await page.goto(served.url);
    await page.locator('[data-panel="ticket"]').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('shows the PAPER badge where the simulated venue is traded', async () => {
    const ticket = page.getByTestId('ticket');
    await expect.poll(() => ticket.getByTestId('paper-badge').isVisible()).toBe(true);
    expect(await ticket.getByTestId('paper-badge').textContent()).toBe('PAPER');
    expect(await ticket.locator('.trade-head strong').textContent()).toBe('sim BTC-USD');
  });

  it('places, amends and cancels a limit order through the ticket; open orders follow', async () => {
    const ticket = page.getByTestId('ticket');
    const orders = page.getByTestId('orders-panel');
    await ticket.getByLabel('Type', { exact: true }).selectOption('limit');
    await ticket.getByLabel('Time in force').selectOption('GTC');
    await ticket.getByLabel('Size', { exact: true }).fill('0.01');
    await ticket.getByLabel('Price', { exact: true }).fill('1000');
    await ticket.getByTestId('ticket-submit').click();
    await expect.poll(() => ticket.getByTestId('ticket-outcome').textContent()).toMatch(/order \d+ open/);
    const row = orders.locator('tr[data-order-id]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('[data-field="price"]').textContent()).toBe('1000');

    await ticket.getByLabel('New price').fill('1001.5');
    await ticket.getByLabel('New total size').fill('0.02');
    await ticket.getByTestId('ticket-amend').click();
    await expect.poll(() => row.locator('[data-field="price"]').textContent()).toBe('1001.5');
    expect(await row.locator('[data-field="quantity"]').textContent()).toBe('0.02');

    await ticket.getByTestId('ticket-cancel').click();
    await expect.poll(() => row.count()).toBe(0);
    await expect
      .poll(() => ticket.getByTestId('ticket-outcome').textContent())
      .toMatch(/Cancel: order \d+ canceled/);
  });

  it('a market order fills and shows up in fills and the portfolio', async () => {
    const ticket = page.getByTestId('ticket');
    await ticket.getByLabel('Type', { exact: true }).selectOption('market');
    await ticket.getByLabel('Time in force').selectOption('IOC');
    await ticket.getByLabel('Size', { exact: true }).fill('0.01');
    await ticket.getByTestId('ticket-submit').click();
    await expect
      .poll(() => ticket.getByTestId('ticket-outcome').textContent(), { timeout: 10_000 })
      .toMatch(/filled 0\.01/);
    await page.locator('.dv-tab', { hasText: 'Fills' }).click();
    const fills = page.getByTestId('fills-panel').locator('tr[data-fill-order]');
    await expect.poll(() => fills.count()).toBeGreaterThan(0);
    expect(await fills.first().locator('td.buy').textContent()).toBe('buy');
    const position = page.getByTestId('portfolio-panel').locator('tr[data-position="BTC-USD"]');
    await expect.poll(() => position.locator('td').nth(1).textContent()).toBe('0.01');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'trading.png') });
    expect(problems).toEqual([]);
  });
});

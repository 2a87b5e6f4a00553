/**
 * The order ticket and blotters on the simulated venue in Chromium against `npm run serve` (fresh
 * data directory, the venue journaled to SQLite): PAPER on the ticket; a limit far from the touch
 * stops for a fat-finger confirmation (dismissed: nothing sent; confirmed: it rests); amending in
 * place in the open-orders blotter and canceling there; post-only that would take is rejected; a
 * size preset fills the size; a market order fills and shows up in fills and in the portfolio with
 * a mark, unrealised and realised PnL; the agents table lists you with the position and sorts; a
 * notional limit set in the ticket's settings stops a bigger order.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { collectProblems, SCREENSHOTS } from './support/page-problems';
import { serve, type Served } from './support/serve';

describe('trading on the simulated venue: ticket and blotters', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    served = await serve();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    collectProblems(page, problems);
    mkdirSync(SCREENSHOTS, { recursive: true });
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
    expect(await ticket.getByTestId('ticket-target').textContent()).toBe('sim BTC-USD');
    expect(await page.getByTestId('trading-strip').getByTestId('paper-badge').isVisible()).toBe(true);
  });

  it('a limit far from the touch asks first; dismissed it is not sent, confirmed it rests', async () => {
    const ticket = page.getByTestId('ticket');
    const orders = page.getByTestId('orders-panel');
    await ticket.getByLabel('Type', { exact: true }).selectOption('limit');
    await ticket.getByLabel('Time in force').selectOption('GTC');
    await ticket.getByLabel('Size', { exact: true }).fill('0.01');
    await ticket.getByLabel('Price', { exact: true }).fill('1000');
    await ticket.getByTestId('ticket-submit').click();
    const confirm = page.getByTestId('order-confirm');
    await confirm.waitFor();
    expect(await confirm.getByTestId('order-confirm-title').textContent()).toBe('Buy 0.01 BTC-USD @ 1000');
    expect(await confirm.locator('[data-warning="price-far"]').textContent()).toMatch(/away from the touch/);
    await page.screenshot({ path: join(SCREENSHOTS, 'trading-fat-finger.png') });
    await confirm.getByTestId('order-confirm-dismiss').click();
    await expect.poll(() => ticket.getByTestId('ticket-outcome').textContent()).toMatch(/^Not sent/);
    expect(await orders.locator('tr[data-order-id]').count()).toBe(0);

    await ticket.getByTestId('ticket-submit').click();
    await confirm.getByTestId('order-confirm-send').click();
    await expect.poll(() => ticket.getByTestId('ticket-outcome').textContent()).toMatch(/order \d+ open/);
    const row = orders.locator('tr[data-order-id]');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator('[data-field="price"]').textContent()).toBe('1000');
  });

  it('amends price and size in place in the blotter, then cancels it there', async () => {
    const row = page.getByTestId('orders-panel').locator('tr[data-order-id]');
    await row.locator('button[data-field="price"]').click();
    await row.locator('input[data-edit="price"]').fill('1001.5');
    await row.locator('input[data-edit="price"]').press('Enter');
    // Still far from the touch: the amend asks too.
    await page.getByTestId('order-confirm').getByTestId('order-confirm-send').click();
    await expect.poll(() => row.locator('[data-field="price"]').textContent()).toBe('1001.5');
    await row.locator('button[data-field="quantity"]').click();
    await row.locator('input[data-edit="quantity"]').fill('0.02');
    await row.locator('input[data-edit="quantity"]').press('Enter');
    await page.getByTestId('order-confirm').getByTestId('order-confirm-send').click();
    await expect.poll(() => row.locator('[data-field="quantity"]').textContent()).toBe('0.02');
    expect(await row.locator('[data-field="price"]').textContent()).toBe('1001.5');

    const id = await row.getAttribute('data-order-id');
    await row.getByTestId('order-cancel').click();
    await expect.poll(() => row.count()).toBe(0);
    await expect
      .poll(() => page.getByTestId('trading-notice').textContent())
      .toBe(`Cancel: order ${id} canceled, filled 0`);
  });

  it('post-only that would take liquidity is rejected; IOC and FOK are offered', async () => {
    const ticket = page.getByTestId('ticket');
    await ticket.getByLabel('Time in force').selectOption('POST_ONLY');
    const ask = await ticket.getByTestId('ticket-ask').textContent();
    // 1 % through the ask: crosses for sure, close enough to pass the fat-finger rule.
    await ticket.getByLabel('Price', { exact: true }).fill((Number(ask) * 1.01).toFixed(2));
    await ticket.getByLabel('Size', { exact: true }).fill('0.001');
    await ticket.getByTestId('ticket-submit').click();
    await expect
      .poll(() => ticket.getByTestId('ticket-outcome').textContent())
      .toMatch(/rejected: POST_ONLY_WOULD_TAKE/);
    const tifs = await ticket.getByLabel('Time in force').locator('option').allTextContents();
    expect(tifs).toEqual(['GTC', 'IOC', 'FOK', 'POST_ONLY']);
    await ticket.getByLabel('Type', { exact: true }).selectOption('market');
    expect(await ticket.getByLabel('Time in force').locator('option').allTextContents()).toEqual([
      'IOC',
      'FOK',
    ]);
  });

  it('a size preset sets the size; a market order fills into fills and the portfolio with PnL', async () => {
    const ticket = page.getByTestId('ticket');
    await ticket.getByTestId('size-presets').locator('[data-preset="2"]').click(); // $1k
    await expect.poll(() => ticket.getByLabel('Size', { exact: true }).inputValue()).toMatch(/^0\.01\d*$/);
    expect(await page.getByTestId('strip-size').textContent()).toMatch(/^size 0\.01\d*$/);
    await ticket.getByLabel('Size', { exact: true }).fill('0.01');
    await ticket.getByLabel('Time in force').selectOption('IOC');
    await ticket.getByTestId('ticket-submit').click();
    await expect
      .poll(() => ticket.getByTestId('ticket-outcome').textContent(), { timeout: 10_000 })
      .toMatch(/filled 0\.01/);
    await page.locator('.dv-tab', { hasText: 'Fills' }).click();
    const fills = page.getByTestId('fills-panel').locator('tr[data-fill-order]');
    await expect.poll(() => fills.count()).toBeGreaterThan(0);
    expect(await fills.first().locator('td.buy').textContent()).toBe('buy');
    const position = page.getByTestId('portfolio-panel').locator('tr[data-position="BTC-USD"]');
    await expect.poll(() => position.locator('[data-field="quantity"]').textContent()).toBe('0.01');
    // Marked at the live book's mid; unrealised = (mark - cost) x 0.01, shown to the cent.
    await expect.poll(() => position.locator('[data-field="mark"]').getAttribute('data-source')).toBe('mid');
    expect(await position.locator('[data-field="unrealized"]').textContent()).toMatch(/^-?\d+\.\d\d$/);
    await expect
      .poll(() => position.locator('[data-field="realized"]').textContent())
      .toMatch(/^-?\d+\.\d\d$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'trading.png') });
  });

  it('the agents table shows you with your position and sorts by any column', async () => {
    await page.locator('.dv-tab', { hasText: 'Agents' }).click();
    const agents = page.getByTestId('agents-panel');
    const you = agents.locator('tr[data-agent="you"]');
    await expect.poll(() => you.locator('td.positions').textContent()).toBe('BTC 0.01');
    await agents.locator('th[data-column="equity"]').click();
    expect(await agents.locator('th[data-column="equity"]').getAttribute('aria-sort')).toBe('descending');
    const equities = async () =>
      (await agents.locator('tbody tr td[data-field="equity"]').allTextContents()).map((t) => Number(t));
    const list = await equities();
    expect(list.length).toBeGreaterThan(5);
    expect(list).toEqual([...list].sort((a, b) => b - a));
    await agents.locator('th[data-column="equity"]').click();
    const ascending = await equities();
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
  });

  it('a notional limit set in the ticket settings stops a bigger order', async () => {
    const ticket = page.getByTestId('ticket');
    await ticket.getByTestId('ticket-settings').locator('summary').click();
    await ticket.getByLabel('Max notional').fill('100');
    await ticket.getByLabel('Max notional').press('Enter');
    await ticket.getByTestId('ticket-submit').click(); // market buy 0.01 BTC: ~650 > 100
    const confirm = page.getByTestId('order-confirm');
    await confirm.waitFor();
    expect(await confirm.locator('[data-warning="notional"]').textContent()).toMatch(
      /over your limit of 100/,
    );
    await page.keyboard.press('Escape');
    await expect.poll(() => confirm.count()).toBe(0);
    expect(await ticket.getByTestId('ticket-outcome').textContent()).toMatch(/^Not sent/);
    // Saved in the prefs: still there after a reload.
    await page.waitForTimeout(800);
    await page.reload();
    await page.locator('[data-panel="ticket"]').waitFor();
    await page.getByTestId('ticket').getByTestId('ticket-settings').locator('summary').click();
    expect(await page.getByTestId('ticket').getByLabel('Max notional').inputValue()).toBe('100');
    expect(problems).toEqual([]);
  });
});

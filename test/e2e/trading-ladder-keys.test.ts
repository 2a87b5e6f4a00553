/**
 * One-click trading from the ladder and the trading keys, in Chromium against `npm run serve` on
 * the simulated venue. Ladder: disarmed clicks send nothing and say why; armed, a click on the
 * bid side rests a buy limit at that row's price, shown on its row (own-order column) and in the
 * blotter; dragging it to another row amends its price; clicking it cancels it; Shift+click on
 * the ask side buys at market. Keys: disarmed they send nothing; armed, market buy, sell at the
 * best ask and buy at the best bid work; the cancel-all scope is shown and cycled by its key and
 * cancel all cancels in that scope; flatten sells the position; size presets by Alt+1..4; the
 * cheat sheet lists the trading keys with the current scope. The built-in agents are paused (their
 * quotes stay in the book) so nothing fills our resting orders under the test.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { collectProblems, SCREENSHOTS } from './support/page-problems';
import { serve, type Served } from './support/serve';

describe('trading from the ladder and the keyboard', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let ladder: Locator;
  let orders: Locator;
  const problems: string[] = [];

  /** Moves keyboard focus out of any input, onto the ladder, without clicking a trading cell. */
  const focusLadder = () => ladder.getByTestId('ladder-body').focus();
  const notice = () => page.getByTestId('trading-notice').textContent();
  const orderRows = () => orders.locator('tr[data-order-id]');
  /** The venue writes prices without trailing zeros; ladder rows show the tick's decimals. */
  const trim = (price: string) => price.replace(/\.?0+$/, '');

  beforeAll(async () => {
    served = await serve();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    collectProblems(page, problems);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.goto(served.url);
    ladder = page.getByTestId('ladder-view');
    orders = page.getByTestId('orders-panel');
    await page.locator('[data-testid="ladder-view"][data-status="live"]').waitFor({ timeout: 30_000 });
    // A row step that shows both sides of the simulated BTC book ($10 rows).
    await ladder.getByLabel('Ladder row step').selectOption('1000');
    await ladder.locator('[data-best="bid"]').waitFor();
    // The built-in agents stop trading (their quotes stay), so our resting orders are not filled
    // under the test and counts are exact.
    await page.getByTestId('agents-panel').getByRole('button', { name: 'Pause all' }).click();
    await page.getByTestId('ticket').getByLabel('Size', { exact: true }).fill('0.01');
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('starts disarmed: a ladder click sends nothing and says why', async () => {
    expect(await page.getByTestId('arm-switch').getAttribute('aria-pressed')).toBe('false');
    expect(await ladder.getByTestId('ladder-arm').textContent()).toBe('Arm trading');
    await ladder.locator('[data-best="bid"] [data-cell="bid"]').click();
    await expect
      .poll(() => ladder.getByTestId('ladder-notice').textContent())
      .toMatch(/One-click trading is off/);
    await page.waitForTimeout(500);
    expect(await orderRows().count()).toBe(0);
  });

  it('armed: a bid click rests a buy at the row price, on its row and in the blotter', async () => {
    await ladder.getByTestId('ladder-arm').click();
    expect(await page.getByTestId('arm-switch').getAttribute('aria-pressed')).toBe('true');
    // Three rows under the best bid: a price that rests.
    const bestIndex = Number(await ladder.locator('[data-best="bid"]').getAttribute('data-row'));
    const row = ladder.locator(`[data-row="${bestIndex + 3}"]`);
    const price = (await row.getAttribute('data-price'))!;
    await row.locator('[data-cell="bid"]').click();
    await expect.poll(() => orderRows().count()).toBe(1);
    expect(await orderRows().locator('[data-field="price"]').textContent()).toBe(trim(price));
    expect(await orderRows().locator('td.buy').textContent()).toBe('buy');
    const own = ladder.locator(`[data-price="${price}"] [data-cell="own-buy"]`);
    await expect.poll(() => own.textContent()).toBe('0.0100');
    expect(await own.getAttribute('data-ids')).toBe(await orderRows().getAttribute('data-order-id'));
    await page.screenshot({ path: join(SCREENSHOTS, 'trading-ladder.png') });
  });

  it('dragging the order to another row reprices it; clicking it cancels it', async () => {
    const id = (await orderRows().getAttribute('data-order-id'))!;
    const from = ladder.locator(`[data-cell="own-buy"][data-ids="${id}"]`);
    const fromIndex = Number(await from.locator('xpath=..').getAttribute('data-row'));
    const target = ladder.locator(`[data-row="${fromIndex + 2}"]`);
    const newPrice = (await target.getAttribute('data-price'))!;
    await from.dragTo(target.locator('[data-cell="own-buy"]'));
    await expect.poll(() => orderRows().locator('[data-field="price"]').textContent()).toBe(trim(newPrice));
    const moved = ladder.locator(`[data-price="${newPrice}"] [data-cell="own-buy"]`);
    await expect.poll(() => moved.getAttribute('data-ids')).toBe(id);
    await moved.click();
    await expect.poll(() => orderRows().count()).toBe(0);
    expect(await notice()).toMatch(new RegExp(`Cancel: order ${id} canceled`));
  });

  it('Shift+click on the bid side buys at market', async () => {
    await ladder.locator('[data-best="bid"] [data-cell="bid"]').click({ modifiers: ['Shift'] });
    await expect.poll(notice).toMatch(/Buy 0\.01 BTC-USD at market: order \d+ filled, filled 0\.01/);
    const position = page.getByTestId('portfolio-panel').locator('tr[data-position="BTC-USD"]');
    await expect.poll(() => position.locator('[data-field="quantity"]').textContent()).toBe('0.01');
  });

  it('trading keys send nothing while disarmed', async () => {
    await focusLadder();
    await page.keyboard.press('Alt+Shift+KeyA'); // disarm
    expect(await page.getByTestId('arm-switch').getAttribute('aria-pressed')).toBe('false');
    await page.keyboard.press('Shift+KeyB');
    await expect.poll(notice).toMatch(/only while trading is armed/);
    await page.waitForTimeout(400);
    expect(await orderRows().count()).toBe(0);
    await page.keyboard.press('Alt+Shift+KeyA'); // arm again
    expect(await page.getByTestId('arm-switch').getAttribute('aria-pressed')).toBe('true');
  });

  it('armed: market buy, sell at the ask and buy at the bid from keys', async () => {
    await focusLadder();
    await page.keyboard.press('Alt+Shift+KeyB');
    await expect.poll(notice).toMatch(/Buy 0\.01 BTC-USD at market: .* filled 0\.01/);
    await page.keyboard.press('Shift+KeyS');
    await expect.poll(() => orders.locator('tr[data-order-id] td.sell').count()).toBe(1);
    await page.keyboard.press('Shift+KeyB');
    await expect.poll(() => orders.locator('tr[data-order-id] td.buy').count()).toBe(1);
    const sell = orders.locator('tr[data-order-id]').filter({ has: page.locator('td.sell') });
    const buy = orders.locator('tr[data-order-id]').filter({ has: page.locator('td.buy') });
    const sellPrice = Number(await sell.locator('[data-field="price"]').textContent());
    const buyPrice = Number(await buy.locator('[data-field="price"]').textContent());
    expect(sellPrice).toBeGreaterThan(buyPrice); // joined each side of the spread
    expect(await buy.locator('td').nth(4).textContent()).toBe('limit GTC');
  });

  it('cancel all: the scope is shown, its key cycles it, and it cancels in that scope', async () => {
    const scope = page.getByTestId('cancel-scope');
    expect(await scope.textContent()).toBe('cancel scope: BTC-USD on sim');
    await focusLadder();
    await page.keyboard.press('Alt+Shift+KeyC');
    await expect.poll(() => scope.textContent()).toBe('cancel scope: everything on sim');
    await page.keyboard.press('Alt+Shift+KeyC');
    await expect.poll(() => scope.textContent()).toBe('cancel scope: all venues');
    await page.keyboard.press('Shift+?');
    const sheet = page.getByTestId('cheatsheet');
    await sheet.waitFor();
    expect(await sheet.locator('[data-action="trading.cancelAll"]').textContent()).toMatch(
      /Cancel all · all venues/,
    );
    expect(await sheet.locator('[data-action="trading.cancelAll"] kbd').textContent()).toBe('Shift+C');
    expect(await sheet.locator('[data-action="trading.buyBid"] kbd').textContent()).toBe('Shift+B');
    expect(await sheet.locator('[data-action="trading.sizePreset1"] kbd').textContent()).toBe('Alt+1');
    await page.screenshot({ path: join(SCREENSHOTS, 'trading-cheatsheet.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+Shift+KeyC');
    await expect.poll(() => scope.textContent()).toBe('cancel scope: BTC-USD on sim');
    await focusLadder();
    await page.keyboard.press('Shift+KeyC');
    await expect.poll(() => orderRows().count()).toBe(0);
    expect(await notice()).toBe('Cancel all (BTC-USD on sim): 2 canceled');
  });

  it('flatten sells the linked instrument’s position; Alt+1 picks the first size preset', async () => {
    const position = page.getByTestId('portfolio-panel').locator('tr[data-position="BTC-USD"]');
    await expect.poll(() => position.locator('[data-field="quantity"]').textContent()).toBe('0.02');
    await focusLadder();
    await page.keyboard.press('Shift+KeyF');
    await expect.poll(notice).toMatch(/Flatten BTC-USD: order \d+ filled, filled 0\.02/);
    await expect.poll(() => position.locator('[data-field="quantity"]').textContent()).toBe('0');
    await page.keyboard.press('Alt+Digit1'); // $100 at ~65,000 = 0.0015 BTC
    await expect.poll(() => page.getByTestId('strip-size').textContent()).toMatch(/^size 0\.001[45]$/);
    expect(await page.getByTestId('ticket').getByLabel('Size', { exact: true }).inputValue()).toMatch(
      /^0\.001[45]$/,
    );
    expect(problems).toEqual([]);
  });
});

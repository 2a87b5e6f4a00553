/**
 * Stops and brackets from the ticket on the simulated venue, in Chromium against `npm run serve`:
 * a buy stop-market is listed in the blotter as a pending stop with its trigger price and why it
 * is not filling, and shows on the ladder on its trigger row with the stop marker; a buy limit with
 * a take-profit and a stop-loss lists its two legs under it (awaiting entry) and the legs show on
 * their trigger rows; a stop whose trigger the last trade already reached is flagged in the ticket
 * before sending; everything is canceled from the blotter. The built-in agents are paused, so no
 * trade fires a trigger under the test.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { collectProblems, SCREENSHOTS } from './support/page-problems';
import { serve, type Served } from './support/serve';

describe('stops and brackets from the ticket on the simulated venue', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  let ladder: Locator;
  let orders: Locator;
  let ticket: Locator;
  const problems: string[] = [];
  const orderRows = () => orders.locator('tr[data-order-id]');
  /** The venue writes prices without trailing zeros; ladder rows show the tick's decimals. */
  const trim = (price: string) => price.replace(/\.?0+$/, '');
  /** The price of the ladder row `offset` rows from the best bid's (negative = higher). */
  const rowPrice = async (offset: number) => {
    const best = Number(await ladder.locator('[data-best="bid"]').getAttribute('data-row'));
    return (await ladder.locator(`[data-row="${best + offset}"]`).getAttribute('data-price'))!;
  };
  const submit = async () => {
    await ticket.getByTestId('ticket-submit').click();
    await expect.poll(() => ticket.getByTestId('ticket-outcome').textContent()).toMatch(/order \d+ open/);
  };

  beforeAll(async () => {
    served = await serve();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    collectProblems(page, problems);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.goto(served.url);
    ladder = page.getByTestId('ladder-view');
    orders = page.getByTestId('orders-panel');
    ticket = page.getByTestId('ticket');
    await page.locator('[data-testid="ladder-view"][data-status="live"]').waitFor({ timeout: 30_000 });
    await ladder.getByLabel('Ladder row step').selectOption('1000');
    await ladder.locator('[data-best="bid"]').waitFor();
    await page.getByTestId('agents-panel').getByRole('button', { name: 'Pause all' }).click();
    await ticket.getByLabel('Size', { exact: true }).fill('0.01');
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  it('the ticket flags a buy stop below the last trade before sending', async () => {
    await ticket.getByLabel('Type', { exact: true }).selectOption('stop_market');
    expect(await ticket.getByLabel('Take-profit').count()).toBe(0); // no bracket on a stop
    await ticket.getByLabel('Trigger', { exact: true }).fill(await rowPrice(3));
    const note = ticket.locator('[data-note="stop-reached"]');
    await expect.poll(() => note.textContent()).toMatch(/a buy stop fires when the last trade rises/);
    await ticket.getByLabel('Trigger', { exact: true }).fill(await rowPrice(-8));
    await expect.poll(() => note.count()).toBe(0);
  });

  it('a buy stop-market is listed as a pending stop with its trigger and shows on its ladder row', async () => {
    const trigger = await rowPrice(-8);
    await submit();
    await expect.poll(() => orderRows().count()).toBe(1);
    const row = orderRows().first();
    expect(await row.getAttribute('data-trigger-state')).toBe('pending');
    expect(await row.locator('[data-field="type"]').textContent()).toBe('stop market IOC');
    expect(await row.locator('[data-field="trigger"]').textContent()).toBe(trim(trigger));
    expect(await row.locator('[data-field="trigger-state"]').textContent()).toBe('pending');
    expect(await row.locator('[data-field="price"]').textContent()).toBe('market');
    const why = row.locator('[data-field="why"]');
    expect(await why.getAttribute('data-reason')).toBe('trigger_pending');
    expect(await why.getAttribute('title')).toMatch(/until the last trade reaches the trigger price/);
    const cell = ladder.locator(`[data-price="${trigger}"] [data-cell="own-buy"]`);
    await expect.poll(() => cell.locator('.stop-mark').textContent()).toBe('◆0.01');
    expect(await cell.getAttribute('data-ids')).toBe(await row.getAttribute('data-order-id'));
    expect(await ladder.locator('.stop-mark').count()).toBe(1);
  });

  it('a limit with a bracket lists its legs under it, awaiting the entry; legs sit on their rows', async () => {
    await ticket.getByLabel('Type', { exact: true }).selectOption('limit');
    await ticket.getByLabel('Time in force').selectOption('GTC');
    const entry = await rowPrice(3);
    const takeProfit = await rowPrice(-6);
    const stopLoss = await rowPrice(7);
    await ticket.getByLabel('Price', { exact: true }).fill(entry);
    await ticket.getByLabel('Take-profit').fill(takeProfit);
    await ticket.getByLabel('Stop-loss').fill(stopLoss);
    expect(await ticket.getByTestId('ticket-notes').count()).toBe(0);
    await submit();
    await expect.poll(() => orderRows().count()).toBe(4);
    const ids = await orderRows().evaluateAll((rows) =>
      rows.map((r) => [r.getAttribute('data-order-id'), r.getAttribute('data-parent-id') ?? '', r.className]),
    );
    // Newest first: the bracket's entry, its take-profit and stop-loss legs, then the older stop.
    const [entryRow, tp, sl] = ids;
    expect(entryRow![1]).toBe('');
    expect([tp![1], sl![1]]).toEqual([entryRow![0], entryRow![0]]);
    expect(tp![2]).toContain('leg');
    const legs = orderRows().filter({
      has: page.locator('[data-field="trigger-state"]', { hasText: 'awaits entry' }),
    });
    expect(await legs.locator('[data-field="type"]').allTextContents()).toEqual([
      expect.stringMatching(/^take-profit/),
      expect.stringMatching(/^stop-loss/),
    ]);
    expect(await legs.locator('[data-field="trigger"]').allTextContents()).toEqual([
      trim(takeProfit),
      trim(stopLoss),
    ]);
    // Legs have no size until their entry fills: "on fill" in the blotter, a bare marker on the ladder.
    expect(await legs.locator('[data-field="quantity"]').allTextContents()).toEqual(['on fill', 'on fill']);
    await expect
      .poll(() =>
        ladder.locator(`[data-price="${takeProfit}"] [data-cell="own-sell"] .stop-mark`).textContent(),
      )
      .toBe('◆');
    expect(await ladder.locator(`[data-price="${stopLoss}"] [data-cell="own-sell"] .stop-mark`).count()).toBe(
      1,
    );
    expect(await ladder.locator(`[data-price="${entry}"] [data-cell="own-buy"]`).textContent()).toBe(
      '0.0100',
    );
    await page.screenshot({ path: join(SCREENSHOTS, 'trading-triggers.png') });
    await ladder.screenshot({ path: join(SCREENSHOTS, 'trading-triggers-ladder.png') });
    await orders.screenshot({ path: join(SCREENSHOTS, 'trading-triggers-blotter.png') });
  });

  it('canceling from the blotter removes the stop, then the bracket with its legs', async () => {
    const stop = orderRows().filter({ has: page.locator('[data-field="type"]', { hasText: 'stop market' }) });
    await stop.getByTestId('order-cancel').click();
    await expect.poll(() => orderRows().count()).toBe(3);
    expect(await ladder.locator('[data-cell="own-buy"] .stop-mark').count()).toBe(0);
    await orderRows().first().getByTestId('order-cancel').click();
    await expect.poll(() => orderRows().count(), { timeout: 10_000 }).toBe(0);
    expect(await ladder.locator('.stop-mark').count()).toBe(0);
    expect(problems).toEqual([]);
  });
});

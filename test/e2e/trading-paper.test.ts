/**
 * Trading a live venue's instrument on its paper twin, in Chromium against `npm run serve` with
 * Binance enabled and pointed at a fake Binance on 127.0.0.1: the linked instrument is Binance's
 * BTCUSDT (LIVE DATA in the picker), and every order goes to `paper:binance` with the same symbol,
 * PAPER shown on the ticket and the trading strip. A resting limit from the ladder shows on its
 * row and in the blotter of `paper:binance` with its queue position (size ahead and confidence, on
 * the ladder and in the blotter) and why it is not filling yet, and is canceled from the ladder; a
 * market buy walks the fake venue's book and fills; when the fake venue goes silent, the blotter
 * says a resting paper order is not filling because the book is not live.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBinance } from '../support/fake-venues/binance';
import { FakeServer } from '../support/fake-venues/server';
import { launchChromium } from './support/chromium';
import { collectProblems, SCREENSHOTS } from './support/page-problems';
import { serve, type Served } from './support/serve';

const SYMBOL = 'BTCUSDT';

describe('trading a live instrument on its paper twin', () => {
  let venue: FakeServer;
  let fake: FakeBinance;
  let served: Served;
  let browser: Browser;
  let page: Page;
  let ticket: Locator;
  const problems: string[] = [];

  beforeAll(async () => {
    venue = await FakeServer.start();
    fake = new FakeBinance(venue);
    fake.pump(50);
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-paper-e2e-'));
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ venues: { binance: { enabled: true, symbols: [SYMBOL] } }, paper: { enabled: true } }),
    );
    served = await serve(['--data-dir', dataDir], {
      DEPTHLINE_BINANCE_WS_URL: venue.wsUrl('/stream'),
      DEPTHLINE_BINANCE_REST_URL: venue.httpUrl,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    collectProblems(page, problems);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.goto(served.url);
    ticket = page.getByTestId('ticket');
    await page.locator('[data-testid="ladder-view"][data-status="live"]').waitFor({ timeout: 30_000 });
  });

  afterAll(async () => {
    fake?.stopPump();
    await browser?.close();
    await served?.stop();
    await venue?.stop();
  });

  it('the live instrument trades on paper:binance with the same symbol, shown as PAPER', async () => {
    expect(await page.getByTestId('mode-badge').textContent()).toBe('LIVE DATA');
    await expect
      .poll(() => ticket.getByTestId('ticket-target').textContent(), { timeout: 20_000 })
      .toBe(`paper:binance ${SYMBOL}`);
    expect(await ticket.getByTestId('paper-badge').textContent()).toBe('PAPER');
    expect(await ticket.textContent()).toContain('paper twin of binance');
    expect(await page.getByTestId('trading-target').textContent()).toBe(`trades on paper:binance ${SYMBOL}`);
    // Available once the paper venue has the live venue's metadata and opened "you".
    await expect.poll(() => ticket.getByTestId('ticket-unavailable').count(), { timeout: 20_000 }).toBe(0);
    expect(await ticket.getByTestId('ticket-submit').isEnabled()).toBe(true);
  });

  it('a ladder click rests a paper limit on its row and in the paper blotter; a click cancels it', async () => {
    const ladder = page.getByTestId('ladder-view');
    const orders = page.getByTestId('orders-panel');
    await ticket.getByLabel('Size', { exact: true }).fill('0.002');
    await ladder.getByTestId('ladder-arm').click();
    const bestIndex = Number(await ladder.locator('[data-best="bid"]').getAttribute('data-row'));
    const row = ladder.locator(`[data-row="${bestIndex + 4}"]`);
    const price = (await row.getAttribute('data-price'))!;
    await row.locator('[data-cell="bid"]').click();
    const orderRow = orders.locator('tr[data-order-id]');
    await expect.poll(() => orderRow.count()).toBe(1);
    expect(await orders.locator('.trade-head').textContent()).toContain('paper:binance');
    expect(await orderRow.locator('td').nth(2).textContent()).toBe(SYMBOL);
    expect(Number(await orderRow.locator('[data-field="price"]').textContent())).toBe(Number(price));
    const own = ladder.locator(`[data-price="${price}"] [data-cell="own-buy"]`);
    await expect.poll(() => own.textContent()).toBe('0.002');
    // Queue position: on the ladder in the row's bid cell, and in the blotter, with a confidence.
    const mark = ladder.locator(`[data-price="${price}"] [data-cell="bid"] [data-queue]`);
    await expect.poll(() => mark.count()).toBe(1);
    expect(await mark.getAttribute('data-confidence')).toMatch(/^(high|medium|low)$/);
    expect(await mark.textContent()).toMatch(/^▲[0-9.]+[HML]$/);
    const queue = orderRow.locator('[data-field="queue"]');
    await expect.poll(() => queue.textContent()).toMatch(/^▲ [0-9.]+ ahead [HML]$/);
    expect(await queue.getAttribute('data-confidence')).toBe(await mark.getAttribute('data-confidence'));
    expect(await queue.textContent()).toContain(`▲ ${await mark.getAttribute('data-queue')} ahead`);
    const why = orderRow.locator('[data-field="why"]');
    expect(await why.getAttribute('data-reason')).toMatch(/^(queue_ahead|awaiting_prints)$/);
    expect(await why.getAttribute('title')).toMatch(/queue|front/);
    await page.screenshot({ path: join(SCREENSHOTS, 'trading-paper.png') });
    await ladder.screenshot({ path: join(SCREENSHOTS, 'trading-paper-ladder.png') });
    await orders.screenshot({ path: join(SCREENSHOTS, 'trading-paper-blotter.png') });
    await own.click();
    await expect.poll(() => orderRow.count()).toBe(0);
  });

  it('a market buy walks the fake venue’s book and fills on paper', async () => {
    await ticket.getByLabel('Type', { exact: true }).selectOption('market');
    await ticket.getByTestId('ticket-submit').click();
    await expect
      .poll(() => ticket.getByTestId('ticket-outcome').textContent(), { timeout: 10_000 })
      .toMatch(/Buy 0\.002 BTCUSDT at market: order \S+ filled, filled 0\.002/);
    const position = page.getByTestId('portfolio-panel').locator(`tr[data-position="${SYMBOL}"]`);
    await expect.poll(() => position.locator('[data-field="quantity"]').textContent()).toBe('0.002');
    expect(problems).toEqual([]);
  });

  it('when the venue goes silent, a resting paper order says the book is not live', async () => {
    const ladder = page.getByTestId('ladder-view');
    const orders = page.getByTestId('orders-panel');
    await ticket.getByLabel('Type', { exact: true }).selectOption('limit');
    const bestIndex = Number(await ladder.locator('[data-best="bid"]').getAttribute('data-row'));
    await ladder.locator(`[data-row="${bestIndex + 3}"] [data-cell="bid"]`).click();
    const orderRow = orders.locator('tr[data-order-id]');
    await expect.poll(() => orderRow.count()).toBe(1);
    const why = orderRow.locator('[data-field="why"]');
    await expect.poll(() => why.getAttribute('data-reason')).toMatch(/^(queue_ahead|awaiting_prints)$/);
    venue.silent = true; // no data, no pongs: Binance's silence limit (30 s) marks the book stale
    await expect
      .poll(() => why.getAttribute('data-reason'), { timeout: 45_000, interval: 250 })
      .toMatch(/^book_(stale|resyncing|invalid|unavailable)$/);
    expect(await why.getAttribute('title')).toMatch(/nothing fills/);
    expect(await orderRow.locator('[data-field="queue"]').getAttribute('data-confidence')).toBe('low');
    await page.screenshot({ path: join(SCREENSHOTS, 'trading-paper-stale.png') });
    await orders.screenshot({ path: join(SCREENSHOTS, 'trading-paper-stale-blotter.png') });
    venue.silent = false;
    await orderRow.getByTestId('order-cancel').click();
    await expect.poll(() => orderRow.count(), { timeout: 20_000 }).toBe(0);
    expect(problems).toEqual([]);
  });
});

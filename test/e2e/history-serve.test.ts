/**
 * History and replay in Chromium against `npm run serve` (fresh data directory, the simulated venue
 * journaled to SQLite, portfolio and book snapshots every 2 s): after two market orders through the
 * ticket, the History panel shows your fills (filters work), the CSV export downloads a file with
 * the right header and one row per fill, equity curves and stored candles are drawn; the Replay
 * panel records a session, loads it and plays it to the end as fast as possible.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/chromium';
import { collectProblems, SCREENSHOTS } from './support/page-problems';
import { serve, type Served } from './support/serve';

const HEADER = 'time_utc,time_ms,venue,symbol,side,price,quantity,fee,fee_asset,liquidity,order_id,trade_id';

describe('history and replay panels', () => {
  let served: Served;
  let browser: Browser;
  let page: Page;
  const problems: string[] = [];

  beforeAll(async () => {
    served = await serve([], {}, { sim: { snapshotSec: 2 }, history: { bookSnapshotSec: 2 } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    collectProblems(page, problems);
    await page.goto(served.url);
    await page.locator('[data-panel="ticket"]').waitFor();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });

  async function openPanel(name: string, id: string): Promise<void> {
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill(`open panel ${name}`);
    await page.keyboard.press('Enter');
    await page.locator(`[data-panel="${id}"]`).waitFor();
  }

  async function marketOrder(side: 'buy' | 'sell', size: string): Promise<void> {
    const ticket = page.getByTestId('ticket');
    await ticket.getByLabel('Type', { exact: true }).selectOption('market');
    await ticket.getByLabel('Time in force').selectOption('IOC');
    await ticket.getByLabel('Size', { exact: true }).fill(size);
    await ticket
      .getByRole('button', { name: side === 'buy' ? /buy/i : /sell/i })
      .first()
      .click();
    await ticket.getByTestId('ticket-submit').click();
    await expect
      .poll(() => ticket.getByTestId('ticket-outcome').textContent(), { timeout: 15_000 })
      .toMatch(new RegExp(`filled ${size.replace('.', '\\.')}`));
  }

  it('shows your fills from SQLite, filters them, and exports them as CSV', async () => {
    await marketOrder('buy', '0.02');
    await marketOrder('sell', '0.01');
    await openPanel('history', 'history');
    const panel = page.getByTestId('history-panel');
    const rows = panel.getByTestId('history-fills').locator('tr[data-fill]');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    const count = await rows.count();
    const sides = await rows.locator('td:nth-child(4)').allTextContents();
    expect(new Set(sides)).toEqual(new Set(['buy', 'sell']));
    expect(new Set(await rows.locator('td:nth-child(2)').allTextContents())).toEqual(new Set(['sim']));

    await panel.getByLabel('Side').selectOption('sell');
    await expect
      .poll(async () => new Set(await rows.locator('td:nth-child(4)').allTextContents()))
      .toEqual(new Set(['sell']));
    await panel.getByLabel('Side').selectOption('');
    await expect.poll(() => rows.count()).toBe(count);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByTestId('export-fills').click(),
    ]);
    expect(download.suggestedFilename()).toBe('fills-all-venues.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines.length - 1).toBe(count);
    for (const line of lines.slice(1)) {
      const fields = line.split(',');
      expect(fields[2]).toBe('sim');
      expect(fields[3]).toBe('BTC-USD');
      expect(['buy', 'sell']).toContain(fields[4]);
      expect(fields[6]).toMatch(/^\d+(\.\d+)?$/);
    }
    const shownPrices = await rows.locator('td:nth-child(5)').allTextContents();
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[5])
        .sort(),
    ).toEqual([...shownPrices].sort());
    await page.screenshot({ path: join(SCREENSHOTS, 'history-fills.png') });
  });

  it('draws equity curves of you and the agents, and candles from stored prints', async () => {
    const panel = page.getByTestId('history-panel');
    await panel.locator('[data-tab="equity"]').click();
    const chart = panel.getByTestId('equity-chart');
    await expect
      .poll(
        async () => {
          await panel.locator('[data-tab="equity"]').click(); // asks again
          return Number(await chart.getAttribute('data-points'));
        },
        { timeout: 20_000, interval: 2000 },
      )
      .toBeGreaterThanOrEqual(16); // 8 accounts (you and 7 agents), 2 snapshots each at least
    expect(Number(await chart.getAttribute('data-series'))).toBe(8);
    await expect.poll(() => chart.locator('.recharts-line').count()).toBeGreaterThanOrEqual(8);
    await page.screenshot({ path: join(SCREENSHOTS, 'history-equity.png') });

    await panel.locator('[data-tab="candles"]').click();
    const candles = panel.getByTestId('history-candles');
    await expect
      .poll(async () => Number(await candles.getAttribute('data-candles')), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => candles.locator('.candle').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'history-candles.png') });
    expect(problems).toEqual([]);
  });

  it('records a session, then replays it as fast as possible', async () => {
    await openPanel('replay', 'replay');
    const panel = page.getByTestId('replay-panel');
    await panel.getByLabel('Recording label').fill('e2e session');
    await panel.getByTestId('recording-toggle').click();
    await expect
      .poll(() => panel.getByTestId('recording-controls').getAttribute('data-recording'))
      .toBe('true');
    await page.waitForTimeout(3000);
    await panel.getByTestId('recording-toggle').click();
    await expect
      .poll(() => panel.getByTestId('recording-controls').getAttribute('data-recording'))
      .toBe('false');
    const row = panel.getByTestId('recordings').locator('tr[data-recording]').first();
    await expect.poll(() => row.locator('td:nth-child(2)').textContent()).toBe('e2e session');
    await row.getByRole('button', { name: 'Load' }).click();
    const controls = panel.getByTestId('replay-controls');
    await expect.poll(() => controls.getAttribute('data-status')).toBe('paused');
    await controls.locator('[data-speed="max"]').click();
    await expect.poll(() => controls.getAttribute('data-status'), { timeout: 20_000 }).toBe('ended');
    const position = (await controls.getByTestId('replay-position').textContent())!;
    const [done, total] = position.split(' / ').map(Number);
    expect(done).toBe(total);
    expect(total).toBeGreaterThan(0);
    const books = controls.getByTestId('replay-books').locator('tr[data-book]');
    expect(await books.count()).toBe(5);
    expect(new Set(await books.locator('td:nth-child(3)').allTextContents())).toEqual(new Set(['live']));
    await page.screenshot({ path: join(SCREENSHOTS, 'replay.png') });
    expect(problems).toEqual([]);
  });
});

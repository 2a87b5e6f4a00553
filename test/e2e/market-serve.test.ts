/**
 * Live market data end to end: `npm run serve` with Binance enabled in settings and its
 * endpoints pointed (DEPTHLINE_BINANCE_WS_URL / _REST_URL) at a fake Binance on 127.0.0.1 that
 * moves its book. In Chromium the health strip shows the watched book live; the book view shows
 * it with a stream source badge; when the venue drops and refuses connections the UI greys the
 * book as stale and the health strip shows the venue OFFLINE with its next retry, and it comes
 * back live after the venue returns.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBinance } from '../support/fake-venues/binance';
import { FakeServer } from '../support/fake-venues/server';
import { SCREENSHOTS } from './support/page-problems';
import { launchChromium } from './support/chromium';
import { serve, type Served } from './support/serve';

describe('live market data in the headless app', () => {
  let venue: FakeServer;
  let fake: FakeBinance;
  let served: Served;
  let browser: Browser;

  beforeAll(async () => {
    venue = await FakeServer.start();
    fake = new FakeBinance(venue);
    fake.pump(20);
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-market-e2e-'));
    writeFileSync(
      join(dataDir, 'settings.json'),
      JSON.stringify({ venues: { binance: { enabled: true, symbols: ['BTCUSDT'] } } }),
    );
    served = await serve(['--data-dir', dataDir], {
      DEPTHLINE_BINANCE_WS_URL: venue.wsUrl('/stream'),
      DEPTHLINE_BINANCE_REST_URL: venue.httpUrl,
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    fake?.stopPump();
    await browser?.close();
    await served?.stop();
    await venue?.stop();
  });

  it('shows the watched book live, then stale when the venue drops, then live again', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 820 } });
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    await page.goto(served.url);

    const chip = page.locator('[data-health-book="binance:BTCUSDT"]');
    await expect.poll(() => chip.getAttribute('data-status'), { timeout: 15_000 }).toBe('live');
    await expect.poll(() => page.locator('[data-venue="binance"]').textContent()).toContain('live');
    await chip.click();
    const book = page.getByTestId('book-view');
    await expect.poll(() => book.getAttribute('data-status'), { timeout: 10_000 }).toBe('live');
    expect(await page.getByTestId('book-source').textContent()).toBe('stream');
    await expect.poll(() => book.locator('tr.bid').count()).toBe(10);
    await expect.poll(() => book.locator('tr.ask').count()).toBe(10);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'market-live.png') });

    // Grouped view: 100 ticks of 0.1 -> every bucket price is a multiple of 10.
    await page.getByLabel('Grouping').selectOption({ label: '100 ticks' });
    const grouped = async () => {
      const prices = await book.locator('tr td:first-child').allTextContents();
      return prices.length > 0 && prices.every((p) => Number(p) % 10 === 0);
    };
    await expect.poll(grouped, { timeout: 5000 }).toBe(true);
    await page.getByLabel('Grouping').selectOption({ label: 'full precision' });

    venue.refuse = true;
    venue.terminateAll();
    const droppedAt = Date.now();
    await expect.poll(() => book.getAttribute('data-status'), { timeout: 5000 }).toBe('stale');
    expect(Date.now() - droppedAt).toBeLessThan(2000);
    expect(await book.evaluate((el) => getComputedStyle(el).opacity)).toBe('0.45');
    // The venue is unreachable: the health strip says so, with its next attempt.
    await expect
      .poll(() => page.locator('[data-health-venue="binance"] [data-offline]').textContent(), {
        timeout: 5000,
      })
      .toMatch(/^OFFLINE, retry in \d+ s$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'market-stale.png') });

    venue.refuse = false;
    await expect.poll(() => book.getAttribute('data-status'), { timeout: 15_000 }).toBe('live');
    expect(problems).toEqual([]);
  });
});

/**
 * The trading UI's market panels end to end: `npm run serve` with Binance enabled and pointed at a
 * fake Binance on 127.0.0.1 that moves its BTCUSDT book and prints trades we script. In Chromium:
 * the default workspace follows the watched book with a LIVE DATA badge (PAPER for the simulated
 * venue); with paper trading off Binance has no paper twin, so the ticket says so and nothing
 * trades; grouping really aggregates, in the book and on the ladder, compared with the venue's own
 * book; the ladder scrolls away and re-centres; the tape hides small prints and highlights big
 * ones; the chart draws candles from prints; the cheat sheet lists the new actions; and when the
 * venue goes silent the health strip, book and ladder grey out and say so.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeBinance, px } from '../support/fake-venues/binance';
import { FakeServer } from '../support/fake-venues/server';
import { launchChromium } from './support/chromium';
import { collectProblems, SCREENSHOTS } from './support/page-problems';
import { serve, type Served } from './support/serve';

const SYMBOL = 'BTCUSDT';

/** Naive grouping of the venue's own levels (ticks, lots) into buckets of `multiple` ticks. */
function naiveGroups(levels: Array<[number, number]>, multiple: number, side: 'bid' | 'ask') {
  const out = new Map<number, number>();
  for (const [ticks, lots] of levels) {
    const bucket =
      side === 'bid' ? Math.floor(ticks / multiple) * multiple : Math.ceil(ticks / multiple) * multiple;
    out.set(bucket, (out.get(bucket) ?? 0) + lots);
  }
  return out;
}

/** "1000.5" at tick 0.1 -> 10005 ticks; "0.012" at lot 0.001 -> 12 lots (exact for these inputs). */
const ticksOf = (price: string) => Math.round(Number(price) * 10);
const lotsOf = (size: string) => Math.round(Number(size) * 1000);

describe('trading UI, market panels', () => {
  let venue: FakeServer;
  let fake: FakeBinance;
  let served: Served;
  let browser: Browser;
  let page: Page;
  let tradeId = 1;
  const problems: string[] = [];

  const print = (size: string, side: 'buy' | 'sell') => {
    const data = {
      e: 'aggTrade',
      E: Date.now(),
      s: SYMBOL,
      a: tradeId++,
      p: px(side === 'buy' ? 10_001 : 9_999),
      q: size,
      f: 1,
      l: 1,
      T: Date.now(),
      m: side === 'sell',
    };
    venue.broadcast(JSON.stringify({ stream: `${SYMBOL.toLowerCase()}@aggTrade`, data }));
  };

  beforeAll(async () => {
    venue = await FakeServer.start();
    fake = new FakeBinance(venue);
    fake.pump(20);
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-ui-e2e-'));
    writeFileSync(
      join(dataDir, 'settings.json'),
      // Paper trading off: Binance has no paper twin, so nothing on this screen may trade.
      JSON.stringify({
        venues: { binance: { enabled: true, symbols: [SYMBOL] } },
        paper: { enabled: false },
      }),
    );
    served = await serve(['--data-dir', dataDir], {
      DEPTHLINE_BINANCE_WS_URL: venue.wsUrl('/stream'),
      DEPTHLINE_BINANCE_REST_URL: venue.httpUrl,
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    collectProblems(page, problems);
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.goto(served.url);
  });

  afterAll(async () => {
    fake?.stopPump();
    await browser?.close();
    await served?.stop();
    await venue?.stop();
  });

  it('follows the watched book in every panel, with a LIVE DATA badge', async () => {
    const ladder = page.getByTestId('ladder-view');
    await expect.poll(() => ladder.getAttribute('data-status'), { timeout: 20_000 }).toBe('live');
    expect(await page.getByTestId('mode-badge').textContent()).toBe('LIVE DATA');
    await expect.poll(() => page.getByTestId('book-view').getAttribute('data-status')).toBe('live');
    // The depth chart redraws at most 4 times a second, so it may follow a moment later.
    await expect.poll(() => page.getByTestId('depth-view').getAttribute('data-status')).toBe('live');
    await expect.poll(() => ladder.locator('[data-best="bid"]').count()).toBe(1);
    await expect.poll(() => ladder.locator('[data-best="ask"]').count()).toBe(1);
    for (let i = 0; i < 6; i++) print(i % 2 ? '0.250' : '0.004', i % 2 ? 'buy' : 'sell');
    await expect.poll(() => page.getByTestId('tape-view').locator('tr.print').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('chart-view').locator('.candle').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'ui-terminal.png') });
  });

  it('a live instrument without a paper twin cannot be traded, and the ticket says why', async () => {
    const ticket = page.getByTestId('ticket');
    await expect
      .poll(() => ticket.getByTestId('ticket-unavailable').textContent())
      .toBe(`binance has no paper twin (paper:binance): enable paper trading for it to trade ${SYMBOL}`);
    expect(await ticket.getByTestId('ticket-submit').isDisabled()).toBe(true);
    expect(await ticket.getByTestId('paper-badge').count()).toBe(0);
    expect(await page.getByTestId('trading-target').textContent()).toMatch(
      /^no trading: binance has no paper twin/,
    );
    expect(await page.getByTestId('arm-switch').isDisabled()).toBe(true);
    expect(await page.getByTestId('ladder-arm').isDisabled()).toBe(true);
    // A ladder click only says why; keys too.
    await page.getByTestId('ladder-view').locator('[data-best="bid"] [data-cell="bid"]').click();
    await expect.poll(() => page.getByTestId('ladder-notice').textContent()).toMatch(/no paper twin/);
  });

  it('shows PAPER for the simulated venue, whatever the panel', async () => {
    await page.getByLabel('Venue', { exact: true }).selectOption('sim');
    await page.getByTestId('instrument-input').fill('BTC-USD');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('mode-badge').textContent()).toBe('PAPER');
    expect(await page.getByTestId('ladder-view').locator('.badge.mode.paper').count()).toBe(1);
    expect(await page.locator('.badge.mode.paper').count()).toBeGreaterThanOrEqual(5);
    await page.screenshot({ path: join(SCREENSHOTS, 'ui-paper.png') });
    await page.locator(`[data-health-book="binance:${SYMBOL}"]`).click();
    await expect.poll(() => page.getByTestId('mode-badge').textContent()).toBe('LIVE DATA');
    await expect.poll(() => page.getByTestId('ladder-view').getAttribute('data-status')).toBe('live');
  });

  it('grouping really aggregates: book and ladder equal a naive grouping of the venue book', async () => {
    fake.stopPump(); // hold the venue's book still so the comparison is exact
    const truth = fake.state(SYMBOL).truth.top(1000);
    const book = page.getByTestId('book-view');
    await page.getByLabel('Grouping', { exact: true }).selectOption({ label: '10 ticks' });
    const expectedBids = naiveGroups(truth.bids, 10, 'bid');
    /** Book rows that differ from the naive grouping (0 once the view shows the still book). */
    const bookMismatches = async () => {
      const rows = await book
        .locator('tr.bid')
        .evaluateAll((trs) => trs.map((tr) => [tr.children[0]!.textContent!, tr.children[1]!.textContent!]));
      if (rows.length !== Math.min(10, expectedBids.size)) return -1;
      return rows.filter(([p, s]) => expectedBids.get(ticksOf(p!)) !== lotsOf(s!)).length;
    };
    await expect.poll(bookMismatches, { timeout: 5000 }).toBe(0);
    expect(await page.getByTestId('book-step').textContent()).toBe('=1');

    // Ladder: `]` makes rows two ticks apart; every row's size is the naive bucket's.
    const body = page.getByTestId('ladder-body');
    await body.click();
    await page.keyboard.press(']');
    await expect.poll(() => body.getAttribute('data-multiple')).toBe('2');
    const ladderBids = naiveGroups(truth.bids, 2, 'bid');
    const ladderAsks = naiveGroups(truth.asks, 2, 'ask');
    const ladderMismatches = async () => {
      const rows = await body.locator('[data-price]').evaluateAll((rs) =>
        rs.map((r) => ({
          price: r.getAttribute('data-price')!,
          bid: r.querySelector('[data-cell="bid"]')!.textContent!,
          ask: r.querySelector('[data-cell="ask"]')!.textContent!,
        })),
      );
      let bad = 0;
      for (let i = 1; i < rows.length; i++)
        if (ticksOf(rows[i - 1]!.price) - ticksOf(rows[i]!.price) !== 2) bad++;
      for (const row of rows) {
        const t = ticksOf(row.price);
        if ((row.bid === '' ? undefined : lotsOf(row.bid)) !== ladderBids.get(t)) bad++;
        if ((row.ask === '' ? undefined : lotsOf(row.ask)) !== ladderAsks.get(t)) bad++;
      }
      return rows.length > 10 ? bad : -1;
    };
    await expect.poll(ladderMismatches, { timeout: 5000 }).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'ui-grouped.png') });
    await page.keyboard.press('[');
    await expect.poll(() => body.getAttribute('data-multiple')).toBe('1');
    await page.getByLabel('Grouping', { exact: true }).selectOption({ label: 'full precision' });
    fake.pump(20);
  });

  it('the ladder scrolls away on the wheel and re-centres on Home and on the button', async () => {
    const ladder = page.getByTestId('ladder-view');
    const body = page.getByTestId('ladder-body');
    const box = (await body.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, -300);
    await expect.poll(() => page.getByTestId('ladder-scrolled').count()).toBe(1);
    await expect.poll(() => ladder.locator('[data-best]').count()).toBe(0);

    const centred = async () => {
      const rows = await body.locator('[data-row]').count();
      const bid = await ladder.locator('[data-best="bid"]').getAttribute('data-row');
      const ask = await ladder.locator('[data-best="ask"]').getAttribute('data-row');
      const middle = Math.floor((rows - 1) / 2);
      // Best ask above the middle row, best bid at or below it, both close to it.
      return (
        Number(ask) < Number(bid) &&
        Math.abs(Number(bid) - middle) <= 6 &&
        Math.abs(Number(ask) - middle) <= 6
      );
    };
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('ladder-scrolled').count()).toBe(0);
    await expect.poll(centred).toBe(true);

    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 300);
    await expect.poll(() => ladder.locator('[data-best]').count()).toBe(0);
    await page.getByTestId('ladder-recenter').click();
    await expect.poll(centred).toBe(true);
    // Trading stays off (no paper twin): the arm switch is visible, disabled, and says why.
    const arm = page.getByTestId('ladder-arm');
    expect(await arm.isDisabled()).toBe(true);
    expect(await arm.getAttribute('title')).toMatch(/no paper twin/);
  });

  it('the tape hides prints below the minimum size and highlights big ones', async () => {
    const tape = page.getByTestId('tape-view');
    for (const size of ['0.003', '0.002', '3.500', '0.001', '5.000']) print(size, 'buy');
    await expect.poll(() => tape.locator('tr.print[data-size="3.500"]').count()).toBe(1);
    await tape.getByLabel('Minimum size').fill('0.01');
    await tape.getByLabel('Minimum size').press('Enter');
    const sizes = () =>
      tape.locator('tr.print').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-size')!));
    await expect.poll(async () => (await sizes()).every((s) => Number(s) >= 0.01)).toBe(true);
    expect((await sizes()).length).toBeGreaterThan(0);
    expect(await tape.getByTestId('tape-hidden').textContent()).toMatch(/^\d+ smaller prints hidden$/);
    await tape.getByLabel('Big print size').fill('2');
    await tape.getByLabel('Big print size').press('Enter');
    await expect.poll(() => tape.locator('tr.print.big').count()).toBe(2);
    await page.screenshot({ path: join(SCREENSHOTS, 'ui-tape-filter.png') });
    // An invalid threshold is flagged and not saved.
    await tape.getByLabel('Minimum size').fill('abc');
    expect(await tape.getByLabel('Minimum size').getAttribute('aria-invalid')).toBe('true');
    await tape.getByLabel('Minimum size').press('Escape');
    expect(await tape.getByLabel('Minimum size').inputValue()).toBe('0.01');
  });

  it('the cheat sheet lists the new actions with their keys', async () => {
    await page.getByTestId('ladder-body').click();
    await page.keyboard.press('Shift+?');
    const sheet = page.getByTestId('cheatsheet');
    await sheet.waitFor();
    const keys = (id: string) => sheet.locator(`[data-action="${id}"] kbd`).textContent();
    expect(await keys('ladder.recenter')).toBe('Home');
    expect(await keys('ladder.groupCoarser')).toBe(']');
    expect(await keys('ladder.groupFiner')).toBe('[');
    expect(await keys('ladder.pageUp')).toBe('PgUp');
    expect(await keys('book.groupCoarser')).toBe('Alt+]');
    expect(await keys('instrument.search')).toBe('/');
    // Actions without a key are left to the palette, which runs them.
    expect(await sheet.locator('[data-action="chart.toggleStyle"]').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'ui-cheatsheet.png') });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByTestId('palette-input').fill('chart candles line');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('chart-view').getAttribute('data-style')).toBe('line');
  });

  it('greys the book, ladder and health chip when the venue goes silent, and recovers', async () => {
    const chip = page.locator(`[data-health-book="binance:${SYMBOL}"]`);
    expect(await chip.getAttribute('data-status')).toBe('live');
    venue.silent = true; // no data, no pongs: a half-open connection
    const silentAt = Date.now();
    await expect
      .poll(() => chip.getAttribute('data-status'), { timeout: 45_000, interval: 250 })
      .not.toBe('live');
    // Binance's silence limit is 30 s; the UI must follow within a second or so of main.
    expect(Date.now() - silentAt).toBeLessThan(40_000);
    expect(await chip.evaluate((el) => getComputedStyle(el).opacity)).toBe('0.45');
    const ladder = page.getByTestId('ladder-view');
    await expect.poll(() => ladder.getAttribute('data-status')).not.toBe('live');
    expect(await page.getByTestId('ladder-body').evaluate((el) => getComputedStyle(el).opacity)).toBe('0.45');
    expect(await page.getByTestId('book-view').evaluate((el) => getComputedStyle(el).opacity)).toBe('0.45');
    expect(await ladder.getByRole('status').textContent()).toMatch(/STALE|RESYNCING|INVALID/);
    await page.screenshot({ path: join(SCREENSHOTS, 'ui-silent.png') });
    venue.silent = false;
    await expect.poll(() => chip.getAttribute('data-status'), { timeout: 30_000 }).toBe('live');
    await expect.poll(() => ladder.getAttribute('data-status')).toBe('live');
    expect(problems).toEqual([]);
  });
});

/**
 * The trading UI under load, in Chromium: a fake Binance moves BTCUSDT at ~1,000 book diff events
 * per second (each its own frame, consecutive U/u ids) into the headless host, and the default
 * workspace shows the ladder on that book. Measured:
 * - frame rate on the page (rAF intervals over 3 windows of 10 s; median) and long frames;
 * - input to render: keydown to the painted frame for scroll (PageUp), re-centre (Home) and a
 *   grouping change (`]`/`[`: the new row grid, then the first rows with data at the new grouping,
 *   which includes the round trip to main); p50/p95 over many samples;
 * - the feed: diff events the venue sent per second, the most bytes ever waiting in the venue's
 *   socket for main to read, and proof main applied all of them (no gap resync although every diff
 *   is sequence-checked, and the book on screen equals the venue's book once the venue pauses);
 * - coalescing: book states the renderer received and committed, and ladder renders, per second.
 * Targets: >= 55 frames/s and input to render < 50 ms p95. Builds first (`electron-vite build`).
 */
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { launchChromium } from '../test/e2e/support/chromium';
import { median, percentile, report } from './lib/report';
import { REPO_ROOT, startUiScenario, SYMBOL, type UiScenario } from './ui-harness';
import { armLatency, collectFrames, installKeyClock, readLatency, type DomCondition } from './ui-probes';

const RATE = 1000;
const WINDOWS = 3;
const WINDOW_S = 10;
const SAMPLES = 40;

interface PerfCounters {
  received: Record<string, number>;
  committed: Record<string, number>;
  renders: Record<string, number>;
}

async function main(): Promise<void> {
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: REPO_ROOT, stdio: 'ignore' });
  if (build.status !== 0) throw new Error('build failed');
  const scenario = await startUiScenario({ updatesPerSecond: RATE, tradesPerSecond: 20 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
    // tsx keeps function names with a helper that the page does not have.
    await page.addInitScript('window.__name = (f) => f;');
    await page.goto(scenario.url);
    await page.locator('[data-testid="ladder-view"][data-status="live"]').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(3000);
    await frameRate(page, scenario);
    await inputLatency(page);
    await feedIntegrity(page, scenario);
  } finally {
    await browser.close();
    await scenario.stop();
  }
}

async function counters(page: Page): Promise<PerfCounters> {
  return page.evaluate(() => {
    const p = (globalThis as unknown as { __depthlinePerf: PerfCounters }).__depthlinePerf;
    return JSON.parse(JSON.stringify(p)) as PerfCounters;
  });
}

const delta = (a: Record<string, number>, b: Record<string, number>, key: string) =>
  (b[key] ?? 0) - (a[key] ?? 0);

async function frameRate(page: Page, scenario: UiScenario): Promise<void> {
  const fps: number[] = [];
  const p95: number[] = [];
  const p99: number[] = [];
  let long = 0;
  let sentPerS = 0;
  let received = 0;
  let committed = 0;
  let ladderRenders = 0;
  let seconds = 0;
  let backlog = 0;
  for (let w = 0; w < WINDOWS; w++) {
    const before = await counters(page);
    const sentBefore = scenario.sent();
    const started = performance.now();
    const sampler = setInterval(() => (backlog = Math.max(backlog, scenario.backlog())), 50);
    const times = await page.evaluate(collectFrames, WINDOW_S);
    clearInterval(sampler);
    const elapsed = (performance.now() - started) / 1000;
    const after = await counters(page);
    sentPerS = Math.max(sentPerS, (scenario.sent() - sentBefore) / elapsed);
    const intervals = times.slice(1).map((t, i) => t - times[i]!);
    const sorted = [...intervals].sort((a, b) => a - b);
    fps.push((intervals.length * 1000) / (times.at(-1)! - times[0]!));
    p95.push(percentile(sorted, 95));
    p99.push(percentile(sorted, 99));
    long += intervals.filter((i) => i > 50).length;
    received += delta(before.received, after.received, 'market.book');
    committed += delta(before.committed, after.committed, 'market.book');
    ladderRenders += delta(before.renders, after.renders, 'LadderPanel');
    seconds += elapsed;
  }
  report({ name: 'ui.ladder.frames_per_s', value: median(fps), unit: 'frames/s', runs: WINDOWS });
  report({ name: 'ui.ladder.frames_per_s_worst_window', value: Math.min(...fps), unit: 'frames/s' });
  report({ name: 'ui.ladder.frame_interval_p95', value: median(p95), unit: 'ms', runs: WINDOWS });
  report({ name: 'ui.ladder.frame_interval_p99', value: median(p99), unit: 'ms', runs: WINDOWS });
  report({ name: 'ui.ladder.frames_over_50ms', value: long, unit: `frames in ${WINDOWS * WINDOW_S} s` });
  report({ name: 'ui.feed.venue_diffs_per_s', value: sentPerS, unit: 'events/s' });
  // Main keeping up: what the venue wrote and main had not read yet, at worst (a few frames).
  report({ name: 'ui.feed.venue_socket_backlog_max', value: backlog, unit: 'bytes' });
  report({ name: 'ui.renderer.book_states_received_per_s', value: received / seconds, unit: 'states/s' });
  report({ name: 'ui.renderer.book_states_committed_per_s', value: committed / seconds, unit: 'states/s' });
  report({ name: 'ui.renderer.ladder_renders_per_s', value: ladderRenders / seconds, unit: 'renders/s' });
}

async function sample(page: Page, key: string, conditions: DomCondition[]): Promise<number[] | null> {
  await page.evaluate(armLatency, { conditions, timeoutMs: 3000 });
  await page.keyboard.press(key);
  const result = await page.evaluate(readLatency);
  return result && !result.timedOut ? [...result.painted] : null;
}

async function inputLatency(page: Page): Promise<void> {
  await page.evaluate(installKeyClock);
  await page.locator('[data-testid="ladder-body"]').click(); // focus the page, not an input
  const scroll: number[] = [];
  const recentre: number[] = [];
  const grid: number[] = [];
  const data: number[] = [];
  let missed = 0;
  const scrolled = { selector: '[data-testid="ladder-scrolled"]' };
  const centred = { selector: '[data-testid="ladder-scrolled"]', absent: true };
  for (let i = 0; i < SAMPLES; i++) {
    const s = await sample(page, 'PageUp', [scrolled]);
    await page.waitForTimeout(50);
    const r = await sample(page, 'Home', [
      centred,
      { selector: '[data-testid="ladder-view"] [data-best="bid"]' },
    ]);
    if (s) scroll.push(s[0]!);
    if (r) recentre.push(Math.max(...r));
    missed += (s ? 0 : 1) + (r ? 0 : 1);
    await page.waitForTimeout(50);
  }
  for (let i = 0; i < SAMPLES; i++) {
    const coarser = i % 2 === 0;
    const multiple = coarser ? '2' : '1';
    const body = '[data-testid="ladder-body"]';
    const g = await sample(page, coarser ? ']' : '[', [
      { selector: body, attr: 'data-multiple', equals: multiple },
      { selector: `${body}[data-multiple="${multiple}"]`, attr: 'data-has-book', equals: '1' },
    ]);
    if (g) {
      grid.push(g[0]!);
      data.push(g[1]!);
    } else missed += 1;
    await page.waitForTimeout(50);
  }
  const p = (xs: number[], q: number) =>
    percentile(
      [...xs].sort((a, b) => a - b),
      q,
    );
  for (const [name, xs] of [
    ['scroll_page', scroll],
    ['recentre', recentre],
    ['grouping_grid', grid],
    ['grouping_data', data],
  ] as const) {
    report({ name: `ui.input_to_paint.${name}_p50`, value: p(xs, 50), unit: 'ms', runs: xs.length });
    report({ name: `ui.input_to_paint.${name}_p95`, value: p(xs, 95), unit: 'ms', runs: xs.length });
  }
  report({ name: 'ui.input_to_paint.timeouts', value: missed, unit: 'samples' });
}

/** Pauses the venue, then checks that the book main shows equals the venue's own book. */
async function feedIntegrity(page: Page, scenario: UiScenario): Promise<void> {
  const sent = scenario.sent();
  scenario.setRate(0);
  await page.waitForTimeout(1500);
  const truth = scenario.fake.state(SYMBOL).truth.top(10);
  const shown = await page.evaluate(() => {
    const d = (
      globalThis as unknown as {
        document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> };
      }
    ).document;
    const texts = (s: string) => Array.from(d.querySelectorAll(s), (e) => e.textContent ?? '');
    return {
      bids: texts('[data-testid="book-view"] tr.bid td.price'),
      asks: texts('[data-testid="book-view"] tr.ask td.price'),
    };
  });
  const toTicks = (p: string) => Math.round(Number(p) * 10);
  const same =
    shown.bids.map(toTicks).join() ===
      truth.bids
        .slice(0, shown.bids.length)
        .map(([t]) => t)
        .join() &&
    shown.asks.map(toTicks).reverse().join() ===
      truth.asks
        .slice(0, shown.asks.length)
        .map(([t]) => t)
        .join();
  const health = await page.locator('[data-health-book="binance:BTCUSDT"]').getAttribute('title');
  const gaps = /gap (\d+)/.exec(health ?? '')?.[1] ?? '0';
  report({ name: 'ui.feed.diffs_sent_total', value: sent, unit: 'events' });
  report({ name: 'ui.feed.main_gap_resyncs', value: Number(gaps), unit: 'resyncs' });
  report({ name: 'ui.feed.book_matches_venue_after_pause', value: same ? 1 : 0, unit: 'bool' });
}

await main();

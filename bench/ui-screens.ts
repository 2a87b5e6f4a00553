/**
 * Screenshots of the terminal on a moving fake book, for looking at the UI while working on it:
 * `npx tsx bench/ui-screens.ts [outDir]` (after `npm run build`). Writes the default layout, the
 * cheat sheet and the instrument picker as PNGs. Not a benchmark and not a test.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from '../test/e2e/support/chromium';
import { REPO_ROOT, startUiScenario } from './ui-harness';

const out = process.argv[2] ?? join(REPO_ROOT, 'test-results', 'screenshots');
mkdirSync(out, { recursive: true });
const scenario = await startUiScenario({ updatesPerSecond: 200, tradesPerSecond: 6 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning')
      process.stderr.write(`console ${m.type()}: ${m.text()}\n`);
  });
  page.on('pageerror', (e) => process.stderr.write(`pageerror: ${e.message}\n`));
  await page.goto(scenario.url);
  await page.locator('[data-testid="ladder-view"][data-status="live"]').waitFor({ timeout: 20_000 });
  await page.waitForTimeout(Number(process.env.SCREENS_WAIT_MS ?? 6000));
  await page.screenshot({ path: join(out, 'ui-terminal.png') });
  await page.keyboard.press('Shift+?');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, 'ui-cheatsheet.png') });
  await page.keyboard.press('Escape');
  await page.keyboard.press('/');
  await page.keyboard.type('btc');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, 'ui-picker.png'), clip: { x: 0, y: 0, width: 800, height: 420 } });
  process.stdout.write(`screenshots in ${out}\n`);
} finally {
  await browser.close();
  await scenario.stop();
}

/**
 * What every e2e page should never show: uncaught page errors and console errors. Tests collect
 * them into their own list and assert it is empty at the end.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './serve';

export const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'screenshots');

export function collectProblems(page: Page, problems: string[]): void {
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
}

/**
 * reliability.md A12 in the default run: 1,000,000 seeded commands through the engine and the naive
 * reference, compared command by command, with identical final L2 books and state hashes
 * (about 25 s here; `npm run test:soak` runs the same with progress output and other seeds).
 */
import { describe, expect, it } from 'vitest';
import { differentialRun } from './support/differential-run';

describe('1,000,000-command differential run', () => {
  it('the engine and the naive reference end with the same book and state hash', { timeout: 300_000 }, () => {
    const summary = differentialRun(20260101, 1_000_000, 10_000);
    process.stdout.write(
      `soak: engine ${summary.engineHash} naive ${summary.naiveHash} (${summary.seconds.toFixed(1)} s)\n`,
    );
    expect(summary.engineHash).toBe(summary.naiveHash);
    expect(summary.trades).toBeGreaterThan(100_000);
  });
});

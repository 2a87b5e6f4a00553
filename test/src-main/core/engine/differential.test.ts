/**
 * A shorter version of the soak (npm run test:soak runs 1,000,000 commands): seeded random command
 * streams through the engine and the naive reference, compared command by command.
 */
import { describe, expect, it } from 'vitest';
import { differentialRun } from './support/differential-run';

describe('differential run against the naive reference', () => {
  it.each([1, 2, 3])('seed %i: 25,000 commands agree on every result, event and hash', (seed) => {
    const summary = differentialRun(seed, 25_000, 2_500);
    expect(summary.engineHash).toBe(summary.naiveHash);
    expect(summary.trades).toBeGreaterThan(1_000);
    expect(summary.resting).toBeGreaterThan(100);
  });
});

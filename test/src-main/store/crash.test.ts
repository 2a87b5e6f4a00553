/**
 * reliability.md E2: SIGKILL a writer at random moments, many times, on the same database; after
 * every crash the ledger is intact, holds every acknowledged commit, has no partial commit, and
 * conserves every asset exactly. DEPTHLINE_CRASH_ROUNDS raises the count (npm run soak:store).
 */
import { describe, expect, it } from 'vitest';
import { bundleCrashChild, crashDataDir, crashRound } from './crash/harness';

const ROUNDS = Number(process.env.DEPTHLINE_CRASH_ROUNDS ?? 200);

describe('ledger durability under kill -9', () => {
  it(`survives ${ROUNDS} SIGKILLs with every acknowledged commit intact`, { timeout: 600_000 }, async () => {
    const child = bundleCrashChild();
    const dataDir = crashDataDir();
    let acknowledged = 0;
    let killedMidStream = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const result = await crashRound(child, dataDir, 25, acknowledged);
      expect.soft(result.problems, `round ${round}`).toEqual([]);
      if (result.problems.length) break;
      expect(result.commits).toBeGreaterThanOrEqual(result.acknowledged);
      expect(result.acknowledged).toBeGreaterThanOrEqual(acknowledged);
      if (result.commits > result.acknowledged) killedMidStream += 1;
      acknowledged = result.acknowledged;
    }
    // The harness must really have interrupted a writer that was committing.
    expect(acknowledged).toBeGreaterThan(ROUNDS);
    console.log(
      `[crash] ${ROUNDS} rounds, ${acknowledged} acknowledged commits, ${killedMidStream} kills between commit and ack`,
    );
  });
});

/**
 * Restart equivalence after SIGKILL (reliability E4, G3): a child process runs the simulated
 * venue on a SQLite journal under load (agents at 4x speed plus user orders) and reports the state
 * hash of acknowledged (committed) journal positions; the parent kills it at a random moment,
 * rebuilds the engine from the journal up to the last acknowledged position and requires the same
 * state hash, then restarts the venue on the full journal (it must replay cleanly and contain at
 * least everything acknowledged). Three rounds on the same data directory: each child continues
 * the session the previous one left.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJournal } from '../../../src-main/store/read/journal';
import { simSettings, testSim } from './support';
import { sqliteSim } from './sqlite-support';

const CHILD = resolve(import.meta.dirname, 'crash/sim-child.ts');

function runAndKill(dataDir: string, killAfterMs: number): Promise<{ seq: number; hash: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    let stderr = '';
    let last: { seq: number; hash: string } | null = null;
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.stdout.on('data', (c: Buffer) => {
      buffer += c.toString();
      let nl = buffer.indexOf('\n');
      while (nl >= 0) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 1);
        if (line === 'READY' && !timer) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
        const m = /^ACK (\d+) ([0-9a-f]{32})$/.exec(line);
        if (m) last = { seq: Number(m[1]), hash: m[2]! };
        nl = buffer.indexOf('\n');
      }
    });
    child.once('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal !== 'SIGKILL') return fail(new Error(`child exited by itself: ${stderr}`));
      if (!last) return fail(new Error(`no acknowledgement before the kill: ${stderr}`));
      done(last);
    });
  });
}

describe('simulated venue after SIGKILL', () => {
  it('rebuilds the acknowledged state exactly, three kills in a row', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-sim-crash-'));
    try {
      let previous = 0;
      for (const killAfter of [900, 1300, 700]) {
        const acked = await runAndKill(dataDir, killAfter);
        expect(acked.seq).toBeGreaterThan(previous);
        previous = acked.seq;
        // The engine rebuilt from the journal up to the acknowledged position has the acknowledged hash.
        const prefix = [...readJournal(dataDir, 'sim')].filter((r) => r.seq <= acked.seq);
        const rebuilt = await testSim({ replay: prefix, settings: simSettings({ speed: 4 }) });
        expect(rebuilt.sim.engine.stateHash()).toBe(acked.hash);
        expect(rebuilt.sim.pipeline.lastSeq).toBe(acked.seq);
        // The whole journal replays cleanly and holds everything acknowledged.
        const restarted = await sqliteSim(dataDir, { settings: simSettings({ speed: 4 }) });
        expect(restarted.sim.venue.state.status).toBe('running');
        expect(restarted.sim.pipeline.lastSeq).toBeGreaterThanOrEqual(acked.seq);
        expect(restarted.sim.engine.validate()).toEqual([]);
        await restarted.sim.stop();
        previous = restarted.sim.pipeline.lastSeq;
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});

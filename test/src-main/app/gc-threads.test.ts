/**
 * The scavenge mode chosen for the machine (src-main/app/gc-threads.ts): single-threaded only when
 * the cores are no more than the process's busy threads, and then really single-threaded. V8
 * ignores a flag it does not know without a word, so a child process allocating after the choice
 * checks V8's own GC trace: no scavenge work on background threads. The control, the same child
 * with the default, shows background work, so the trace can tell.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUSY_THREADS, fitGcToCores } from '../../../src-main/app/gc-threads';

const MODULE = fileURLToPath(new URL('../../../src-main/app/gc-threads.ts', import.meta.url));
/** Scavenges looked at, from the end: all of them after the choice. */
const LAST = 12;

/**
 * The last scavenges of a child that fits its GC to `cores` and then allocates short-lived objects
 * (the first ones, while the child loads its modules, come before the choice).
 */
function lastScavengesFor(cores: number): { total: number; withBackgroundWork: number } {
  const script = `
    const { fitGcToCores } = await import(${JSON.stringify(MODULE)});
    fitGcToCores(${cores});
    let kept = [];
    for (let i = 0; i < 1e7; i++) { kept.push({ i }); if (kept.length > 1e5) kept = []; }
  `;
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--trace-gc-nvp', '--input-type=module', '-e', script],
    { encoding: 'utf8' },
  );
  expect(child.status, child.stderr).toBe(0);
  // Each line names its isolate ("[pid:0x...]"); the child's main isolate collects last (tsx's
  // module loader runs in a worker thread of its own).
  const all = child.stdout.split('\n').filter((line) => line.includes('gc=s '));
  const isolate = /^\[\d+:0x[0-9a-f]+\]/.exec(all[all.length - 1] ?? '')?.[0] ?? 'none';
  const scavenges = all.filter((line) => line.startsWith(isolate)).slice(-LAST);
  const background = scavenges.filter((line) => !/background\.scavenge\.parallel=0\.00\b/.test(line));
  return { total: scavenges.length, withBackgroundWork: background.length };
}

describe('young-generation GC and the cores', () => {
  it('stays parallel when there are cores to spare', () => {
    expect(fitGcToCores(BUSY_THREADS + 1)).toBe('parallel');
    expect(fitGcToCores(64)).toBe('parallel');
  });

  it('runs scavenges on the collecting thread alone when the busy threads take every core', () => {
    const single = lastScavengesFor(BUSY_THREADS);
    expect(single.total).toBe(LAST);
    expect(single.withBackgroundWork).toBe(0);
    const parallel = lastScavengesFor(64);
    expect(parallel.total).toBe(LAST);
    expect(parallel.withBackgroundWork).toBeGreaterThan(0);
  });
});

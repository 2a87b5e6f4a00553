/**
 * `npm run replay` (run in process): replaying a recorded session of the simulated venue twice
 * prints the same lines; the final line's book fingerprints and engine state hash are the live
 * venue's when the recording stopped; `--list` lists it; bad flags are refused with a reason.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { silentLogger } from '../../../src-main/core/ports';
import { bookHash } from '../../../src-main/replay/book-hash';
import { parseReplayArgs, runReplayCli } from '../../../src-main/replay/cli';
import { SimConnector } from '../../../src-main/sim/connector';
import { recordingHarness } from '../../support/recording';
import { sqliteSim } from '../sim/sqlite-support';
import { simSettings } from '../sim/support';

async function run(argv: string[]): Promise<{ lines: string[]; failure: string | null }> {
  const options = parseReplayArgs(argv, '/nonexistent');
  if (!options.ok) return { lines: [], failure: options.error.message };
  const lines: string[] = [];
  const failure = await runReplayCli(options.value, {
    out: (line) => lines.push(line),
    clock: systemClock,
    timers: nodeTimers,
    log: silentLogger,
  });
  return { lines, failure };
}

describe('npm run replay', () => {
  it('prints the same fingerprints on every run, equal to the live venue at the end', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-replay-cli-'));
    const { sim, clock, steps } = await sqliteSim(dataDir);
    steps(30);
    const harness = await recordingHarness(dataDir, clock);
    harness.recorder.setTargets([], {
      ready: Promise.resolve(),
      isReady: () => true,
      lastSeq: () => sim.pipeline.lastSeq,
      seed: sim.seed,
      settings: simSettings(),
    });
    const started = harness.recorder.start('cli');
    steps(100);
    harness.recorder.stop();
    const connector = new SimConnector(sim.engine, sim.venue, sim.port, sim.pipeline, clock);
    const liveBooks = [...connector.watched()].sort().map((symbol) => ({
      venue: 'replay:sim',
      symbol,
      status: 'live',
      hash: bookHash(connector.bookState(symbol)),
    }));
    const liveState = sim.engine.stateHash();
    await sim.stop();
    await harness.close();
    const id = String(started.ok ? started.value.id : 0);

    const first = await run(['--data-dir', dataDir, '--session', id, '--speed', 'max', '--every', '50']);
    expect(first.failure).toBeNull();
    const second = await run(['--data-dir', dataDir, '--session', 'latest', '--every', '50']);
    expect(second.lines).toEqual(first.lines);
    const loaded = JSON.parse(first.lines[0]!.replace(/^REPLAY_LOADED /, '')) as { items: number };
    expect(first.lines.filter((l) => l.startsWith('REPLAY ')).length).toBe(Math.floor(loaded.items / 50));
    const end = JSON.parse(first.lines.at(-1)!.replace(/^REPLAY_END /, '')) as {
      books: unknown;
      simState: string;
      position: number;
    };
    expect(end.position).toBe(loaded.items);
    expect(end.books).toEqual(liveBooks);
    expect(end.simState).toBe(liveState);

    const listed = await run(['--data-dir', dataDir, '--list']);
    expect(listed.lines).toHaveLength(1);
    expect(listed.lines[0]).toMatch(/^RECORDING \{"id":1,"label":"cli",.*"venues":\["sim"\]\}$/);
  });

  it.each([
    [['--session', 'x'], /--session/],
    [['--session', '1', '--speed', '3'], /--speed/],
    [['--session', '1', '--every', '-1'], /every/],
    [['--data-dir', '/tmp'], /--session/],
    [['--sesion', '1'], /sesion/],
  ])('refuses %j', async (argv, message) => {
    const { failure } = await run(argv);
    expect(failure).toMatch(message);
  });

  it('says when there is no such recording', async () => {
    const { failure } = await run([
      '--data-dir',
      mkdtempSync(join(tmpdir(), 'depthline-empty-')),
      '--session',
      '4',
    ]);
    expect(failure).toMatch(/no recordings/);
  });
});

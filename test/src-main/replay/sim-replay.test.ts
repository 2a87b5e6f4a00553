/**
 * Recording the simulated venue: the recording keeps the range of the venue's journal it spans, and
 * a replay rebuilds the engine up to the start of that range, then applies the session's entries.
 * After every entry the replayed books equal the live books after the same entry; at the end the
 * engine's state hash is the live one. Twice, as fast as possible and at 1x on a manual clock.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bookHash } from '../../../src-main/replay/book-hash';
import type { ReplaySession } from '../../../src-main/replay/session';
import { SimConnector } from '../../../src-main/sim/connector';
import type { VenueConnector } from '../../../src-main/venues/kit';
import { StoreWriter } from '../../../src-main/store/writer/client';
import { recordingHarness, replayAll } from '../../support/recording';
import { SOURCE_WORKER } from '../../support/store-worker';
import { sqliteSim } from '../sim/sqlite-support';
import { simSettings } from '../sim/support';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

const fingerprint = (connector: VenueConnector) =>
  [...connector.watched()]
    .sort()
    .map((s) => bookHash(connector.bookState(s)))
    .join(',');

describe('replay of the simulated venue', () => {
  it('gives the live books after every journal entry and the live engine state at the end', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-simrec-'));
    const { sim, clock, steps } = await sqliteSim(dataDir);
    cleanups.push(() => sim.stop());
    steps(40); // history before the recording
    const harness = await recordingHarness(dataDir, clock);
    cleanups.push(() => harness.close());
    harness.recorder.setTargets([], {
      ready: Promise.resolve(),
      isReady: () => true,
      lastSeq: () => sim.pipeline.lastSeq,
      seed: sim.seed,
      settings: simSettings(),
    });
    const connector = new SimConnector(sim.engine, sim.venue, sim.port, sim.pipeline, clock);
    const live = new Map<number, string>();
    sim.pipeline.onOutput(() => live.set(sim.pipeline.lastSeq, fingerprint(connector)));

    const started = harness.recorder.start('sim session');
    expect(started.ok).toBe(true);
    const fromSeq = sim.pipeline.lastSeq;
    steps(150);
    const stopped = harness.recorder.stop();
    expect(stopped.ok).toBe(true);
    const liveFinal = fingerprint(connector);
    const liveState = sim.engine.stateHash();
    expect(sim.pipeline.lastSeq - fromSeq).toBeGreaterThan(100);
    await sim.journal.flush();
    await harness.writer.flush();
    const id = started.ok ? started.value.id! : 0;

    for (const speed of ['max', 1] as const) {
      const replayed = new Map<number, string>();
      let state = '';
      const result = await replayAll(
        dataDir,
        id,
        speed,
        (session: ReplaySession) => {
          state = session.simStateHash() ?? '';
          return fingerprint(session.connectors[0]!);
        },
        50,
        (session) => replayed.set(session.simSeq()!, fingerprint(session.connectors[0]!)),
      );
      expect(result.items).toBe(sim.pipeline.lastSeq - fromSeq);
      for (const [seq, books] of live) {
        if (seq > fromSeq) expect(replayed.get(seq), `after entry ${seq}`).toBe(books);
      }
      expect(result.final).toBe(liveFinal);
      expect(state).toBe(liveState);
    }
  });

  it('a recording cut short by a crash replays up to its last progress checkpoint', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-simcrash-'));
    const { sim, clock, steps } = await sqliteSim(dataDir);
    cleanups.push(() => sim.stop());
    steps(20);
    const harness = await recordingHarness(dataDir, clock);
    harness.recorder.setTargets([], {
      ready: Promise.resolve(),
      isReady: () => true,
      lastSeq: () => sim.pipeline.lastSeq,
      seed: sim.seed,
      settings: simSettings(),
    });
    const started = harness.recorder.start('cut short');
    const fromSeq = sim.pipeline.lastSeq;
    steps(60);
    harness.recorder.checkpoint();
    const checkpointSeq = sim.pipeline.lastSeq;
    const checkpointState = sim.engine.stateHash();
    steps(30); // lost with the crash: never checkpointed
    await sim.journal.flush();
    await harness.close(); // the recording was never stopped
    // The next start closes it (as the history runtime does first thing).
    const writer = await StoreWriter.start({ dataDir, script: SOURCE_WORKER });
    writer.write([{ op: 'closeOpenRecordings' }]);
    await writer.close();

    let state = '';
    const result = await replayAll(dataDir, started.ok ? started.value.id! : 0, 'max', (session) => {
      state = session.simStateHash() ?? '';
      return '';
    });
    expect(result.items).toBe(checkpointSeq - fromSeq);
    expect(state).toBe(checkpointState);
  });
});

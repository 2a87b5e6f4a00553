/**
 * The VenuePort conformance suite on the real simulated venue: the in-memory venue (synchronous
 * answers), and the durable port over a SQLite journal (answers once stored). A built-in market
 * maker (holding base) is the seller; the agents do not run (no step is taken).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManualClock, ManualTimers, silentLogger } from '../../../src-main/core/ports';
import { SimRuntime } from '../../../src-main/sim/runtime';
import { SOURCE_WORKER } from '../../support/store-worker';
import { describeVenuePortConformance } from '../../support/venue-port-conformance';
import { simSettings, testSim } from './support';

describeVenuePortConformance('simulated venue (memory journal)', async () => {
  const { sim } = await testSim();
  return { venue: sim.port, seller: sim.agents[0]!.agentId, extended: true, close: () => sim.stop() };
});

describeVenuePortConformance('simulated venue (SQLite journal, durable answers)', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'depthline-sim-conf-'));
  const sim = new SimRuntime({
    settings: simSettings(),
    persistence: { kind: 'sqlite', dataDir, worker: SOURCE_WORKER },
    clock: new ManualClock(1_700_000_000_000, 0),
    timers: new ManualTimers(),
    log: silentLogger,
    autoRun: false,
  });
  await sim.start();
  return {
    venue: sim.port,
    seller: sim.agents[0]!.agentId,
    extended: true,
    close: async () => {
      await sim.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
});

/** A simulated venue on a SQLite journal in a data directory, driven by hand (tests). */
import { ManualClock, ManualTimers, silentLogger, type Logger } from '../../../src-main/core/ports';
import type { SimSettings } from '../../../src-main/config/sim-settings';
import { SimRuntime } from '../../../src-main/sim/runtime';
import { SOURCE_WORKER } from '../../support/store-worker';
import { simSettings } from './support';

export async function sqliteSim(
  dataDir: string,
  options: { settings?: SimSettings; seed?: number; reset?: boolean; start?: number; log?: Logger } = {},
) {
  const settings = options.settings ?? simSettings();
  const clock = new ManualClock(options.start ?? 1_700_000_000_000, 0);
  const sim = new SimRuntime({
    settings,
    seed: options.seed,
    persistence: { kind: 'sqlite', dataDir, worker: SOURCE_WORKER, reset: options.reset ?? false },
    clock,
    timers: new ManualTimers(),
    log: options.log ?? silentLogger,
    autoRun: false,
  });
  await sim.start();
  const steps = (n: number) => {
    for (let i = 0; i < n; i++) {
      clock.advance(settings.stepMs);
      sim.driver.runStep();
    }
  };
  return { sim, clock, steps };
}

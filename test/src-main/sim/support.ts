/**
 * Builds a simulated venue on hand-driven time for tests (ManualClock + ManualTimers: the driver's
 * own timer runs the steps), with a memory journal that keeps its ops.
 */
import { SettingsSchema } from '../../../src-main/config/settings';
import type { SimSettings } from '../../../src-main/config/sim-settings';
import { ManualClock, ManualTimers, silentLogger } from '../../../src-main/core/ports';
import type { JournalRow } from '../../../src-main/store/read/journal';
import type { LedgerOp } from '../../../src-main/store/writer/ops';
import { MemoryJournal, type Journal } from '../../../src-main/sim/journal';
import { SimRuntime } from '../../../src-main/sim/runtime';

export function simSettings(over: Record<string, unknown> = {}): SimSettings {
  return SettingsSchema.parse({ sim: over }).sim;
}

export interface TestSim {
  readonly sim: SimRuntime;
  readonly clock: ManualClock;
  readonly timers: ManualTimers;
  readonly journal: MemoryJournal;
  /** Advances time by `n` steps (the driver's timer fires once per step at speed 1). */
  steps(n: number, each?: () => void): void;
}

export async function testSim(
  options: { settings?: SimSettings; seed?: number; replay?: Iterable<JournalRow>; start?: number } = {},
): Promise<TestSim> {
  const settings = options.settings ?? simSettings();
  const clock = new ManualClock(options.start ?? 1_700_000_000_000, 0);
  const timers = new ManualTimers();
  const journal = new MemoryJournal({ keep: true });
  const sim = new SimRuntime({
    settings,
    seed: options.seed,
    persistence: { kind: 'memory', journal, ...(options.replay ? { replay: options.replay } : {}) },
    clock,
    timers,
    log: silentLogger,
  });
  await sim.start();
  return {
    sim,
    clock,
    timers,
    journal,
    steps(n, each) {
      for (let i = 0; i < n; i++) {
        clock.advance(settings.stepMs);
        timers.advance(settings.stepMs);
        each?.();
      }
    },
  };
}

/** A venue on `journal` (memory persistence) stepped by hand, without timers; optionally replaying. */
export async function steppedSim(
  journal: Journal,
  options: { settings?: SimSettings; seed?: number; start?: number; replay?: Iterable<JournalRow> } = {},
): Promise<{ sim: SimRuntime; clock: ManualClock; step: () => void }> {
  const settings = options.settings ?? simSettings();
  const clock = new ManualClock(options.start ?? 1_700_000_000_000, 0);
  const sim = new SimRuntime({
    settings,
    seed: options.seed,
    persistence: { kind: 'memory', journal, ...(options.replay ? { replay: options.replay } : {}) },
    clock,
    timers: new ManualTimers(),
    log: silentLogger,
    autoRun: false,
  });
  await sim.start();
  const step = () => {
    clock.advance(settings.stepMs);
    sim.driver.runStep();
  };
  return { sim, clock, step };
}

/** The journal entries a memory journal kept, as the store would return them. */
export function journalRows(ops: readonly LedgerOp[]): JournalRow[] {
  return ops.flatMap((op) =>
    op.op === 'journal' ? [{ seq: op.seq, ts: op.ts, kind: op.kind, body: op.body }] : [],
  );
}

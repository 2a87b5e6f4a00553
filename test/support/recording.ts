/**
 * A session recorder writing to a real market database in a temporary data directory (through the
 * store writer thread run from source), and helpers to replay what it recorded.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src-main/app/node-ports';
import { ManualClock, ManualTimers, silentLogger, type Clock } from '../../src-main/core/ports';
import { MarketSink } from '../../src-main/history/market-sink';
import { SessionRecorder } from '../../src-main/history/session-recorder';
import { ReplayPlayer, type ReplaySpeed } from '../../src-main/replay/player';
import { ReplaySession } from '../../src-main/replay/session';
import { openReplaySource } from '../../src-main/replay/source';
import { StoreWriter } from '../../src-main/store/writer/client';
import { VENUE_CATALOG } from '../../src-main/venues/catalog';
import { SOURCE_WORKER } from './store-worker';

export async function recordingHarness(
  dataDir = mkdtempSync(join(tmpdir(), 'depthline-rec-')),
  clock: Clock = systemClock,
) {
  const writer = await StoreWriter.start({ dataDir, script: SOURCE_WORKER });
  const recorder = new SessionRecorder(clock, silentLogger);
  recorder.attach(new MarketSink(writer, clock, silentLogger), 0);
  return {
    dataDir,
    writer,
    recorder,
    close: () => writer.close(),
  };
}

export function openSession(dataDir: string, recordingId: number): ReplaySession {
  const source = openReplaySource(dataDir, recordingId);
  if (!source.ok) throw new Error(source.error.message);
  return new ReplaySession(source.value, VENUE_CATALOG, silentLogger);
}

/**
 * Replays a recording to its end and returns what `observe` saw just before each item (and once at
 * the end). `speed` 1 or 10 runs on a manual clock advanced in `tickMs` steps; "max" needs none.
 */
export async function replayAll(
  dataDir: string,
  recordingId: number,
  speed: ReplaySpeed,
  observe: (session: ReplaySession) => string,
  tickMs = 25,
  after?: (session: ReplaySession) => void,
): Promise<{ before: string[]; final: string; items: number }> {
  const session = openSession(dataDir, recordingId);
  const clock = new ManualClock(0, 0);
  const timers = new ManualTimers();
  const player = new ReplayPlayer(session, { clock, timers, log: silentLogger });
  await player.open();
  const before: string[] = [];
  session.beforeItem(() => before.push(observe(session)));
  if (after) player.onStep(() => after(session));
  player.play(speed);
  while (player.state().status === 'playing') {
    if (speed !== 'max') {
      clock.advance(tickMs);
      timers.advance(tickMs);
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  await player.settled();
  const state = player.state();
  if (state.status !== 'ended') throw new Error(`replay ${state.status}: ${state.error ?? ''}`);
  const final = observe(session);
  player.close();
  return { before, final, items: state.position };
}

/**
 * `npm run replay`: replays a recording from a data directory without the app and prints the book
 * fingerprints, so two runs (or two machines) can be compared line by line. Output, one JSON line
 * each: `REPLAY_LOADED` (the recording), `REPLAY` every `--every` items (0: none), `REPLAY_END`
 * (final books, the simulated venue's engine state hash). `--list` prints the recordings instead.
 * Errors are values: a bad flag or an unreplayable recording prints one line on stderr, exit 1.
 *
 *   npm run replay -- --data-dir X --session 3 --speed max [--every 1000]
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { Clock, Logger, Timers } from '../core/ports';
import { parseRecordingMeta } from '../history/recording-meta';
import { ReadHandles } from '../store/read/handles';
import { listRecordings } from '../store/read/recordings';
import { VENUE_CATALOG } from '../venues/catalog';
import { ReplayPlayer, type ReplaySpeed } from './player';
import { ReplaySession } from './session';
import { openReplaySource } from './source';

export interface ReplayCliOptions {
  readonly dataDir: string;
  readonly session: number | 'latest' | null;
  readonly speed: ReplaySpeed;
  readonly every: number;
  readonly list: boolean;
}

export function parseReplayArgs(argv: readonly string[], defaultDataDir: string): Result<ReplayCliOptions> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'data-dir': { type: 'string' },
        session: { type: 'string' },
        speed: { type: 'string' },
        every: { type: 'string' },
        list: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (cause) {
    return err(appError('INVALID_INPUT', (cause as Error).message));
  }
  const raw = values.session;
  let session: ReplayCliOptions['session'] = null;
  if (raw === 'latest') session = 'latest';
  else if (typeof raw === 'string') {
    if (!/^[1-9]\d{0,9}$/.test(raw))
      return err(appError('INVALID_INPUT', `--session must be a recording id or "latest", got "${raw}"`));
    session = Number(raw);
  }
  const speed = values.speed ?? 'max';
  if (speed !== 'max' && speed !== '1' && speed !== '10')
    return err(appError('INVALID_INPUT', `--speed must be 1, 10 or max, got "${String(speed)}"`));
  const every = values.every ?? '0';
  if (typeof every !== 'string' || !/^\d{1,9}$/.test(every))
    return err(appError('INVALID_INPUT', `--every must be a whole number, got "${String(every)}"`));
  const list = values.list === true;
  if (!list && session === null) return err(appError('INVALID_INPUT', '--session <id|latest> is required'));
  return ok({
    dataDir: typeof values['data-dir'] === 'string' ? resolve(values['data-dir']) : defaultDataDir,
    session,
    speed: speed === 'max' ? 'max' : (Number(speed) as 1 | 10),
    every: Number(every),
    list,
  });
}

export interface ReplayCliPorts {
  readonly out: (line: string) => void;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
}

/** Runs the command; resolves with an error value, or null when it succeeded. */
export async function runReplayCli(options: ReplayCliOptions, ports: ReplayCliPorts): Promise<string | null> {
  const handles = new ReadHandles(options.dataDir);
  const market = handles.market();
  const recordings = market ? listRecordings(market, 10_000) : [];
  handles.close();
  if (options.list) {
    for (const r of recordings) {
      const meta = parseRecordingMeta(r.meta);
      const venues =
        typeof meta === 'string' ? [] : [...meta.venues.map((v) => v.venue), ...(meta.sim ? ['sim'] : [])];
      ports.out(
        `RECORDING ${JSON.stringify({ id: r.id, label: r.label, startedTs: r.startedTs, endedTs: r.endedTs, frames: r.frames, venues })}`,
      );
    }
    return null;
  }
  const id = options.session === 'latest' ? (recordings[0]?.id ?? 0) : (options.session ?? 0);
  const source = openReplaySource(options.dataDir, id);
  if (!source.ok) return source.error.message;
  const session = new ReplaySession(source.value, VENUE_CATALOG, ports.log);
  const player = new ReplayPlayer(session, ports);
  try {
    await player.open();
  } catch (cause) {
    player.close();
    return `recording ${id} cannot be replayed: ${cause instanceof Error ? cause.message : String(cause)}`;
  }
  const r = source.value.recording;
  ports.out(
    `REPLAY_LOADED ${JSON.stringify({ id: r.id, label: r.label, items: session.total, venues: session.connectors.map((c) => c.venue), dropped: r.meta.dropped })}`,
  );
  const line = () => ({
    position: session.position,
    time: session.now,
    books: session.fingerprints(),
    simState: session.simStateHash(),
  });
  if (options.every > 0) {
    player.onStep((position) => {
      if (position % options.every === 0) ports.out(`REPLAY ${JSON.stringify(line())}`);
    });
  }
  player.play(options.speed);
  await new Promise<void>((done) => {
    const stop = player.onChange((state) => {
      if (state.status === 'ended' || state.status === 'failed') {
        stop();
        done();
      }
    });
  });
  const state = player.state();
  const final = line();
  player.close();
  if (state.status === 'failed') return `replay failed at item ${state.position}: ${state.error ?? ''}`;
  ports.out(`REPLAY_END ${JSON.stringify(final)}`);
  return null;
}

/**
 * Market history on a schedule (hand-driven time, the real store writer thread): book snapshots of
 * watched live books every `bookSnapshotSec`; retention at start-up and every `pruneEveryMin`
 * deletes raw frames (and ended recordings) older than `rawFramesDays` and book snapshots older
 * than `bookSnapshotsDays`, and nothing newer.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { HistorySettingsSchema } from '../../../src-main/config/history-settings';
import { L2Book } from '../../../src-main/core/book';
import { Grid } from '../../../src-main/core/num';
import { ManualClock, ManualTimers, silentLogger } from '../../../src-main/core/ports';
import { HistoryRuntime } from '../../../src-main/history/history-runtime';
import { SessionRecorder } from '../../../src-main/history/session-recorder';
import { openReadonly } from '../../../src-main/store/db';
import type { BookState, VenueConnector } from '../../../src-main/venues/kit';
import type { DecimalString, VenueId } from '../../../src-shared/domain';
import { SOURCE_WORKER } from '../../support/store-worker';

const DAY = 86_400_000;
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** A connector with one watched, live book (two levels a side). */
function fakeConnector(): VenueConnector {
  const grid = new Grid({ tickSize: '0.1' as DecimalString, lotSize: '0.001' as DecimalString });
  const book = new L2Book(grid);
  book.applySnapshot(
    [
      { price: '100.1', size: '1' },
      { price: '100', size: '2' },
    ],
    [
      { price: '100.2', size: '0.5' },
      { price: '100.3', size: '3' },
    ],
  );
  const instrument = {
    venue: 'binance' as VenueId,
    symbol: 'BTCUSDT',
    base: 'BTC',
    quote: 'USDT',
    tickSize: '0.1' as DecimalString,
    lotSize: '0.001' as DecimalString,
    grid,
  };
  const state: BookState = {
    status: 'live',
    reader: { instrument, bids: book.bids, asks: book.asks, updatedAt: 0, venueTime: null, messageAgeMs: 0 },
  };
  return {
    venue: 'binance' as VenueId,
    watched: () => ['BTCUSDT'],
    bookState: () => state,
    onTrades: () => () => {},
  } as unknown as VenueConnector;
}

describe('market history schedule', () => {
  it('snapshots live books and prunes frames, recordings and snapshots by age', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-retention-'));
    const t0 = 1_700_000_000_000;
    const clock = new ManualClock(t0, 0);
    const timers = new ManualTimers();
    const recorder = new SessionRecorder(clock, silentLogger);
    const settings = HistorySettingsSchema.parse({
      bookSnapshotSec: 3600,
      bookSnapshotLevels: 1,
      retention: { rawFramesDays: 1, bookSnapshotsDays: 2, pruneEveryMin: 60 },
    });
    const history = new HistoryRuntime({
      settings,
      dataDir,
      storeWorker: SOURCE_WORKER,
      clock,
      timers,
      log: silentLogger,
      connectors: new Map([['binance', fakeConnector()]]),
      recorder,
    });
    stops.push(() => history.stop());
    await history.start();
    /** Moves time an hour at a time, so each timer sees its own time on the clock. */
    const advance = (ms: number) => {
      for (let left = ms; left > 0; left -= 3600_000) {
        clock.advance(Math.min(left, 3600_000));
        timers.advance(Math.min(left, 3600_000));
      }
    };
    const counts = async () => {
      await history.flush();
      const db = openReadonly({ file: join(dataDir, 'market.sqlite'), role: 'market' });
      const n = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      const result = {
        recordings: n('SELECT count(*) AS n FROM recordings'),
        frames: n('SELECT count(*) AS n FROM raw_frames'),
        snapshots: n('SELECT count(*) AS n FROM book_snapshots'),
        oldestSnapshot: n('SELECT MIN(ts) AS n FROM book_snapshots'),
      };
      db.close();
      return result;
    };

    // An old recording (ended at t0) and one still running with a frame at t0.
    expect(recorder.start('old').ok).toBe(true);
    for (let i = 0; i < 3; i++) recorder.frame('binance', 'ws:0', `{"n":${i}}`, clock.now());
    expect(recorder.stop().ok).toBe(true);
    expect(recorder.start('running').ok).toBe(true);
    recorder.frame('binance', 'ws:0', '{"n":9}', clock.now());
    expect(await counts()).toMatchObject({ recordings: 2, frames: 4, snapshots: 0 });

    advance(3600_000);
    const first = await counts();
    expect(first.snapshots).toBe(1);
    recorder.frame('binance', 'ws:0', '{"n":10}', clock.now());

    // 1.5 days in: frames older than a day are gone (the ended recording with them); snapshots stay.
    advance(1.5 * DAY - 3600_000);
    const mid = await counts();
    expect(mid).toMatchObject({ recordings: 1, frames: 0, snapshots: 36 });

    // 3 days in: snapshots older than 2 days are gone, the newer ones stay.
    advance(1.5 * DAY);
    const late = await counts();
    expect(late.oldestSnapshot).toBeGreaterThanOrEqual(clock.now() - 2 * DAY);
    expect(late.snapshots).toBe(49);

    const db = openReadonly({ file: join(dataDir, 'market.sqlite'), role: 'market' });
    const row = db.prepare('SELECT venue, instrument, bids, asks FROM book_snapshots LIMIT 1').get();
    expect(row).toEqual({
      venue: 'binance',
      instrument: 'BTCUSDT',
      bids: '[["100.1","1"]]',
      asks: '[["100.2","0.5"]]',
    });
    db.close();
  });
});

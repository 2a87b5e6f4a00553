/**
 * Where a replay reads a recording from: the market database (the recording, its frames page by
 * page, the instruments it watched) and the ledger (the simulated venue's journal), through
 * read-only connections. Errors opening or parsing are values; a recording whose simulated-venue
 * part is no longer in the journal (the venue was reset) is refused rather than half replayed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { appError, err, ok, type Result } from '../../src-shared/result';
import { parseRecordingMeta, type RecordingMeta } from '../history/recording-meta';
import { openReadonly, type ReadonlyDb } from '../store/db';
import { LEDGER_FILE, MARKET_FILE } from '../store/open-store';
import { readJournal, readJournalPage, type JournalRow } from '../store/read/journal';
import { readFramePage, readRecording, readWatchFrames, type StoredFrame } from '../store/read/recordings';
import type { RecordedInstrument } from '../venues/kit';

export interface RecordingInfo {
  readonly id: number;
  readonly label: string;
  readonly startedTs: number;
  readonly endedTs: number | null;
  readonly frames: number;
  readonly meta: RecordingMeta;
  /** The simulated venue's journal range, `fromSeq + 1 .. toSeq`, or null without one. */
  readonly sim: { readonly fromSeq: number; readonly toSeq: number } | null;
}

export interface ReplaySource {
  readonly recording: RecordingInfo;
  /** Instruments each recorded venue watched, by venue id (first record of each symbol). */
  readonly instruments: ReadonlyMap<string, readonly RecordedInstrument[]>;
  framePage(afterId: number, limit: number): StoredFrame[];
  journalPage(afterSeq: number, uptoSeq: number, limit: number): JournalRow[];
  /** The simulated venue's journal from its start up to `seq`, streamed. */
  journalUpTo(seq: number): Iterable<JournalRow>;
  close(): void;
}

export function openReplaySource(
  dataDir: string,
  recordingId: number,
  nativeBinding?: string,
): Result<ReplaySource> {
  const marketFile = join(dataDir, MARKET_FILE);
  if (!existsSync(marketFile)) return err(appError('NOT_FOUND', `no recordings in ${dataDir}`));
  const market = openReadonly({ file: marketFile, role: 'market', nativeBinding });
  const stored = readRecording(market, recordingId);
  if (!stored) {
    market.close();
    return err(appError('NOT_FOUND', `no recording ${recordingId}`));
  }
  const meta = parseRecordingMeta(stored.meta);
  if (typeof meta === 'string') {
    market.close();
    return err(appError('INVALID_INPUT', `recording ${recordingId}: ${meta}`));
  }
  const ledgerFile = join(dataDir, LEDGER_FILE);
  let ledger: ReadonlyDb | null = null;
  let sim: RecordingInfo['sim'] = null;
  if (meta.sim) {
    if (!existsSync(ledgerFile)) {
      market.close();
      return err(appError('NOT_FOUND', 'the simulated venue journal of this recording is gone'));
    }
    ledger = openReadonly({ file: ledgerFile, role: 'ledger', nativeBinding });
    const bounds = ledger
      .prepare("SELECT MIN(seq) AS first, MAX(seq) AS last FROM journal WHERE venue = 'sim'")
      .get() as { first: number | null; last: number | null };
    // A recording cut short by a crash has no end entry: it ends with the last entry of its time.
    const byTime =
      stored.endedTs === null
        ? bounds.last
        : (
            ledger
              .prepare("SELECT MAX(seq) AS last FROM journal WHERE venue = 'sim' AND ts <= ?")
              .get(stored.endedTs) as { last: number | null }
          ).last;
    const toSeq = Math.max(meta.sim.fromSeq, Math.min(meta.sim.toSeq ?? byTime ?? 0, bounds.last ?? 0));
    if (bounds.first !== 1 || (bounds.last ?? 0) < meta.sim.fromSeq) {
      market.close();
      ledger.close();
      return err(
        appError('NOT_FOUND', 'the simulated venue was reset since this recording: its commands are gone'),
      );
    }
    sim = { fromSeq: meta.sim.fromSeq, toSeq };
  }
  const instruments = new Map<string, RecordedInstrument[]>();
  for (const { venue, payload } of readWatchFrames(market, recordingId)) {
    const list = instruments.get(venue) ?? [];
    const instrument = JSON.parse(payload) as RecordedInstrument;
    if (!list.some((i) => i.symbol === instrument.symbol)) list.push(instrument);
    instruments.set(venue, list);
  }
  const recording: RecordingInfo = {
    id: stored.id,
    label: stored.label,
    startedTs: stored.startedTs,
    endedTs: stored.endedTs,
    frames: stored.frames,
    meta,
    sim,
  };
  return ok({
    recording,
    instruments,
    framePage: (afterId, limit) => readFramePage(market, recordingId, afterId, limit),
    journalPage: (afterSeq, uptoSeq, limit) => readJournalPage(ledger!, 'sim', afterSeq, uptoSeq, limit),
    journalUpTo: (seq) => readJournal(dataDir, 'sim', nativeBinding, seq),
    close: () => {
      market.close();
      ledger?.close();
    },
  });
}

/**
 * Market history as the composition root runs it: its own store writer thread (market ops only, so
 * it never contends with the ledger's writers), trade prints and candles from every venue's feed,
 * periodic book snapshots, retention on a schedule, and the session recorder's storage. `start()`
 * never rejects: without storage, history is off and says so in the log (and recording refuses).
 * Replay venues (`replay:*`) are never stored: they are history already.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { HistorySettings } from '../config/history-settings';
import type { Clock, Disposer, Logger, Timers } from '../core/ports';
import { openReadonly, type ReadonlyDb } from '../store/db';
import { MARKET_FILE } from '../store/open-store';
import { lastPrintTime, readCandleAt, tradeIdsAt } from '../store/read/market-history';
import { maxRecordingId } from '../store/read/recordings';
import { StoreWriter, type WorkerScript } from '../store/writer/client';
import type { VenueConnector } from '../venues/kit';
import { bookSnapshotOps } from './book-snapshots';
import { MarketSink } from './market-sink';
import { retentionOps } from './retention';
import type { SessionRecorder } from './session-recorder';
import { candleOf, TradeHistory } from './trade-history';

/** How often a running recording stores its progress (what a crash can lose of its end). */
export const CHECKPOINT_MS = 5000;

export interface HistoryDeps {
  readonly settings: HistorySettings;
  readonly dataDir: string;
  readonly storeWorker?: WorkerScript | undefined;
  readonly nativeBinding?: string | undefined;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  /** Every venue whose prints and books are kept (the live ones and the simulated one). */
  readonly connectors: ReadonlyMap<string, VenueConnector>;
  readonly recorder: SessionRecorder;
}

export class HistoryRuntime {
  private writer: StoreWriter | null = null;
  private sink: MarketSink | null = null;
  private reader: ReadonlyDb | null = null;
  private readonly stops: Disposer[] = [];
  private started: Promise<void> | null = null;

  constructor(private readonly deps: HistoryDeps) {}

  /** Market ops written and dropped so far (diagnostics and tests). */
  stats(): { written: number; dropped: number } {
    return { written: this.sink?.written ?? 0, dropped: this.sink?.dropped ?? 0 };
  }

  start(): Promise<void> {
    this.started ??= this.open().catch((cause: unknown) => {
      this.deps.log.error('market history is off: storage failed to open', { error: String(cause) });
    });
    return this.started;
  }

  /** Waits until everything written so far is committed. */
  async flush(): Promise<void> {
    await this.writer?.flush();
  }

  private async open(): Promise<void> {
    const { deps } = this;
    if (!deps.storeWorker) {
      deps.log.warn('no store writer available: market history and recording are off');
      return;
    }
    this.writer = await StoreWriter.start({
      dataDir: deps.dataDir,
      script: deps.storeWorker,
      nativeBinding: deps.nativeBinding,
    });
    this.writer.onFailure((error) =>
      deps.log.error('market history storage failed', { error: error.message }),
    );
    const sink = new MarketSink(this.writer, deps.clock, deps.log);
    this.sink = sink;
    this.writer.write([{ op: 'closeOpenRecordings' }]);
    await this.writer.flush();
    const file = join(deps.dataDir, MARKET_FILE);
    const reader = existsSync(file)
      ? openReadonly({ file, role: 'market', nativeBinding: deps.nativeBinding })
      : null;
    this.reader = reader;
    deps.recorder.attach(sink, reader ? maxRecordingId(reader) : 0);
    this.stops.push(deps.timers.every(CHECKPOINT_MS, () => deps.recorder.checkpoint()));
    const retention = deps.settings.retention;
    sink.write(retentionOps(retention, deps.clock.now()));
    this.stops.push(
      deps.timers.every(retention.pruneEveryMin * 60_000, () =>
        sink.write(retentionOps(retention, deps.clock.now())),
      ),
    );
    if (!deps.settings.enabled) return;
    const trades = new TradeHistory(sink, {
      lastPrintTime: (venue, symbol) => (reader ? lastPrintTime(reader, venue, symbol) : null),
      tradeIdsAt: (venue, symbol, time) => (reader ? tradeIdsAt(reader, venue, symbol, time) : new Set()),
      candleAt: (venue, symbol, interval, openTime) => {
        const row = reader ? readCandleAt(reader, venue, symbol, interval, openTime) : null;
        return row ? candleOf(row) : null;
      },
    });
    for (const connector of deps.connectors.values()) {
      this.stops.push(connector.onTrades((batch) => trades.add(batch)));
    }
    const every = deps.settings.bookSnapshotSec;
    if (every > 0) {
      this.stops.push(
        deps.timers.every(every * 1000, () =>
          sink.write(
            bookSnapshotOps(deps.connectors.values(), deps.settings.bookSnapshotLevels, deps.clock.now()),
          ),
        ),
      );
    }
  }

  async stop(): Promise<void> {
    await this.started;
    for (const stop of this.stops.splice(0)) stop();
    if (this.deps.recorder.active) this.deps.recorder.stop();
    this.reader?.close();
    this.reader = null;
    await this.writer?.close();
    this.writer = null;
  }
}

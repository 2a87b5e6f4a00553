/**
 * Market-history schema (market.sqlite, synchronous=NORMAL): venue prints, candles derived from them,
 * periodic top-N book snapshots, and raw frames of recorded sessions. Decimals are TEXT; times are
 * INTEGER epoch milliseconds.
 *
 * Raw frames: `stream` names what the payload is (see src-main/history/frame-kinds.ts): a socket
 * message, a socket opening or closing, a REST answer, a watch or unwatch; `payload` is the text
 * exactly as received. A recording's `meta` is JSON (the venues it covers, the simulated venue's
 * journal range and settings).
 */
import type { Migration } from './runner';

export const MARKET_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'market: prints, candles, book snapshots, recordings, raw frames',
    up: (db) => {
      db.exec(`
        CREATE TABLE prints (
          id         INTEGER PRIMARY KEY,
          venue      TEXT    NOT NULL,
          instrument TEXT    NOT NULL,
          trade_id   TEXT    NOT NULL,
          ts         INTEGER NOT NULL,
          price      TEXT    NOT NULL,
          size       TEXT    NOT NULL,
          side       TEXT    CHECK (side IN ('buy', 'sell')),
          UNIQUE (venue, instrument, trade_id)
        );
        CREATE INDEX prints_instrument_ts ON prints (venue, instrument, ts);

        CREATE TABLE candles (
          venue      TEXT    NOT NULL,
          instrument TEXT    NOT NULL,
          interval_s INTEGER NOT NULL,
          open_ts    INTEGER NOT NULL,
          open       TEXT    NOT NULL,
          high       TEXT    NOT NULL,
          low        TEXT    NOT NULL,
          close      TEXT    NOT NULL,
          volume     TEXT    NOT NULL,
          trades     INTEGER NOT NULL,
          PRIMARY KEY (venue, instrument, interval_s, open_ts)
        ) WITHOUT ROWID;

        CREATE TABLE book_snapshots (
          id         INTEGER PRIMARY KEY,
          venue      TEXT    NOT NULL,
          instrument TEXT    NOT NULL,
          ts         INTEGER NOT NULL,
          source     TEXT    NOT NULL,
          bids       TEXT    NOT NULL,
          asks       TEXT    NOT NULL
        );
        CREATE INDEX book_snapshots_instrument_ts ON book_snapshots (venue, instrument, ts);

        CREATE TABLE recordings (
          id         INTEGER PRIMARY KEY,
          label      TEXT    NOT NULL,
          started_ts INTEGER NOT NULL,
          ended_ts   INTEGER,
          meta       TEXT    NOT NULL DEFAULT '{}'
        );

        CREATE TABLE raw_frames (
          id           INTEGER PRIMARY KEY,
          recording_id INTEGER NOT NULL REFERENCES recordings (id) ON DELETE CASCADE,
          venue        TEXT    NOT NULL,
          ts_recv      INTEGER NOT NULL,
          stream       TEXT    NOT NULL,
          payload      TEXT    NOT NULL
        );
        CREATE INDEX raw_frames_recording ON raw_frames (recording_id, id);
        CREATE INDEX raw_frames_ts ON raw_frames (ts_recv);
      `);
    },
  },
  {
    version: 2,
    name: 'market: retention by time for book snapshots and recordings',
    up: (db) => {
      db.exec(`
        CREATE INDEX book_snapshots_ts ON book_snapshots (ts);
        CREATE INDEX recordings_ended ON recordings (ended_ts);
      `);
    },
  },
];

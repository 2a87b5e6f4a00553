/**
 * Ledger schema (ledger.sqlite, synchronous=FULL). Decimals are TEXT in canonical decimal-string form;
 * times are INTEGER epoch milliseconds; ids are INTEGER. `journal` is the source of truth for
 * rebuilding a venue's engine; the other tables are projections kept in the same transactions, for
 * history queries.
 *
 * Accounts and instruments are dimension rows referenced by integer id: small integer keys make the
 * per-account fill indexes cheap to maintain (measured: about 1.6x the fill insert rate of text keys).
 *
 * A fill row is the double-entry record of a trade: with its instrument's base and quote assets it
 * determines all four balance changes (both parties, base and quote; fees in the quote asset), so
 * trade balance changes are not stored twice. `balance_changes` holds the other movements (deposits,
 * withdrawals, adjustments).
 */
import type { Migration } from './runner';

export const LEDGER_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'ledger: journal, accounts, instruments, orders, fills, balances, portfolio snapshots, news',
    up: (db) => {
      db.exec(`
        CREATE TABLE journal (
          seq   INTEGER PRIMARY KEY,
          venue TEXT    NOT NULL,
          ts    INTEGER NOT NULL,
          kind  TEXT    NOT NULL,
          body  TEXT    NOT NULL
        );
        CREATE INDEX journal_venue_seq ON journal (venue, seq);

        CREATE TABLE accounts (
          id          INTEGER PRIMARY KEY,
          venue       TEXT    NOT NULL,
          account_key TEXT    NOT NULL,
          name        TEXT    NOT NULL,
          kind        TEXT    NOT NULL CHECK (kind IN ('user', 'agent', 'bot', 'venue')),
          created_ts  INTEGER NOT NULL,
          UNIQUE (venue, account_key)
        );

        CREATE TABLE instruments (
          id          INTEGER PRIMARY KEY,
          venue       TEXT NOT NULL,
          symbol      TEXT NOT NULL,
          base_asset  TEXT NOT NULL,
          quote_asset TEXT NOT NULL,
          tick_size   TEXT NOT NULL,
          lot_size    TEXT NOT NULL,
          UNIQUE (venue, symbol)
        );

        CREATE TABLE orders (
          venue           TEXT    NOT NULL,
          order_id        INTEGER NOT NULL,
          account_id      INTEGER NOT NULL REFERENCES accounts (id),
          instrument_id   INTEGER NOT NULL REFERENCES instruments (id),
          side            TEXT    NOT NULL CHECK (side IN ('buy', 'sell')),
          order_type      TEXT    NOT NULL,
          tif             TEXT    NOT NULL,
          price           TEXT,
          quantity        TEXT    NOT NULL,
          filled          TEXT    NOT NULL,
          status          TEXT    NOT NULL,
          client_order_id TEXT,
          created_ts      INTEGER NOT NULL,
          updated_ts      INTEGER NOT NULL,
          PRIMARY KEY (venue, order_id)
        ) WITHOUT ROWID;
        CREATE INDEX orders_account_status ON orders (account_id, status);

        CREATE TABLE order_events (
          id       INTEGER PRIMARY KEY,
          venue    TEXT    NOT NULL,
          order_id INTEGER NOT NULL,
          ts       INTEGER NOT NULL,
          kind     TEXT    NOT NULL,
          price    TEXT,
          quantity TEXT,
          reason   TEXT
        );
        CREATE INDEX order_events_order ON order_events (venue, order_id);

        CREATE TABLE fills (
          id               INTEGER PRIMARY KEY,
          instrument_id    INTEGER NOT NULL REFERENCES instruments (id),
          trade_id         INTEGER NOT NULL,
          ts               INTEGER NOT NULL,
          price            TEXT    NOT NULL,
          quantity         TEXT    NOT NULL,
          taker_side       TEXT    NOT NULL CHECK (taker_side IN ('buy', 'sell')),
          maker_order_id   INTEGER NOT NULL,
          taker_order_id   INTEGER NOT NULL,
          maker_account_id INTEGER NOT NULL REFERENCES accounts (id),
          taker_account_id INTEGER NOT NULL REFERENCES accounts (id),
          maker_fee        TEXT    NOT NULL,
          taker_fee        TEXT    NOT NULL
        );
        -- Row ids grow with time, so "an account's fills, newest first" walks these in rowid order.
        CREATE INDEX fills_maker ON fills (maker_account_id);
        CREATE INDEX fills_taker ON fills (taker_account_id);

        CREATE TABLE balance_changes (
          id         INTEGER PRIMARY KEY,
          account_id INTEGER NOT NULL REFERENCES accounts (id),
          asset      TEXT    NOT NULL,
          delta      TEXT    NOT NULL,
          reason     TEXT    NOT NULL CHECK (reason IN ('deposit', 'withdrawal', 'adjustment')),
          ts         INTEGER NOT NULL
        );
        CREATE INDEX balance_changes_account ON balance_changes (account_id);

        CREATE TABLE portfolio_snapshots (
          account_id     INTEGER NOT NULL REFERENCES accounts (id),
          ts             INTEGER NOT NULL,
          equity         TEXT    NOT NULL,
          cash           TEXT    NOT NULL,
          realized_pnl   TEXT    NOT NULL,
          unrealized_pnl TEXT    NOT NULL,
          positions      TEXT    NOT NULL,
          PRIMARY KEY (account_id, ts)
        ) WITHOUT ROWID;

        CREATE TABLE news (
          id        INTEGER PRIMARY KEY,
          venue     TEXT    NOT NULL,
          ts        INTEGER NOT NULL,
          symbol    TEXT    NOT NULL,
          headline  TEXT    NOT NULL,
          sentiment TEXT    NOT NULL
        );
        CREATE INDEX news_ts ON news (venue, ts);
      `);
    },
  },
  {
    version: 2,
    name: 'ledger: the journal is read through its sequence (the rowid), without a (venue, seq) index',
    // Journal reads walk `seq` (the rowid) in order and filter the venue; only the simulated venue
    // journals, so the index saved nothing on reads and cost an index insert per command (measured:
    // about 12 % of the writer thread's throughput with the simulated venue's projections).
    up: (db) => {
      db.exec('DROP INDEX journal_venue_seq');
    },
  },
  {
    version: 3,
    name: "ledger: order events indexed by order only for the state kinds (not 'amended', 'fill')",
    // Orders are looked up by their state events (accepted, canceled, expired, trigger records, the
    // latest of a kind: store/read/venue-state.ts); amendments and fills are most of the rows (about
    // 0.85 and 0.22 per simulated-venue command) and are read per account and time, never per order
    // through this index. Leaving them out of it: about 6 % more writer-thread throughput (bench:store
    // durable figure). A query must repeat `kind NOT IN ('amended', 'fill')` for SQLite to use it.
    up: (db) => {
      db.exec(`
        DROP INDEX order_events_order;
        CREATE INDEX order_events_state ON order_events (venue, order_id) WHERE kind NOT IN ('amended', 'fill');
      `);
    },
  },
];

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openMemory, openReadonly, openWritable } from '../../../src-main/store/db';
import { LEDGER_MIGRATIONS } from '../../../src-main/store/migrations/ledger';
import { MARKET_MIGRATIONS } from '../../../src-main/store/migrations/market';
import { currentVersion, migrate, type Migration } from '../../../src-main/store/migrations/runner';
import { ordersWithLatestEventSql } from '../../../src-main/store/read/venue-state';

/** The schema's tables and indexes, as SQLite keeps their definitions. */
const schema = (db: ReturnType<typeof openMemory>) =>
  db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name")
    .all();

const tables = (db: ReturnType<typeof openMemory>) =>
  (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);

describe.each([
  [
    'ledger',
    LEDGER_MIGRATIONS,
    ['accounts', 'balance_changes', 'fills', 'journal', 'news', 'order_events', 'orders'],
  ],
  ['market', MARKET_MIGRATIONS, ['book_snapshots', 'candles', 'prints', 'raw_frames', 'recordings']],
] as const)('%s migrations', (_name, migrations, expected) => {
  it.each(migrations.map((m) => [m.version, m] as const))(
    'migration %i applies on an in-memory database',
    (v, m) => {
      const db = openMemory();
      migrate(db, migrations, v - 1);
      const before = schema(db);
      migrate(db, migrations, v);
      expect(currentVersion(db)).toBe(v);
      expect(schema(db)).not.toEqual(before);
      expect(m.name.length).toBeGreaterThan(0);
      expect(db.pragma('foreign_key_check')).toEqual([]);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    },
  );

  it('creates the expected tables and re-running is a no-op', () => {
    const db = openMemory();
    expect(migrate(db, migrations)).toBe(migrations.length);
    expect(tables(db)).toEqual(expect.arrayContaining([...expected]));
    expect(migrate(db, migrations)).toBe(migrations.length);
  });
});

describe('migration runner', () => {
  it('rolls a failing migration back completely and keeps the old version', () => {
    const db = openMemory();
    const broken: Migration[] = [
      ...LEDGER_MIGRATIONS,
      {
        version: LEDGER_MIGRATIONS.length + 1,
        name: 'broken',
        up: (d) => {
          d.exec('CREATE TABLE half_done (x INTEGER)');
          d.exec('THIS IS NOT SQL');
        },
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(currentVersion(db)).toBe(LEDGER_MIGRATIONS.length);
    expect(tables(db)).not.toContain('half_done');
  });

  it('refuses a database newer than the code', () => {
    const db = openMemory();
    db.pragma('user_version = 99');
    expect(() => migrate(db, LEDGER_MIGRATIONS)).toThrow(/newer than this build/);
  });

  it('refuses gaps in migration numbering', () => {
    const gap: Migration[] = [{ version: 2, name: 'x', up: () => {} }];
    expect(() => migrate(openMemory(), gap)).toThrow(/expected 1/);
  });

  it('enforces domain constraints in the schema', () => {
    const db = openMemory();
    migrate(db, LEDGER_MIGRATIONS);
    const insert = () =>
      db
        .prepare(
          `INSERT INTO orders VALUES ('sim', 1, 'a', 'BTC-USD', 'sideways', 'limit', 'GTC', '1', '1', '0', 'open', NULL, 0, 0)`,
        )
        .run();
    expect(insert).toThrow(/CHECK constraint failed/);
  });
});

describe('database files', () => {
  it('opens the ledger with WAL and synchronous=FULL, the market store with NORMAL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'depthline-db-'));
    const ledger = openWritable({ file: join(dir, 'ledger.sqlite'), role: 'ledger' });
    const market = openWritable({ file: join(dir, 'market.sqlite'), role: 'market' });
    expect(ledger.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.pragma('synchronous', { simple: true })).toBe(2);
    expect(market.pragma('synchronous', { simple: true })).toBe(1);
    expect(ledger.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(ledger.pragma('busy_timeout', { simple: true })).toBe(5000);
    migrate(ledger, LEDGER_MIGRATIONS);
    const reader = openReadonly({ file: join(dir, 'ledger.sqlite'), role: 'ledger' });
    expect(() => reader.exec("INSERT INTO news VALUES (1, 'sim', 0, 'X', 'h', '0')")).toThrow();
    for (const db of [ledger, market, reader]) db.close();
  });
});

describe('concurrent migration', () => {
  it('several writer threads opening a fresh data directory at once all start (each step runs once)', async () => {
    const { StoreWriter } = await import('../../../src-main/store/writer/client');
    const { SOURCE_WORKER } = await import('../../support/store-worker');
    for (let round = 0; round < 2; round++) {
      const dir = mkdtempSync(join(tmpdir(), 'depthline-migrate-'));
      const writers = await Promise.all(
        Array.from({ length: 4 }, () => StoreWriter.start({ dataDir: dir, script: SOURCE_WORKER })),
      );
      await Promise.all(writers.map((w) => w.close()));
      const market = openReadonly({ file: join(dir, 'market.sqlite'), role: 'market' });
      expect(currentVersion(market)).toBe(MARKET_MIGRATIONS.length);
      market.close();
    }
  });
});

describe('ledger indexes used by reads', () => {
  it("finds an order's latest state event through order_events_state, not by scanning every event", () => {
    const db = openMemory();
    migrate(db, LEDGER_MIGRATIONS);
    const plan = (
      db
        .prepare(`EXPLAIN QUERY PLAN ${ordersWithLatestEventSql(2)}`)
        .all('trigger', 'sim', 'open', 'pending') as {
        detail: string;
      }[]
    ).map((row) => row.detail);
    expect(plan.some((detail) => detail.includes('USING INDEX order_events_state'))).toBe(true);
    expect(plan.some((detail) => /SCAN e\b/.test(detail))).toBe(false);
  });
});

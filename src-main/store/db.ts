/**
 * Opening SQLite databases with explicit, asserted settings. Two files with different durability:
 *
 * - `ledger` (journal of engine commands, orders, fills, balances, portfolio snapshots, news):
 *   WAL + synchronous=FULL. better-sqlite3's bundled SQLite defaults WAL to NORMAL, which can lose the
 *   last acknowledged fills on power loss; an acknowledged fill must survive, so the ledger pays for an
 *   fsync per committed batch (batches amortise it).
 * - `market` (recorded frames, prints, candles, book snapshots): WAL + synchronous=NORMAL. Losing the
 *   last few recorded frames on power loss is acceptable; the database stays consistent either way.
 *
 * Readers and writers get different handle types so a read-only path cannot write by accident.
 */
import Database from 'better-sqlite3';

export type DbRole = 'ledger' | 'market';

declare const writable: unique symbol;
declare const readable: unique symbol;
export type WritableDb = Database.Database & { readonly [writable]: true };
export type ReadonlyDb = Database.Database & { readonly [readable]: true };

export interface OpenOptions {
  readonly file: string;
  readonly role: DbRole;
  /** ABI-specific addon path (Electron); undefined uses node_modules' own build. */
  readonly nativeBinding?: string | undefined;
  readonly busyTimeoutMs?: number;
}

export const PRAGMAS: Record<DbRole, { synchronous: 'FULL' | 'NORMAL'; synchronousCode: number }> = {
  ledger: { synchronous: 'FULL', synchronousCode: 2 },
  market: { synchronous: 'NORMAL', synchronousCode: 1 },
};

/** Keeps the -wal file from staying large after a checkpoint (bytes). */
export const WAL_SIZE_LIMIT = 64 * 1024 * 1024;

export function openWritable(options: OpenOptions): WritableDb {
  const db = new Database(options.file, bindingOption(options));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${PRAGMAS[options.role].synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  // A larger page cache keeps index pages hot during batch inserts (negative = KiB).
  db.pragma('cache_size = -65536');
  assertPragmas(db, options.role);
  return db as WritableDb;
}

export function openReadonly(options: OpenOptions): ReadonlyDb {
  const db = new Database(options.file, { ...bindingOption(options), readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
  db.pragma('query_only = ON');
  return db as ReadonlyDb;
}

/** An in-memory database for migration tests (WAL does not apply to :memory:). */
export function openMemory(nativeBinding?: string): WritableDb {
  const db = new Database(':memory:', nativeBinding ? { nativeBinding } : {});
  db.pragma('foreign_keys = ON');
  return db as WritableDb;
}

export function assertPragmas(db: Database.Database, role: DbRole): void {
  const mode = db.pragma('journal_mode', { simple: true });
  const sync = db.pragma('synchronous', { simple: true });
  const fk = db.pragma('foreign_keys', { simple: true });
  if (mode !== 'wal' || sync !== PRAGMAS[role].synchronousCode || fk !== 1) {
    throw new Error(
      `${role} database pragmas not applied: journal_mode=${String(mode)} synchronous=${String(sync)}`,
    );
  }
}

function bindingOption(options: OpenOptions): Database.Options {
  return options.nativeBinding ? { nativeBinding: options.nativeBinding } : {};
}

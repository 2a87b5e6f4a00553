/**
 * Numbered migrations. Each runs in its own transaction and bumps `user_version`, so a crash mid-way
 * leaves the database at the previous version, never half-migrated. Versions must be 1..n without gaps;
 * a database newer than the code is refused rather than guessed at.
 *
 * Several connections may open the same file at once (each store writer thread migrates on start):
 * every step takes the write lock first (BEGIN IMMEDIATE) and re-reads the version under it, so a
 * step another connection already applied is skipped instead of run twice.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

export function currentVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function migrate(db: Database.Database, migrations: readonly Migration[], upTo?: number): number {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1)
      throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  const target = upTo ?? migrations.length;
  const from = currentVersion(db);
  if (from > migrations.length) {
    throw new Error(`database is at version ${from}, newer than this build (${migrations.length})`);
  }
  for (const migration of migrations.slice(from, target)) {
    db.transaction(() => {
      if (currentVersion(db) >= migration.version) return;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return currentVersion(db);
}

/**
 * Read-only connections to the data directory's databases for the history queries, opened on first
 * use (a fresh data directory has no file until a writer creates it) and closed together. Each
 * query runs in its own implicit read transaction, so no reader holds the WAL for long.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openReadonly, type ReadonlyDb } from '../db';
import { LEDGER_FILE, MARKET_FILE } from '../open-store';

export class ReadHandles {
  private ledgerDb: ReadonlyDb | null = null;
  private marketDb: ReadonlyDb | null = null;

  constructor(
    private readonly dataDir: string,
    private readonly nativeBinding?: string,
  ) {}

  /** The ledger, or null while it does not exist yet. */
  ledger(): ReadonlyDb | null {
    this.ledgerDb ??= this.open(LEDGER_FILE, 'ledger');
    return this.ledgerDb;
  }

  /** The market database, or null while it does not exist yet. */
  market(): ReadonlyDb | null {
    this.marketDb ??= this.open(MARKET_FILE, 'market');
    return this.marketDb;
  }

  close(): void {
    this.ledgerDb?.close();
    this.marketDb?.close();
    this.ledgerDb = null;
    this.marketDb = null;
  }

  private open(name: string, role: 'ledger' | 'market'): ReadonlyDb | null {
    const file = join(this.dataDir, name);
    if (!existsSync(file)) return null;
    return openReadonly({ file, role, nativeBinding: this.nativeBinding });
  }
}

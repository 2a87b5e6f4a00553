/**
 * Maps account keys and instrument symbols (per venue) to their integer row ids, with an in-memory
 * cache. An op that names an account or instrument the ledger has never been told about is a bug in
 * the caller: it throws, which rolls the whole batch back.
 */
import type Database from 'better-sqlite3';

export class Dictionary {
  private readonly accounts = new Map<string, number>();
  private readonly instruments = new Map<string, number>();
  private readonly findAccount: Database.Statement<[string, string], { id: number }>;
  private readonly findInstrument: Database.Statement<[string, string], { id: number }>;

  constructor(db: Database.Database) {
    this.findAccount = db.prepare('SELECT id FROM accounts WHERE venue = ? AND account_key = ?');
    this.findInstrument = db.prepare('SELECT id FROM instruments WHERE venue = ? AND symbol = ?');
  }

  account(venue: string, key: string): number {
    const cacheKey = `${venue}\u0000${key}`;
    const cached = this.accounts.get(cacheKey);
    if (cached !== undefined) return cached;
    const row = this.findAccount.get(venue, key);
    if (!row) throw new Error(`ledger has no account "${key}" on ${venue}`);
    this.accounts.set(cacheKey, row.id);
    return row.id;
  }

  instrument(venue: string, symbol: string): number {
    const cacheKey = `${venue}\u0000${symbol}`;
    const cached = this.instruments.get(cacheKey);
    if (cached !== undefined) return cached;
    const row = this.findInstrument.get(venue, symbol);
    if (!row) throw new Error(`ledger has no instrument "${symbol}" on ${venue}`);
    this.instruments.set(cacheKey, row.id);
    return row.id;
  }

  /** Forget cached ids (after a rolled-back batch may have inserted and then undone rows). */
  reset(): void {
    this.accounts.clear();
    this.instruments.clear();
  }
}

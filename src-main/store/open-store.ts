/** Opens (and migrates) the two database files in the data directory. */
import { join } from 'node:path';
import { openWritable, type WritableDb } from './db';
import { LEDGER_MIGRATIONS } from './migrations/ledger';
import { MARKET_MIGRATIONS } from './migrations/market';
import { migrate } from './migrations/runner';

export const LEDGER_FILE = 'ledger.sqlite';
export const MARKET_FILE = 'market.sqlite';

export interface StoreFiles {
  readonly ledger: WritableDb;
  readonly market: WritableDb;
  close(): void;
}

export function openStoreFiles(dataDir: string, nativeBinding?: string): StoreFiles {
  const ledger = openWritable({ file: join(dataDir, LEDGER_FILE), role: 'ledger', nativeBinding });
  const market = openWritable({ file: join(dataDir, MARKET_FILE), role: 'market', nativeBinding });
  migrate(ledger, LEDGER_MIGRATIONS);
  migrate(market, MARKET_MIGRATIONS);
  return {
    ledger,
    market,
    close() {
      ledger.close();
      market.close();
    },
  };
}

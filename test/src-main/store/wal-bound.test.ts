/**
 * reliability.md E5 (scaled down): while a UI-like reader keeps a read transaction open almost all
 * the time, SQLite's passive auto-checkpoints cannot reset the WAL and the -wal file grows with every
 * write. The writer's RESTART policy keeps it bounded. The control case (policy off) shows the
 * starvation is real, so the bounded case is not passing by accident.
 */
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openReadonly } from '../../../src-main/store/db';
import { LEDGER_FILE } from '../../../src-main/store/open-store';
import { StoreWriter } from '../../../src-main/store/writer/client';
import { fillOp, ledgerSetup } from '../../support/ledger-fixtures';
import { SOURCE_WORKER } from '../../support/store-worker';

const MB = 1024 * 1024;
let stopReader = () => {};
afterEach(() => stopReader());

async function writeUnderReader(walCheckpointBytes: number): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'depthline-wal-'));
  const writer = await StoreWriter.start({ dataDir, script: SOURCE_WORKER, walCheckpointBytes });
  writer.write(ledgerSetup());
  await writer.flush();

  // A reader that holds a read transaction, re-opening it every 20 ms (like a UI polling history).
  const reader = openReadonly({ file: join(dataDir, LEDGER_FILE), role: 'ledger' });
  const count = reader.prepare('SELECT count(*) AS n FROM fills');
  reader.exec('BEGIN');
  count.get();
  const timer = setInterval(() => {
    reader.exec('COMMIT');
    reader.exec('BEGIN');
    count.get();
  }, 20);
  stopReader = () => {
    clearInterval(timer);
    if (reader.open) {
      if (reader.inTransaction) reader.exec('COMMIT');
      reader.close();
    }
  };

  const wal = join(dataDir, `${LEDGER_FILE}-wal`);
  let maxWal = 0;
  let tradeId = 0;
  for (let batch = 0; batch < 60; batch++) {
    for (let i = 0; i < 2000; i++) writer.write(fillOp(++tradeId));
    await writer.flush();
    if (existsSync(wal)) maxWal = Math.max(maxWal, statSync(wal).size);
    await new Promise((r) => setTimeout(r, 25));
  }
  stopReader();
  await writer.close();
  return maxWal;
}

describe('WAL size under a long-running reader', () => {
  it('stays bounded with the checkpoint policy', { timeout: 120_000 }, async () => {
    const maxWal = await writeUnderReader(2 * MB);
    expect(maxWal).toBeLessThan(8 * MB);
  });

  it('grows without it (control)', { timeout: 120_000 }, async () => {
    const maxWal = await writeUnderReader(1024 * MB);
    expect(maxWal).toBeGreaterThan(8 * MB);
  });
});

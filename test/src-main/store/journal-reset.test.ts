/**
 * Reading a venue's journal back (in sequence, streaming) and deleting one venue's ledger rows on
 * request (`resetVenue`), leaving other venues' rows alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openReadonly } from '../../../src-main/store/db';
import { LEDGER_FILE } from '../../../src-main/store/open-store';
import { readJournal } from '../../../src-main/store/read/journal';
import { StoreWriter } from '../../../src-main/store/writer/client';
import type { WriteOp } from '../../../src-main/store/writer/ops';
import { fillOp, ledgerSetup } from '../../support/ledger-fixtures';
import { SOURCE_WORKER } from '../../support/store-worker';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const journal = (venue: string, seq: number): WriteOp => ({
  op: 'journal',
  venue,
  seq,
  ts: seq,
  kind: 'place',
  body: `{"n":${seq}}`,
});

describe('journal read and venue reset', () => {
  it('reads a venue journal in order and resets only that venue', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-journal-'));
    const writer = await StoreWriter.start({ dataDir, script: SOURCE_WORKER });
    cleanups.push(async () => {
      await writer.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    expect([...readJournal(dataDir, 'alpha')]).toEqual([]);
    writer.write([...ledgerSetup('alpha'), ...ledgerSetup('other')]);
    writer.write([
      journal('alpha', 2),
      journal('alpha', 1),
      journal('other', 3),
      fillOp(1, 'alpha'),
      fillOp(2, 'other'),
    ]);
    writer.write({ op: 'news', venue: 'alpha', ts: 1, symbol: 'BTC-USD', headline: 'h', sentiment: '0.5' });
    expect((await writer.flush()).ok).toBe(true);
    expect([...readJournal(dataDir, 'alpha')].map((r) => [r.seq, r.kind, r.body])).toEqual([
      [1, 'place', '{"n":1}'],
      [2, 'place', '{"n":2}'],
    ]);

    writer.write({ op: 'resetVenue', venue: 'alpha' });
    expect((await writer.flush()).ok).toBe(true);
    expect([...readJournal(dataDir, 'alpha')]).toEqual([]);
    expect([...readJournal(dataDir, 'other')].map((r) => r.seq)).toEqual([3]);
    const db = openReadonly({ file: join(dataDir, LEDGER_FILE), role: 'ledger' });
    try {
      const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
      expect(count("SELECT count(*) AS n FROM accounts WHERE venue = 'alpha'")).toBe(0);
      expect(count("SELECT count(*) AS n FROM accounts WHERE venue = 'other'")).toBeGreaterThan(0);
      expect(count('SELECT count(*) AS n FROM fills')).toBe(1);
      expect(count("SELECT count(*) AS n FROM news WHERE venue = 'alpha'")).toBe(0);
    } finally {
      db.close();
    }
    // The venue can be set up again from scratch after a reset.
    writer.write([...ledgerSetup('alpha'), journal('alpha', 1), fillOp(5, 'alpha')]);
    expect((await writer.flush()).ok).toBe(true);
    expect([...readJournal(dataDir, 'alpha')].map((r) => r.seq)).toEqual([1]);
  });
});

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openReadonly } from '../../../src-main/store/db';
import { LEDGER_FILE, MARKET_FILE } from '../../../src-main/store/open-store';
import { StoreWriter } from '../../../src-main/store/writer/client';
import { fillOp as fill, ledgerSetup } from '../../support/ledger-fixtures';
import { SOURCE_WORKER } from '../../support/store-worker';

const writers: StoreWriter[] = [];
afterEach(async () => {
  await Promise.all(writers.splice(0).map((w) => w.close()));
});

async function start(maxPendingOps?: number) {
  const dataDir = mkdtempSync(join(tmpdir(), 'depthline-writer-'));
  const writer = await StoreWriter.start({
    dataDir,
    script: SOURCE_WORKER,
    ...(maxPendingOps ? { maxPendingOps } : {}),
  });
  writers.push(writer);
  return { writer, dataDir };
}

describe('StoreWriter', () => {
  it('commits fills and reports the ticket', async () => {
    const { writer, dataDir } = await start();
    writer.write(ledgerSetup());
    let last = 0;
    for (let i = 1; i <= 500; i++) last = writer.write(fill(i));
    expect(await writer.whenCommitted(last)).toEqual({ ok: true, value: undefined });
    expect(writer.committedTicket).toBe(last);
    const db = openReadonly({ file: join(dataDir, LEDGER_FILE), role: 'ledger' });
    expect(db.prepare('SELECT count(*) AS n FROM fills').get()).toEqual({ n: 500 });

    const row = db
      .prepare(
        `SELECT f.price, f.quantity, f.maker_fee, a.account_key AS maker FROM fills f
         JOIN accounts a ON a.id = f.maker_account_id WHERE f.trade_id = 7`,
      )
      .get();
    expect(row).toEqual({ price: '64007.5', quantity: '0.012', maker_fee: '0.0768', maker: 'agent-7' });
    db.close();
  });

  it('routes market ops to the market database', async () => {
    const { writer, dataDir } = await start();
    writer.write({
      op: 'print',
      venue: 'binance',
      instrument: 'BTCUSDT',
      tradeId: '42',
      ts: 1,
      price: '1.5',
      size: '2',
      side: 'sell',
    });
    expect((await writer.flush()).ok).toBe(true);
    const db = openReadonly({ file: join(dataDir, MARKET_FILE), role: 'market' });
    expect(db.prepare('SELECT price, size, side FROM prints').all()).toEqual([
      { price: '1.5', size: '2', side: 'sell' },
    ]);
    db.close();
  });

  it('rolls back a whole batch when one op fails, and then refuses work', async () => {
    const { writer, dataDir } = await start();
    writer.write(ledgerSetup());
    expect((await writer.flush()).ok).toBe(true);
    writer.write(fill(1));
    writer.write(fill(2, 'unknown-venue')); // refers to accounts the ledger was never told about
    const result = await writer.flush();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/no instrument/);
    expect(writer.accepting).toBe(false);
    const db = openReadonly({ file: join(dataDir, LEDGER_FILE), role: 'ledger' });
    expect(db.prepare('SELECT count(*) AS n FROM fills').get()).toEqual({ n: 0 });

    db.close();
  });

  it('applies backpressure past the pending bound and recovers once committed', async () => {
    const { writer } = await start(121);
    writer.write(ledgerSetup());
    for (let i = 1; i <= 99; i++) writer.write(fill(i));
    expect(writer.accepting).toBe(true);
    writer.write(fill(100));
    expect(writer.accepting).toBe(false);
    await writer.flush();
    expect(writer.accepting).toBe(true);
    expect(writer.stats()).toMatchObject({ committedOps: 121, pendingOps: 0 });
  });

  it('answers a checkpoint asked for while a commit is in progress', async () => {
    const { writer } = await start(1_000_000);
    writer.write(ledgerSetup());
    await writer.flush();
    // A large batch keeps the thread busy; the checkpoint and the next batch queue behind it and
    // are drained into that commit's loop: the checkpoint must still be answered.
    writer.write(Array.from({ length: 50_000 }, (_, i) => fill(i + 1)));
    void writer.flush();
    const checkpointed = writer.checkpoint();
    writer.write(fill(50_001));
    const done = await writer.flush();
    expect(done.ok).toBe(true);
    const answer = await Promise.race([
      checkpointed.then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('lost'), 10_000)),
    ]);
    expect(answer).toBe('answered');
  });

  it('flushes on close', async () => {
    const { writer, dataDir } = await start();
    writer.write(ledgerSetup());
    for (let i = 1; i <= 50; i++) writer.write(fill(i));
    await writer.close();
    const db = openReadonly({ file: join(dataDir, LEDGER_FILE), role: 'ledger' });
    expect(db.prepare('SELECT count(*) AS n FROM fills').get()).toEqual({ n: 50 });
    db.close();
  });

  it('records raw frames and prunes them by retention', async () => {
    const { writer, dataDir } = await start();
    writer.write({ op: 'recording', id: 1, label: 'session', startedTs: 0, endedTs: null, meta: '{}' });
    for (let ts = 0; ts < 100; ts++) {
      writer.write({
        op: 'rawFrame',
        recordingId: 1,
        venue: 'okx',
        tsRecv: ts,
        stream: 'books',
        payload: `{"n":${ts}}`,
      });
    }
    writer.write({ op: 'pruneFrames', before: 60 });
    expect((await writer.flush()).ok).toBe(true);
    const db = openReadonly({ file: join(dataDir, MARKET_FILE), role: 'market' });
    expect(db.prepare('SELECT count(*) AS n, min(ts_recv) AS first FROM raw_frames').get()).toEqual({
      n: 40,
      first: 60,
    });
    db.close();
  });
});

/**
 * Storage throughput: fills (one row each; it carries the trade's balance changes) persisted per second,
 * in batches,
 * on the ledger database (WAL, synchronous=FULL): once applied inline on this thread, and once end
 * to end through the StoreWriter and its worker thread (structured clone + group commit included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStoreFiles } from '../src-main/store/open-store';
import { createApplier } from '../src-main/store/writer/apply';
import { StoreWriter } from '../src-main/store/writer/client';
import type { WriteOp } from '../src-main/store/writer/ops';
import { fillOp, ledgerSetup } from '../test/support/ledger-fixtures';
import { SOURCE_WORKER } from '../test/support/store-worker';
import { median, report } from './lib/report';

const BATCH = 10_000;
const FILLS_PER_RUN = 200_000;

function inline(): number[] {
  const results: number[] = [];
  for (let run = 0; run < 5; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'depthline-bench-store-'));
    const files = openStoreFiles(dir);
    const applier = createApplier(files.ledger, files.market);
    applier.apply(ledgerSetup());
    const batches: WriteOp[][] = [];
    for (let b = 0; b < FILLS_PER_RUN / BATCH; b++) {
      batches.push(Array.from({ length: BATCH }, (_, i) => fillOp(b * BATCH + i + 1)));
    }
    const start = process.hrtime.bigint();
    for (const batch of batches) applier.apply(batch);
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    results.push(FILLS_PER_RUN / seconds);
    files.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

async function throughWriter(): Promise<number[]> {
  const results: number[] = [];
  for (let run = 0; run < 5; run++) {
    const dir = mkdtempSync(join(tmpdir(), 'depthline-bench-store-'));
    const writer = await StoreWriter.start({ dataDir: dir, script: SOURCE_WORKER, maxPendingOps: 1_000_000 });
    writer.write(ledgerSetup());
    await writer.flush();
    const fills = Array.from({ length: FILLS_PER_RUN }, (_, i) => fillOp(i + 1));
    const start = process.hrtime.bigint();
    for (let i = 0; i < fills.length; i += BATCH) writer.write(fills.slice(i, i + BATCH));
    const done = await writer.flush();
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (!done.ok) throw new Error(done.error.message);
    results.push(FILLS_PER_RUN / seconds);
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

const inlineRates = inline();
report({
  name: 'store.fills_persisted.inline',
  value: median(inlineRates),
  unit: 'fills/s',
  runs: inlineRates.length,
});
const writerRates = await throughWriter();
report({
  name: 'store.fills_persisted.writer_thread',
  value: median(writerRates),
  unit: 'fills/s',
  runs: writerRates.length,
});

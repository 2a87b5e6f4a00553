/**
 * End to end through the store writer thread: a simulated venue on a SQLite journal (the writer
 * derives its rows from the journal entries) leaves exactly the ledger a venue building its rows
 * inline leaves, table by table, across a restart in the middle (the second writer catches its
 * projector up from the journal on disk). And the writer's refusals: a journal entry that does not
 * follow fails the batch, commits nothing of it and stops the writer; a venue reset starts its
 * projector afresh in the same batch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../src-shared/domain';
import { simConfig } from '../../../src-main/sim/config';
import { MemoryJournal } from '../../../src-main/sim/journal';
import { type SimRuntime } from '../../../src-main/sim/runtime';
import { openReadonly } from '../../../src-main/store/db';
import { LEDGER_FILE, openStoreFiles } from '../../../src-main/store/open-store';
import { readJournal } from '../../../src-main/store/read/journal';
import { createApplier } from '../../../src-main/store/writer/apply';
import { StoreWriter } from '../../../src-main/store/writer/client';
import type { LedgerOp } from '../../../src-main/store/writer/ops';
import { SOURCE_WORKER } from '../../support/store-worker';
import { sqliteSim } from './sqlite-support';
import { journalRows, simSettings, steppedSim } from './support';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'depthline-projector-'));
  dirs.push(dir);
  return dir;
}
const d = (s: string) => s as DecimalString;
const SEED = 99;
const START = 1_700_000_000_000;

const TABLES = {
  journal: 'seq',
  accounts: 'id',
  instruments: 'id',
  orders: 'venue, order_id',
  order_events: 'id',
  fills: 'id',
  balance_changes: 'id',
  portfolio_snapshots: 'account_id, ts',
  news: 'id',
} as const;

function dump(dir: string): Record<string, unknown[]> {
  const db = openReadonly({ file: join(dir, LEDGER_FILE), role: 'ledger' });
  try {
    return Object.fromEntries(
      Object.entries(TABLES).map(([table, key]) => [
        table,
        db.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all(),
      ]),
    );
  } finally {
    db.close();
  }
}

function entry(seq: number, kind: string, body: unknown): LedgerOp {
  return { op: 'journal', venue: 'sim', seq, ts: seq, kind, body: JSON.stringify(body) };
}

/** The same trading in both runs: agents, plus the user's resting, market and amended orders. */
async function trade(sim: SimRuntime, stepOnce: () => void, steps: number): Promise<void> {
  const you = sim.userAgentId;
  const grid = sim.engine.instrument('ETH-USD')!.grid;
  for (let i = 0; i < steps; i++) {
    stepOnce();
    if (i % 40 !== 3) continue;
    const fair = sim.market.fair('ETH-USD');
    await sim.port.placeOrder({
      agentId: you,
      symbol: 'ETH-USD',
      side: 'buy',
      orderType: 'limit',
      price: grid.ticksToPrice(Math.round(fair) - 30),
      quantity: d('0.1'),
      timeInForce: 'GTC',
    });
    await sim.port.placeOrder({
      agentId: you,
      symbol: 'ETH-USD',
      side: 'sell',
      orderType: 'market',
      quantity: d('0.05'),
      timeInForce: 'IOC',
    });
    const open = sim.venue.openOrders(you);
    if (open.ok && open.value[0]) {
      const amended = await sim.port.amendOrder({
        agentId: you,
        symbol: 'ETH-USD',
        orderId: open.value[0].orderId,
        quantity: d('0.2'),
      });
      expect(amended.ok).toBe(true);
    }
  }
}

/** Two sittings on SQLite (stop, start again on the same directory). */
async function onSqlite(dir: string, first: number, second: number): Promise<void> {
  const a = await sqliteSim(dir, { seed: SEED, start: START });
  await trade(a.sim, () => a.steps(1), first);
  await a.sim.stop();
  const b = await sqliteSim(dir, { seed: SEED, start: a.clock.now() });
  await trade(b.sim, () => b.steps(1), second);
  await b.sim.stop();
}

/** The same two sittings with the rows built inline, then applied to a database as they were kept. */
async function inline(dir: string, first: number, second: number): Promise<void> {
  const kept: LedgerOp[] = [];
  let start = START;
  for (const steps of [first, second]) {
    const journal = new MemoryJournal({ keep: true });
    const replay = journalRows(kept);
    const { sim, clock, step } = await steppedSim(journal, { seed: SEED, start, replay });
    await trade(sim, step, steps);
    await sim.stop();
    kept.push(...journal.kept!);
    start = clock.now();
  }
  const files = openStoreFiles(dir);
  try {
    createApplier(files.ledger, files.market).apply(kept);
  } finally {
    files.close();
  }
}

describe('sim rows derived in the store writer thread', () => {
  it('leave the same ledger as rows built inline, across a restart', async () => {
    const derived = dataDir();
    const built = dataDir();
    await onSqlite(derived, 700, 500);
    await inline(built, 700, 500);
    const a = dump(derived);
    const b = dump(built);
    expect(a.fills!.length).toBeGreaterThan(100);
    expect(a.order_events!.length).toBeGreaterThan(5000);
    for (const table of Object.keys(TABLES))
      expect({ table, rows: a[table] }).toEqual({ table, rows: b[table] });
  });

  it('refuse an entry that does not follow: nothing of its batch commits and the writer stops', async () => {
    const dir = dataDir();
    const writer = await StoreWriter.start({ dataDir: dir, script: SOURCE_WORKER });
    try {
      expect(writer.derives('sim')).toBe(true);
      const genesis = simConfig(simSettings()).genesis;
      writer.write([entry(1, 'sim.genesis', genesis)]);
      expect((await writer.flush()).ok).toBe(true);
      writer.write([entry(2, 'sim.news', { headline: 'x' }), entry(4, 'sim.news', { headline: 'y' })]);
      const failed = await writer.flush();
      expect(failed.ok).toBe(false);
      expect(writer.failed?.message).toMatch(/entry 4 does not follow 2/);
      expect([...readJournal(dir, 'sim')].map((r) => r.seq)).toEqual([1]);
    } finally {
      await writer.close();
    }
  });

  it('start a reset venue afresh, even within the batch that resets it', async () => {
    const dir = dataDir();
    const writer = await StoreWriter.start({ dataDir: dir, script: SOURCE_WORKER });
    try {
      const genesis = entry(1, 'sim.genesis', simConfig(simSettings()).genesis);
      writer.write([genesis, entry(2, 'sim.news', { headline: 'x' })]);
      expect((await writer.flush()).ok).toBe(true);
      // The live projector is at entry 2; after the reset, entry 1 is a new venue's genesis.
      writer.write([{ op: 'resetVenue', venue: 'sim' }, genesis]);
      expect((await writer.flush()).ok).toBe(true);
      expect([...readJournal(dir, 'sim')].map((r) => [r.seq, r.kind])).toEqual([[1, 'sim.genesis']]);
    } finally {
      await writer.close();
    }
  });
});

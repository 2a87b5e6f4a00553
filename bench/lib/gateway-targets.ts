/**
 * What the gateway benchmark's bots connect to, each with its own end-of-run invariant check:
 * - `fakeTarget`: the gateway over the tests' in-memory fake venue (no engine, no journal): the
 *   gateway's own cost on the wire;
 * - `simTarget`: the REAL application (the composition root the desktop app and `npm run serve`
 *   run: simulated venue with its built-in agents on real timers, journal through the SQLite store
 *   writer or in memory, market-data service, UI services, gateway). Bots reach it exactly as a
 *   real bot does.
 *
 * The real venue's invariants at the end: the engine's own self-check (no crossed book, index and
 * locks consistent, ledger conservation), cash and base conserved across all accounts (Σ balances
 * == supply, and supply == supply before the run + the bench bots' starting capital, base
 * unchanged), every acknowledged order accepted by the venue exactly once (counted from the
 * venue's own events), and with SQLite every acknowledged order is in the journal on disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, type ComposedApp } from '../../src-main/app/compose';
import { nodeTimers, systemClock } from '../../src-main/app/node-ports';
import { SettingsSchema } from '../../src-main/config/settings';
import { silentLogger } from '../../src-main/core/ports';
import { startGateway } from '../../src-main/gateway/gateway';
import { accountOf } from '../../src-main/sim/accounts';
import { readJournal } from '../../src-main/store/read/journal';
import { FakeMarketData } from '../../test/support/gateway-fake-market-data';
import { FakeVenue } from '../../test/support/gateway-fake-venue';
import { SOURCE_WORKER } from '../../test/support/store-worker';

/** What the bots report about acknowledged orders (see gateway-bots.mjs). */
export interface AckSummary {
  readonly ackedOrders: number;
  /** Orders the bots saw acknowledged, by agent id. */
  readonly ackedByAgent: Record<string, number>;
}

export interface BenchTarget {
  readonly name: string;
  readonly url: string;
  readonly token: string;
  /** Starting capital each bench bot registers with (the venue's supply limits it). */
  readonly capital: string;
  /** The real application behind a simulated-venue target (for probes). */
  readonly app?: ComposedApp;
  /** Broken invariants after the run (empty = all hold). */
  check(acks: AckSummary): Promise<string[]>;
  close(): Promise<void>;
}

export async function fakeTarget(): Promise<BenchTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'depthline-bench-gw-'));
  const venue = new FakeVenue({ now: () => Date.now() });
  const gw = await startGateway({
    port: 0,
    dataDir,
    venue,
    marketData: new FakeMarketData(),
    clock: systemClock,
    timers: nodeTimers,
    log: silentLogger,
  });
  return {
    name: 'fake_venue',
    url: gw.url,
    token: gw.token,
    capital: '1000000000',
    check: () => Promise.resolve(venue.invariantErrors()),
    close: async () => {
      await gw.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Per bench bot on the real venue: 16 bots stay far below the USD supply cap (2^53 units). */
const BENCH_CAPITAL = '10000000';
const BENCH_CAPITAL_UNITS = (decimals: number) => 10_000_000 * 10 ** decimals;

export type SimPersistenceKind = 'sqlite' | 'memory';

export async function simTarget(persistence: SimPersistenceKind): Promise<BenchTarget> {
  const dataDir = mkdtempSync(join(tmpdir(), 'depthline-bench-gw-sim-'));
  const settings = SettingsSchema.parse({ sim: { persistence } });
  const app: ComposedApp = composeApp(
    {
      runtime: 'headless',
      version: 'bench',
      dataDir,
      settings,
      clock: systemClock,
      timers: nodeTimers,
      log: silentLogger,
      storeWorker: SOURCE_WORKER,
    },
    { gatewayPort: 0 },
  );
  const gw = await app.startGateway();
  if (!gw || !app.sim.venue.available) throw new Error('the simulated venue did not start');
  const { sim } = app;
  const assets = sim.config.genesis.assets.map((a) => a.id);
  const supplyBefore = new Map(assets.map((a) => [a, sim.engine.supply(a)]));
  // The venue's own account of what it accepted, per agent, as its events say.
  const placedByAgent = new Map<string, number>();
  const stopCounting = sim.port.onEvent((event) => {
    if (event.kind !== 'order_placed') return;
    const id = event.order.agentId;
    placedByAgent.set(id, (placedByAgent.get(id) ?? 0) + 1);
  });
  return {
    name: `sim_${persistence}`,
    app,
    url: gw.url,
    token: gw.token,
    capital: BENCH_CAPITAL,
    check: async (acks) => {
      const errors = sim.engine.validate();
      const flushed = await sim.journal.flush();
      if (!flushed.ok) errors.push(`journal: ${flushed.error.message}`);
      const botIds = Object.keys(acks.ackedByAgent);
      // Every account (the fee account 0 included): balances sum to the supply, per asset.
      const accounts = [0, ...sim.venue.accountIds().map((id) => accountOf(id)!)];
      const quote = sim.config.quote;
      const capitalUnits = BENCH_CAPITAL_UNITS(quote.decimals);
      for (const asset of assets) {
        let sum = 0;
        for (const account of accounts) {
          const b = sim.engine.balance(account, asset);
          sum += b.free + b.locked;
        }
        const supply = sim.engine.supply(asset);
        if (sum !== supply) errors.push(`${asset}: Σ balances ${sum} != supply ${supply}`);
        const granted = asset === quote.asset ? capitalUnits * botIds.length : 0;
        const expected = (supplyBefore.get(asset) ?? 0) + granted;
        if (supply !== expected)
          errors.push(`${asset}: supply ${supply} != ${expected} (before + bots' capital)`);
      }
      for (const id of botIds) {
        const placed = placedByAgent.get(id) ?? 0;
        if (placed !== acks.ackedByAgent[id])
          errors.push(`agent ${id}: ${acks.ackedByAgent[id]} acks but the venue accepted ${placed} orders`);
      }
      // The next run's bots start from here.
      for (const asset of assets) supplyBefore.set(asset, sim.engine.supply(asset));
      if (persistence === 'sqlite') {
        const benchAccounts = new Set(botIds.map((id) => accountOf(id)));
        let journaled = 0;
        for (const row of readJournal(dataDir, 'sim')) {
          if (row.kind !== 'place') continue;
          if (benchAccounts.has((JSON.parse(row.body) as { account: number }).account)) journaled++;
        }
        if (journaled !== acks.ackedOrders)
          errors.push(`the journal holds ${journaled} bench orders; the bots saw ${acks.ackedOrders} acks`);
      }
      return errors;
    },
    close: async () => {
      stopCounting();
      await app.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

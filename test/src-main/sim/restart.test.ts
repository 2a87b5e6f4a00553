/**
 * Durability of the simulated venue: after a session on a SQLite journal is stopped, a new venue
 * on the same data directory rebuilds the same engine (state hash), the same open orders of the user
 * and the agents, the same news, balances and the model's fair values from its last checkpoint,
 * and keeps going. `reset` starts fresh on explicit request; a journal written under other
 * instruments is refused, not replayed into a different venue.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../src-shared/domain';
import { openReadonly } from '../../../src-main/store/db';
import { conservationResidual, readBalances } from '../../../src-main/store/read/balances';
import { simSettings } from './support';
import { sqliteSim } from './sqlite-support';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const d = (s: string) => s as DecimalString;

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'depthline-sim-restart-'));
  dirs.push(dir);
  return dir;
}

describe('simulated venue restart', () => {
  it('rebuilds engine, orders, news, balances and model from the journal after a stop', async () => {
    const dir = dataDir();
    const settings = simSettings({ news: { meanIntervalSec: 3 } });
    const first = await sqliteSim(dir, { settings, seed: 21 });
    first.steps(600);
    const you = first.sim.userAgentId;
    const port = first.sim.port;
    const placed = await port.placeOrder({
      agentId: you,
      symbol: 'ETH-USD',
      side: 'buy',
      orderType: 'limit',
      price: d('1000'),
      quantity: d('0.5'),
      timeInForce: 'GTC',
      clientOrderId: 'keep-me',
    });
    expect(placed.ok).toBe(true);
    const bought = await port.placeOrder({
      agentId: you,
      symbol: 'BTC-USD',
      side: 'buy',
      orderType: 'market',
      quantity: d('0.01'),
      timeInForce: 'IOC',
    });
    expect(bought).toMatchObject({ ok: true, value: { status: 'filled' } });
    first.steps(137);
    const hash = first.sim.engine.stateHash();
    const orders = first.sim.agents.map((a) => first.sim.venue.openOrders(a.agentId));
    const mine = first.sim.venue.openOrders(you);
    const news = first.sim.venue.newsHistory(100);
    const portfolio = first.sim.venue.portfolio(you);
    const seq = first.sim.pipeline.lastSeq;
    await first.sim.stop();
    const fair = first.sim.model.state().fair;

    const second = await sqliteSim(dir, { settings, seed: 21 });
    expect(second.sim.venue.state.status).toBe('running');
    expect(second.sim.engine.stateHash()).toBe(hash);
    expect(second.sim.engine.validate()).toEqual([]);
    expect(second.sim.userAgentId).toBe(you);
    expect(second.sim.venue.openOrders(you)).toEqual(mine);
    expect(mine.ok && mine.value.map((o) => o.clientOrderId)).toEqual(['keep-me']);
    expect(second.sim.agents.map((a) => second.sim.venue.openOrders(a.agentId))).toEqual(orders);
    expect(second.sim.venue.newsHistory(100)).toEqual(news);
    expect(news.length).toBeGreaterThan(5);
    const again = second.sim.venue.portfolio(you);
    expect(again.ok && portfolio.ok && { ...again.value, time: 0 }).toEqual(
      portfolio.ok && { ...portfolio.value, time: 0 },
    );
    // The stop checkpoint carries the model: fair values continue exactly.
    expect(second.sim.model.state().fair).toEqual(fair);
    expect(second.sim.driver.step).toBe(737);
    // Stop appended the checkpoint; nothing else was journaled by the restart.
    expect(second.sim.pipeline.lastSeq).toBe(seq + 1);
    second.steps(100);
    expect(second.sim.engine.validate()).toEqual([]);
    await second.sim.stop();

    // The ledger projections agree with the engine: balances rebuilt from fills and deposits.
    const db = openReadonly({ file: join(dir, 'ledger.sqlite'), role: 'ledger' });
    try {
      const balances = readBalances(db, 'sim');
      for (const [asset, residual] of conservationResidual(balances)) expect(residual, asset).toBe('0');
      const usd = balances.accounts.get(you)?.get('USD');
      const expected = second.sim.engine.balance(Number(you.slice(1)), 'USD');
      expect(usd).toBe(fromUnits(expected.free + expected.locked, 6));
    } finally {
      db.close();
    }
  }, 60_000);

  it('starts fresh only on request (reset), and refuses a journal of other instruments', async () => {
    const dir = dataDir();
    const first = await sqliteSim(dir, { seed: 4 });
    first.steps(50);
    await first.sim.stop();

    const changed = simSettings({ instruments: [simSettings().instruments[0]!] });
    const refused = await sqliteSim(dir, { settings: changed });
    expect(refused.sim.venue.state).toMatchObject({
      status: 'halted',
      reason: expect.stringMatching(/--reset-sim/),
    });
    expect(refused.sim.port.available).toBe(false);
    await refused.sim.stop();

    const fresh = await sqliteSim(dir, { settings: changed, reset: true });
    expect(fresh.sim.venue.state).toEqual({ status: 'running', reason: null });
    expect(fresh.sim.engine.instrumentIds()).toEqual(['BTC-USD']);
    expect(fresh.sim.driver.step).toBe(0);
    await fresh.sim.stop();
  }, 60_000);
});

function fromUnits(units: number, decimals: number): string {
  const text = units.toString().padStart(decimals + 1, '0');
  const frac = text.slice(-decimals).replace(/0+$/, '');
  return frac ? `${text.slice(0, -decimals)}.${frac}` : text.slice(0, -decimals);
}

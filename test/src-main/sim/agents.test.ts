/**
 * The built-in agents over a long hand-driven run: every book stays two-sided and uncrossed after
 * the first quotes, the engine's own invariants hold, every asset's supply equals what was
 * deposited (nothing created or destroyed by trading), every agent type actually trades, and a
 * paused agent sends nothing.
 */
import { describe, expect, it } from 'vitest';
import { Dec } from '../../../src-main/core/num';
import { journalRows, simSettings, testSim } from './support';

describe('built-in agents', () => {
  it('keep every book two-sided and uncrossed, and conserve every asset, over 12 simulated minutes', async () => {
    const t = await testSim({ seed: 3, settings: simSettings({ news: { meanIntervalSec: 10 } }) });
    const { sim } = t;
    const symbols = sim.engine.instrumentIds();
    const problems: string[] = [];
    let step = 0;
    t.steps(7200, () => {
      step += 1;
      if (step < 20) return; // the market makers' first quotes
      for (const s of symbols) {
        const bid = sim.engine.bestBid(s);
        const ask = sim.engine.bestAsk(s);
        if (bid === null || ask === null) problems.push(`step ${step}: ${s} one-sided`);
        else if (bid >= ask) problems.push(`step ${step}: ${s} crossed ${bid} >= ${ask}`);
      }
      if (step % 1000 === 0) problems.push(...sim.engine.validate());
    });
    expect(problems.slice(0, 10)).toEqual([]);

    // Supply per asset == Σ deposits journaled; Σ balances (fee account included) == supply.
    const deposits = new Map<string, Dec>();
    for (const row of journalRows(t.journal.kept!)) {
      if (row.kind !== 'deposit') continue;
      const cmd = JSON.parse(row.body) as { asset: string; amount: string };
      deposits.set(cmd.asset, (deposits.get(cmd.asset) ?? new Dec(0)).add(cmd.amount));
    }
    for (const asset of ['USD', 'BTC', 'ETH', 'SOL', 'AAPL', 'NVDA']) {
      const decimals = sim.engine.assetDecimals(asset)!;
      const supply = new Dec(sim.engine.supply(asset)).div(new Dec(10).pow(decimals));
      expect(supply.eq(deposits.get(asset)!), asset).toBe(true);
      let held = 0;
      for (let account = 0; account <= sim.agents.length + 1; account++) {
        const b = sim.engine.balance(account, asset);
        held += b.free + b.locked;
      }
      expect(held, asset).toBe(sim.engine.supply(asset));
    }

    // Every strategy traded: it has fills.
    for (const agent of sim.agents) {
      const fills = sim.venue.recentFills(agent.agentId, 5);
      expect(fills.ok && fills.value.length, agent.name).toBeGreaterThan(0);
    }
  }, 60_000);

  it('a paused agent sends no command; resuming it brings it back', async () => {
    const t = await testSim({ seed: 5 });
    const { sim } = t;
    t.steps(50);
    const noise = sim.agents.find((a) => a.strategy === 'noise')!;
    const mm = sim.agents.find((a) => a.strategy === 'market-maker')!;
    expect(sim.setAgentPaused(noise.agentId, true)).toBe(true);
    sim.setAllPaused(true);
    const before = t.journal.kept!.length;
    t.steps(200);
    const commands = journalRows(t.journal.kept!.slice(before)).filter((r) => !r.kind.startsWith('sim.'));
    expect(commands).toEqual([]);
    sim.setAgentPaused(mm.agentId, false);
    t.steps(20);
    const after = journalRows(t.journal.kept!.slice(before)).filter((r) => !r.kind.startsWith('sim.'));
    const accounts = new Set(after.map((r) => (JSON.parse(r.body) as { account: number }).account));
    expect([...accounts]).toEqual([Number(mm.agentId.slice(1))]);
    expect(sim.setAgentPaused('a999', true)).toBe(false);
  });
});

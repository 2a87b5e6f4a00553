/**
 * Accounts of the simulated venue: bots cannot take the names of the venue's own accounts, a bot
 * that comes back gets its account back, a built-in agent added later gets its own account even if
 * a bot already uses that name, and starting capital counts base deposits at initial prices.
 */
import { describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../src-shared/domain';
import { journalRows, simSettings, testSim } from './support';

const d = (s: string) => s as DecimalString;

describe('simulated venue accounts', () => {
  it('keeps names apart by kind and resumes bots', async () => {
    const { sim, journal } = await testSim();
    for (const name of ['you', 'mm-alpha']) {
      expect(sim.venue.registerAgent({ name, startingCapital: d('10') })).toMatchObject({
        ok: false,
        error: { code: 'AGENT_NAME_TAKEN' },
      });
    }
    const first = sim.venue.registerAgent({ name: 'late-agent', startingCapital: d('10') });
    expect(first).toMatchObject({ ok: true, value: { created: true } });
    expect(sim.venue.registerAgent({ name: 'late-agent', startingCapital: d('99') })).toEqual({
      ok: true,
      value: { agentId: first.ok && first.value.agentId, created: false },
    });
    expect(sim.venue.registerAgent({ name: 'poor', startingCapital: d('0') })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_AMOUNT' },
    });

    // A built-in agent of the same name added in settings later: its own account.
    const settings = simSettings();
    const withLate = simSettings({
      agents: [
        ...settings.agents,
        { name: 'late-agent', strategy: 'noise', capital: '1000', inventory: '100' },
      ],
    });
    const again = await testSim({ settings: withLate, replay: journalRows(journal.kept!) });
    const late = again.sim.agents.find((a) => a.name === 'late-agent')!;
    expect(late.agentId).not.toBe(first.ok && first.value.agentId);
    const p = again.sim.venue.portfolio(late.agentId);
    // 1000 cash + 100 of each of the five instruments' base at initial prices (rounded down).
    expect(p.ok && Number(p.value.startingCapital)).toBeGreaterThan(1499);
    expect(p.ok && Number(p.value.startingCapital)).toBeLessThanOrEqual(1500);
  });
});

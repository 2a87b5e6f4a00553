/**
 * The `sim` settings: alive by default (five instruments, seven agents, a seed), every mistake a
 * clear start-up error, and the command line's --seed / --reset-sim.
 */
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../../src-main/config/cli';
import { SettingsSchema } from '../../../src-main/config/settings';
import { STRATEGY_PARAMS, STRATEGIES } from '../../../src-main/config/sim-settings';
import { STRATEGY_DEFAULTS } from '../../../src-main/sim/agents';

const issues = (sim: unknown) => {
  const parsed = SettingsSchema.safeParse({ sim });
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
};

describe('sim settings', () => {
  it('default to a lively venue with no configuration at all', () => {
    const sim = SettingsSchema.parse({}).sim;
    expect(sim.instruments.map((i) => i.symbol)).toEqual([
      'BTC-USD',
      'ETH-USD',
      'SOL-USD',
      'AAPL-USD',
      'NVDA-USD',
    ]);
    expect(sim.agents.map((a) => a.strategy)).toEqual([
      'market-maker',
      'market-maker',
      'noise',
      'noise',
      'noise',
      'momentum',
      'news',
    ]);
    expect(sim).toMatchObject({
      seed: 42,
      speed: 1,
      stepMs: 100,
      persistence: 'sqlite',
      userCapital: '100000',
    });
    for (const i of sim.instruments)
      expect(i).toMatchObject({ quote: 'USD', tickSize: expect.any(String), minSize: expect.any(String) });
  });

  it('refuse mistakes with a message', () => {
    expect(issues({ agents: [{ name: 'you', strategy: 'noise', capital: '1' }] })).toEqual([
      expect.stringMatching(/reserved/),
    ]);
    expect(
      issues({ agents: [{ name: 'x', strategy: 'noise', capital: '1', symbols: ['DOGE-USD'] }] }),
    ).toEqual([expect.stringMatching(/unknown symbol DOGE-USD/)]);
    expect(
      issues({ agents: [{ name: 'x', strategy: 'noise', capital: '1', params: { spreadBps: 3 } }] }),
    ).toEqual([expect.stringMatching(/unknown noise parameter\(s\) spreadBps/)]);
    expect(issues({ agents: [{ name: 'x', strategy: 'arbitrage', capital: '1' }] }).length).toBe(1);
    expect(issues({ speed: 0 }).length).toBe(1);
    expect(issues({ seed: -1 }).length).toBe(1);
    expect(issues({ userCapital: '-5' }).length).toBe(1);
    expect(issues({ surprise: true }).length).toBe(1);
  });

  it('list exactly the parameters each strategy has defaults for', () => {
    for (const s of STRATEGIES)
      expect([...STRATEGY_PARAMS[s]].sort()).toEqual(Object.keys(STRATEGY_DEFAULTS[s]).sort());
  });

  it('--seed and --reset-sim on the command line', () => {
    expect(parseCli(['--seed', '123', '--reset-sim'])).toEqual({
      ok: true,
      value: { seed: 123, resetSim: true },
    });
    expect(parseCli(['--seed', '4294967295'])).toMatchObject({ ok: true, value: { seed: 4294967295 } });
    expect(parseCli(['--seed', '4294967296'])).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(parseCli(['--seed', 'x'])).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/--seed/) },
    });
    expect(parseCli([])).toEqual({ ok: true, value: {} });
  });
});

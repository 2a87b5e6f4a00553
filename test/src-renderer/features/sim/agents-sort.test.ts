import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SimAgentRow } from '../../../../src-shared/contract';
import { AGENT_COLUMNS, sortAgents } from '../../../../src-renderer/features/sim/agents-sort';
import { compareDecimal, fromUnits } from '../../../../src-renderer/ui/decimal';

const money = fc.bigInt({ min: -10_000_000_000n, max: 10_000_000_000n }).map((u) => fromUnits(u, 6));
const rowArb = fc.record({
  agentId: fc.uuid(),
  name: fc.string({ minLength: 1, maxLength: 8 }),
  kind: fc.constantFrom('user', 'builtin', 'external'),
  strategy: fc.option(fc.constantFrom('noise', 'market-maker', 'momentum'), { nil: null }),
  cash: money,
  equity: money,
  pnl: money,
  positions: fc.array(
    fc.record({
      symbol: fc.constantFrom('BTC-USD', 'ETH-USD', 'SOL-USD'),
      quantity: fc.constantFrom('0', '0.5', '2'),
    }),
    { maxLength: 3 },
  ),
}) as fc.Arbitrary<Omit<SimAgentRow, 'paused' | 'fault' | 'connected'>>;
const rows = fc.array(
  rowArb.map((r) => ({ ...r, paused: false, fault: null, connected: null }) as SimAgentRow),
  {
    maxLength: 12,
  },
);

describe('agents table sorting', () => {
  it('money columns sort as exact decimals, not as text', () => {
    const base = {
      kind: 'builtin',
      strategy: null,
      paused: false,
      fault: null,
      connected: null,
      positions: [],
    } as const;
    const r = (name: string, pnl: string) =>
      ({ ...base, agentId: name, name, cash: '0', equity: '0', pnl }) as unknown as SimAgentRow;
    const sorted = sortAgents([r('a', '9.5'), r('b', '-100'), r('c', '10'), r('d', '-2.25')], {
      column: 'pnl',
      descending: true,
    });
    expect(sorted.map((x) => x.name)).toEqual(['c', 'a', 'd', 'b']);
  });

  it('property: every column gives a permutation in key order, descending the reverse of ascending', () => {
    fc.assert(
      fc.property(rows, fc.constantFrom(...AGENT_COLUMNS.map((c) => c.column)), (list, column) => {
        const up = sortAgents(list, { column, descending: false });
        const down = sortAgents(list, { column, descending: true });
        expect(up.map((x) => x.agentId).sort()).toEqual(list.map((x) => x.agentId).sort());
        if (column === 'cash' || column === 'equity' || column === 'pnl') {
          for (let i = 1; i < up.length; i++)
            expect(compareDecimal(up[i - 1]![column], up[i]![column])).toBeLessThanOrEqual(0);
          for (let i = 1; i < down.length; i++)
            expect(compareDecimal(down[i - 1]![column], down[i]![column])).toBeGreaterThanOrEqual(0);
        }
        if (column === 'positions') {
          const held = (x: SimAgentRow) => x.positions.filter((p) => p.quantity !== '0').length;
          for (let i = 1; i < up.length; i++) expect(held(up[i - 1]!)).toBeLessThanOrEqual(held(up[i]!));
        }
      }),
    );
  });
});

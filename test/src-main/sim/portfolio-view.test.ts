/**
 * Portfolio views (sim/views.ts over core/portfolio/view.ts) add up equity and PnL with exact
 * integer sums (ExactSum) rather than decimal.js. Differential check: after the built-in agents
 * have traded for a while (positions long and short, fees, realised and unrealised PnL, several
 * assets), every account's view equals the one decimal.js computes from the same balances,
 * positions and marks, figure for figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, toDecimalString } from '../../../src-main/core/num';
import type { PortfolioView } from '../../../src-main/gateway/venue-port';
import { accountOf } from '../../../src-main/sim/accounts';
import type { SimRuntime } from '../../../src-main/sim/runtime';
import { testSim } from './support';

/** The figures as decimal.js computes them from the engine's own view (the former implementation). */
function decimalJsFigures(sim: SimRuntime, agentId: string) {
  const venue = sim.venue;
  const ctx = venue.portfolioContext();
  const view = venue.portfolio(agentId);
  if (!view.ok) throw new Error(view.error.message);
  const owner = sim.venue.accountsView().find((a) => a.agentId === agentId)!;
  const account = accountOf(agentId)!;
  const p = ctx.engine.portfolio(account, ctx.marks, ctx.quote)!;
  // Equity: Σ quote balance + base balance × mark price.
  let equity = new Dec(0);
  let valued = true;
  for (const b of p.balances) {
    if (b.asset === ctx.quote) {
      equity = equity.add(b.total);
      continue;
    }
    const id = ctx.engine
      .instrumentIds()
      .find((i) => ctx.engine.instrument(i)!.base === b.asset && ctx.marks.has(i));
    if (id === undefined) {
      valued = false;
      continue;
    }
    equity = equity.add(
      new Dec(b.total).mul(ctx.engine.instrument(id)!.grid.ticksToPrice(ctx.marks.get(id)!)),
    );
  }
  let realized = new Dec(0);
  let unrealized = new Dec(0);
  const perPosition: Record<string, string> = {};
  for (const position of p.positions) {
    realized = realized.add(position.realizedPnl).sub(position.fees);
    if (position.unrealizedPnl !== null) unrealized = unrealized.add(position.unrealizedPnl);
    perPosition[position.instrument] = toDecimalString(new Dec(position.realizedPnl).sub(position.fees));
  }
  const equityText = valued ? toDecimalString(equity) : view.value.startingCapital;
  return {
    kind: owner.kind,
    equity: equityText,
    pnl: toDecimalString(new Dec(equityText).sub(view.value.startingCapital)),
    realizedPnl: toDecimalString(realized),
    unrealizedPnl: toDecimalString(unrealized),
    perPosition,
  };
}

function ours(view: PortfolioView) {
  const perPosition: Record<string, string> = {};
  for (const p of view.positions) if (p.realizedPnl !== undefined) perPosition[p.symbol] = p.realizedPnl;
  return {
    equity: view.equity,
    pnl: view.pnl,
    realizedPnl: view.realizedPnl,
    unrealizedPnl: view.unrealizedPnl,
    perPosition,
  };
}

describe('sim portfolio views', () => {
  it('equal decimal.js on every account after the built-in agents traded', async () => {
    let withPositions = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 20, max: 400 }),
        async (seed, n) => {
          const t = await testSim({ seed });
          try {
            t.steps(n);
            for (const { agentId } of t.sim.venue.accountsView()) {
              const view = t.sim.venue.portfolio(agentId);
              if (!view.ok) throw new Error(view.error.message);
              const { kind: _kind, ...expected } = decimalJsFigures(t.sim, agentId);
              expect(ours(view.value)).toEqual(expected);
              if (view.value.positions.some((p) => p.realizedPnl !== undefined && p.realizedPnl !== '0'))
                withPositions++;
            }
          } finally {
            await t.sim.stop();
          }
        },
      ),
      { numRuns: 6 },
    );
    // The property said something about traded accounts, not only about idle ones.
    expect(withPositions).toBeGreaterThan(0);
  });
});

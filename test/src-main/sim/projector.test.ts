/**
 * The store writer derives the simulated venue's ledger rows from its journal (sim/projector.ts):
 * differential against the rows the venue builds itself (the inline path a memory journal still
 * uses). For every journaled command of real sessions (built-in agents over several seeds, plus the
 * user's orders of every type, amends and cancels, and a bot registering and trading), the
 * projector fed only the journal entries returns exactly the rows the venue wrote after that entry;
 * for `sim.*` entries it returns none (their rows travel with them). A projector caught up from a
 * journal prefix continues exactly like one that saw everything.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DecimalString, TimeInForce } from '../../../src-shared/domain';
import { MemoryJournal } from '../../../src-main/sim/journal';
import { SimProjector } from '../../../src-main/sim/projector';
import type { LedgerOp } from '../../../src-main/store/writer/ops';
import type { JournalEntry } from '../../../src-main/store/writer/projection';
import { simSettings, steppedSim } from './support';

const d = (s: string) => s as DecimalString;

/** A memory journal that keeps each write as its own group (an entry and the rows built with it). */
class GroupJournal extends MemoryJournal {
  readonly groups: LedgerOp[][] = [];
  override write(ops: LedgerOp[]): number {
    this.groups.push([...ops]);
    return super.write(ops);
  }
}

type Order = [
  agent: 'you' | 'bot',
  side: 'buy' | 'sell',
  type: 'limit' | 'market',
  tif: TimeInForce,
  ticks: number,
  qty: string,
];

/** Every few steps: resting, market, FOK, IOC and post-only orders (price in ticks from fair value). */
const ORDERS: readonly Order[] = [
  ['you', 'buy', 'limit', 'GTC', -20, '0.01'],
  ['you', 'sell', 'market', 'IOC', 0, '0.002'],
  ['bot', 'buy', 'limit', 'FOK', 50, '0.003'],
  ['bot', 'sell', 'limit', 'IOC', -50, '0.004'],
  ['bot', 'sell', 'limit', 'POST_ONLY', -5, '0.001'],
];

/** A session whose venue builds its rows inline: built-in agents, the user and a bot trading. */
async function session(seed: number, steps: number): Promise<GroupJournal> {
  const journal = new GroupJournal();
  const { sim, step } = await steppedSim(journal, {
    seed,
    settings: simSettings({ news: { meanIntervalSec: 2 } }),
  });
  const port = sim.port;
  const bot = await port.registerAgent({ name: `bot-${seed}`, startingCapital: d('50000') });
  if (!bot.ok) throw new Error(bot.error.message);
  const agents = { you: sim.userAgentId, bot: bot.value.agentId };
  const grid = sim.engine.instrument('BTC-USD')!.grid;
  for (let i = 0; i < steps; i++) {
    step();
    if (i % 25 !== 7) continue;
    const fair = Math.round(sim.market.fair('BTC-USD'));
    for (const [agent, side, orderType, timeInForce, ticks, qty] of ORDERS) {
      await port.placeOrder({
        agentId: agents[agent],
        symbol: 'BTC-USD',
        side,
        orderType,
        ...(orderType === 'limit' ? { price: grid.ticksToPrice(fair + ticks) } : {}),
        quantity: d(qty),
        timeInForce,
      });
    }
    const open = sim.venue.openOrders(agents.you);
    if (open.ok && open.value[0]) {
      const order = open.value[0];
      const amended = await port.amendOrder({
        agentId: agents.you,
        symbol: 'BTC-USD',
        orderId: order.orderId,
        quantity: d('0.02'),
      });
      expect(amended.ok).toBe(true);
      if (i % 50 === 7) {
        const canceled = await port.cancelOrder({
          agentId: agents.you,
          symbol: 'BTC-USD',
          orderId: order.orderId,
        });
        expect(canceled.ok).toBe(true);
      }
    }
    if (i % 100 === 57) await port.cancelAll({ agentId: agents.bot });
  }
  await sim.stop();
  return journal;
}

function entryOf(group: readonly LedgerOp[]): JournalEntry | null {
  const first = group[0];
  return first?.op === 'journal' ? first : null;
}

/** Feeds every journaled group to the projector; returns mismatches (empty = identical rows). */
function compare(projector: SimProjector, groups: readonly LedgerOp[][]): string[] {
  const mismatches: string[] = [];
  for (const group of groups) {
    const entry = entryOf(group);
    if (!entry) continue; // portfolio snapshots: rows with no entry, written explicitly
    const derived = projector.project(entry);
    const expected = entry.kind.startsWith('sim.') ? [] : group.slice(1);
    try {
      expect(derived).toEqual(expected);
    } catch {
      mismatches.push(`entry ${entry.seq} (${entry.kind})`);
    }
  }
  return mismatches;
}

describe('sim projector: rows derived from the journal equal the rows the venue builds', () => {
  it('for every entry of sessions over random seeds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1_000_000 }), async (seed) => {
        const journal = await session(seed, 400);
        const commands = journal.groups.filter((g) => entryOf(g) && !entryOf(g)!.kind.startsWith('sim.'));
        // The session really exercised the projector: trades, cancels, amends, deposits, accounts.
        const ops = new Set(journal.groups.flat().map((op) => op.op));
        for (const op of ['fill', 'orderEvent', 'order', 'balance', 'account']) expect(ops).toContain(op);
        expect(commands.length).toBeGreaterThan(1000);
        expect(compare(new SimProjector(), journal.groups)).toEqual([]);
      }),
      { numRuns: 4 },
    );
  });

  it('caught up from a journal prefix, continues like one that saw everything', async () => {
    const journal = await session(7, 300);
    const entries = journal.groups.map(entryOf).filter((e): e is JournalEntry => e !== null);
    const cut = Math.floor(entries.length / 2);
    const history = entries.slice(0, cut);
    const rest = journal.groups.filter((g) => (entryOf(g)?.seq ?? 0) > cut);
    expect(compare(SimProjector.from(history), rest)).toEqual([]);
  });

  it('refuses an entry that does not follow, a command before genesis and a second genesis', async () => {
    const journal = await session(3, 20);
    const entries = journal.groups.map(entryOf).filter((e): e is JournalEntry => e !== null);
    const genesis = entries[0]!;
    expect(genesis.kind).toBe('sim.genesis');
    const gap = SimProjector.from(entries.slice(0, 5));
    expect(() => gap.project(entries[6]!)).toThrow(/does not follow/);
    expect(() => new SimProjector().project({ ...entries[5]!, seq: 1 })).toThrow(/before genesis/);
    expect(() => SimProjector.from([genesis]).project({ ...genesis, seq: 2 })).toThrow(/second genesis/);
  });

  it('refuses a command its replica rejects (the journal and the venue disagree)', async () => {
    const journal = await session(5, 20);
    const entries = journal.groups.map(entryOf).filter((e): e is JournalEntry => e !== null);
    const projector = SimProjector.from(entries);
    const next = entries.length + 1;
    const body = JSON.stringify({ kind: 'cancel', ts: 1, account: 1, orderId: 987_654_321 });
    expect(() => projector.project({ seq: next, ts: 1, kind: 'cancel', body })).toThrow(/rejected/);
  });
});

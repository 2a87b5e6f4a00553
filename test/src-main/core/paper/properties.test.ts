/**
 * Properties of the paper model over random sequences of venue book updates, resyncs, prints and
 * paper orders (fast-check):
 * - fills from one print never exceed its size;
 * - taker fills at a level never exceed the liquidity that level showed: its visible size at each
 *   resync plus every later increase (so the same visible size never fills twice);
 * - balances are conserved exactly (Σ accounts + fees == grants + net flows with the venue), none
 *   is negative, and locks back exactly the open orders;
 * - queue estimates never exceed the visible size; nothing fills while the book is not live;
 * - the same inputs give the same events (determinism).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PaperEvent } from '../../../../src-main/core/paper';
import { paperExchange, SYMBOL } from './support';

type Cmd =
  | { t: 'delta'; side: 'bid' | 'ask'; offset: number; lots: number }
  | { t: 'gap'; status: 'stale' | 'resyncing' | 'invalid' }
  | { t: 'print'; ticks: number; lots: number; aggressor: 'buy' | 'sell' }
  | {
      t: 'place';
      account: number;
      side: 'buy' | 'sell';
      kind: 'market' | 'ioc' | 'gtc' | 'fok';
      ticks: number;
      qty: number;
    }
  | { t: 'cancel'; pick: number };

const cmdArb: fc.Arbitrary<Cmd> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('delta' as const),
      side: fc.constantFrom('bid' as const, 'ask' as const),
      offset: fc.integer({ min: 0, max: 8 }),
      lots: fc.integer({ min: 0, max: 3_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('gap' as const),
      status: fc.constantFrom('stale' as const, 'resyncing' as const, 'invalid' as const),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('print' as const),
      ticks: fc.integer({ min: 9_988, max: 10_022 }),
      lots: fc.integer({ min: 1, max: 2_500 }),
      aggressor: fc.constantFrom('buy' as const, 'sell' as const),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('place' as const),
      account: fc.integer({ min: 0, max: 2 }),
      side: fc.constantFrom('buy' as const, 'sell' as const),
      kind: fc.constantFrom('market' as const, 'ioc' as const, 'gtc' as const, 'fok' as const),
      ticks: fc.integer({ min: 9_988, max: 10_022 }),
      qty: fc.integer({ min: 1, max: 4_000 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('cancel' as const), pick: fc.nat() }) },
);

/** Runs a command list; checks the invariants after every step; returns the events. */
function run(cmds: readonly Cmd[]): PaperEvent[] {
  const t = paperExchange();
  // Bids 999.2..1000.0, asks 1001.0..1001.8: never crossed.
  const bidAt = (o: number) => 10_000 - o;
  const askAt = (o: number) => 10_010 + o;
  const initial = (f: (o: number) => number) =>
    Array.from({ length: 9 }, (_, o) => [f(o), 1_000 + o * 100] as const);
  t.book.snapshot(initial(bidAt), initial(askAt));
  t.feed();
  const accounts = [t.account('50000', '40'), t.account('50000', '40'), t.account('5000', '1')];
  const supply = new Map<string, number>();
  const taken = new Map<string, number>();
  const key = (side: 'bid' | 'ask', ticks: number) => `${side}:${ticks}`;
  const addSupplyFromBook = () => {
    for (const l of t.book.bids.all())
      supply.set(key('bid', l.ticks), (supply.get(key('bid', l.ticks)) ?? 0) + l.lots);
    for (const l of t.book.asks.all())
      supply.set(key('ask', l.ticks), (supply.get(key('ask', l.ticks)) ?? 0) + l.lots);
  };
  addSupplyFromBook();
  let live = true;
  for (const cmd of cmds) {
    const before = t.events.length;
    switch (cmd.t) {
      case 'delta': {
        const ticks = cmd.side === 'bid' ? bidAt(cmd.offset) : askAt(cmd.offset);
        const side = cmd.side === 'bid' ? t.book.bids : t.book.asks;
        const old = side.get(ticks)?.lots ?? 0;
        if (cmd.side === 'bid') t.book.delta([[ticks, cmd.lots]], []);
        else t.book.delta([], [[ticks, cmd.lots]]);
        if (live && cmd.lots > old)
          supply.set(key(cmd.side, ticks), (supply.get(key(cmd.side, ticks)) ?? 0) + cmd.lots - old);
        if (live) t.feed();
        break;
      }
      case 'gap':
        if (live) {
          t.feed(cmd.status);
          live = false;
        } else {
          t.feed('live');
          live = true;
          addSupplyFromBook();
        }
        break;
      case 'print': {
        t.print(cmd.ticks, cmd.lots, cmd.aggressor);
        const caused = t.events.slice(before).reduce((n, e) => n + (e.kind === 'fill' ? e.lots : 0), 0);
        expect(caused).toBeLessThanOrEqual(live ? cmd.lots : 0);
        break;
      }
      case 'place': {
        const type = cmd.kind === 'market' ? 'market' : 'limit';
        const tif = cmd.kind === 'gtc' ? 'GTC' : cmd.kind === 'fok' ? 'FOK' : 'IOC';
        const result = t.ex.place({
          account: accounts[cmd.account]!,
          symbol: SYMBOL,
          side: cmd.side,
          type,
          tif,
          ...(type === 'limit' ? { price: cmd.ticks } : {}),
          qty: cmd.qty,
          at: t.at(),
        });
        if (!live) expect(result).toMatchObject({ ok: false, error: { code: 'BOOK_NOT_LIVE' } });
        for (const e of t.events.slice(before)) {
          if (e.kind !== 'fill') continue;
          expect(e.liquidity).toBe('taker');
          const k = key(cmd.side === 'buy' ? 'ask' : 'bid', e.ticks);
          taken.set(k, (taken.get(k) ?? 0) + e.lots);
          expect(taken.get(k)!).toBeLessThanOrEqual(supply.get(k) ?? 0);
        }
        break;
      }
      case 'cancel': {
        const open = accounts.flatMap((a) => t.ex.openOrders(a));
        const order = open[cmd.pick % Math.max(1, open.length)];
        if (order) expect(t.ex.cancel(order.account, order.id, t.at()).ok).toBe(true);
        break;
      }
    }
    checkInvariants(t, accounts, live);
  }
  return t.events;
}

function checkInvariants(t: ReturnType<typeof paperExchange>, accounts: number[], live: boolean): void {
  expect(t.ex.accounts.conservationErrors()).toEqual([]);
  for (const a of accounts) {
    let lockedQuote = 0;
    let lockedBase = 0;
    for (const o of t.ex.openOrders(a)) {
      expect(o.filled + o.leaves).toBe(o.qty);
      expect(o.leaves).toBeGreaterThan(0);
      if (o.side === 'buy') lockedQuote += 1;
      else lockedBase += o.leaves * 100_000;
      const queue = t.ex.queueOf(o.id)!;
      expect(queue.ahead).toBeGreaterThanOrEqual(0);
      if (live) {
        const own = (o.side === 'buy' ? t.book.bids : t.book.asks).get(o.price!)?.lots ?? 0;
        expect(queue.ahead).toBeLessThanOrEqual(own);
      } else expect(queue.confidence).toBe('low');
    }
    expect(t.balance(a, 'BTC').locked).toBe(lockedBase);
    if (lockedQuote === 0) expect(t.balance(a, 'USD').locked).toBe(0);
    else expect(t.balance(a, 'USD').locked).toBeGreaterThan(0);
  }
}

describe('paper model properties', () => {
  it('conserves balances, never fills visible liquidity twice, never over-fills a print', () => {
    fc.assert(
      fc.property(fc.array(cmdArb, { minLength: 1, maxLength: 120 }), (cmds) => {
        run(cmds);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same inputs give the same events', () => {
    fc.assert(
      fc.property(fc.array(cmdArb, { maxLength: 80 }), (cmds) => {
        expect(JSON.stringify(run(cmds))).toBe(JSON.stringify(run(cmds)));
      }),
      { numRuns: 50 },
    );
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_UNITS, Position } from '../../../../src-main/core/portfolio';
import { applyPosition, type NaiveAccount } from '../engine/reference/naive-ledger';

const fill = (maxPrice: number) =>
  fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: maxPrice }));

describe('Position (average cost)', () => {
  it('realised + unrealised == cash flow + position at mark, exactly, for any fills', () => {
    fc.assert(
      fc.property(
        fc.array(fill(10_000), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 100 }),
        (fills, mark, u) => {
          const p = new Position(0);
          let cash = 0n;
          let fees = 0;
          for (const [buy, lots, price] of fills) {
            const notional = price * lots * u;
            const fee = Math.floor(notional / 1000);
            p.apply(buy, lots, notional, fee);
            cash += BigInt(buy ? -notional : notional);
            fees += fee;
            if (p.qty === 0) expect(p.basis).toBe(0n);
            expect(p.basis >= 0n).toBe(true);
          }
          expect(p.realized + p.unrealized(mark, u)).toBe(cash + BigInt(p.qty) * BigInt(mark * u));
          expect(p.fees).toBe(fees);
          expect(p.volume).toBe(BigInt(fills.reduce((s, [, lots]) => s + lots, 0)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('matches the bigint reference, also when values outgrow safe integers and it widens', () => {
    fc.assert(
      fc.property(fc.array(fill(1_000), { maxLength: 40 }), fc.boolean(), (fills, huge) => {
        // With huge per-tick-lot values, a few fills push basis and realised PnL past 2^53.
        const u = huge ? Math.floor(MAX_UNITS / 20_000) : 7;
        const p = new Position(0);
        const ref: NaiveAccount = { id: 1, label: 'r', stp: 'x', free: [], locked: [], positions: new Map() };
        for (const [buy, lots, price] of fills) {
          const notional = price * lots * u;
          if (!Number.isSafeInteger(notional)) continue; // the engine never settles such a fill
          p.apply(buy, lots, notional, 0);
          applyPosition(ref, 0, buy, lots, price, BigInt(u), 0n);
        }
        const r = ref.positions.get(0);
        expect([BigInt(p.qty), p.basis, p.realized, p.volume]).toEqual(
          r ? [r.qty, r.basis, r.realized, r.volume] : [0n, 0n, 0n, 0n],
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('averages entries, realises on reduction and flips cleanly', () => {
    const p = new Position(0);
    p.apply(true, 2, 200, 0); // 2 @ 100
    p.apply(true, 2, 240, 0); // 2 @ 120 -> avg 110
    expect([p.qty, p.basis]).toEqual([4, 440n]);
    p.apply(false, 1, 130, 0); // sell 1 @ 130: +20
    expect([p.qty, p.basis, p.realized]).toEqual([3, 330n, 20n]);
    p.apply(false, 5, 500, 0); // sell 5 @ 100: closes 3 (-30), opens short 2 @ 100
    expect([p.qty, p.basis, p.realized]).toEqual([-2, 200n, -10n]);
    expect(p.unrealized(90, 1)).toBe(20n);
  });
});

/**
 * Property tests of the engine's data structures against the obvious implementations: the paged
 * price ladder against a sorted array (including page boundaries and sparse prices), the order-id
 * hash table against a Map (including backward-shift deletes and growth).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Level, Order } from '../../../../src-main/core/engine/model';
import { OrderIndex } from '../../../../src-main/core/engine/order-index';
import { PriceLadder } from '../../../../src-main/core/engine/price-ladder';

const price = fc.oneof(
  fc.integer({ min: 1000, max: 1100 }), // around the 1024 page boundary
  fc.integer({ min: 1, max: 5000 }),
  fc.integer({ min: 1, max: 2 ** 40 }), // far apart: many sparse pages
);

describe('PriceLadder', () => {
  for (const descending of [true, false]) {
    it(`keeps levels ordered with the right best (${descending ? 'bids' : 'asks'})`, () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(fc.boolean(), price), { maxLength: 300 }), (ops) => {
          const ladder = new PriceLadder(descending);
          const model = new Set<number>();
          for (const [insert, p] of ops) {
            if (insert && !model.has(p)) {
              const level = new Level();
              level.price = p;
              ladder.insert(level);
              model.add(p);
            } else if (!insert && model.size > 0) {
              const victim = [...model][p % model.size]!;
              ladder.remove(ladder.get(victim)!);
              model.delete(victim);
            }
            const sorted = [...model].sort((a, b) => (descending ? b - a : a - b));
            expect(ladder.best?.price ?? null).toBe(sorted[0] ?? null);
            expect(ladder.size).toBe(sorted.length);
          }
          const sorted = [...model].sort((a, b) => (descending ? b - a : a - b));
          const walked: number[] = [];
          for (let l = ladder.best; l !== null; l = ladder.after(l.price)) walked.push(l.price);
          expect(walked).toEqual(sorted);
          for (const p of sorted) expect(ladder.get(p)?.price).toBe(p);
          // Removed prices are gone, also from pages emptied and reused for another key.
          for (const [, p] of ops) if (!model.has(p)) expect(ladder.get(p)).toBeNull();
          // `after` works from prices that are not levels, too.
          const probe = (ops[0]?.[1] ?? 1) + 0;
          const next = sorted.find((p) => (descending ? p < probe : p > probe)) ?? null;
          expect(ladder.after(probe)?.price ?? null).toBe(next);
        }),
        { numRuns: 300 },
      );
    });
  }

  it('scans every bit position of a page word', () => {
    const ladder = new PriceLadder(false);
    const prices = Array.from({ length: 1024 }, (_, i) => 1024 * 7 + i).filter((p) => p % 3 !== 1);
    for (const p of prices) {
      const level = new Level();
      level.price = p;
      ladder.insert(level);
    }
    const walked: number[] = [];
    for (let l = ladder.best; l !== null; l = ladder.after(l.price)) walked.push(l.price);
    expect(walked).toEqual(prices);
  });
});

describe('OrderIndex', () => {
  it('behaves like a Map under random adds and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 1, max: 3000 })), { maxLength: 2000 }),
        (ops) => {
          const index = new OrderIndex(16);
          const model = new Map<number, Order>();
          for (const [add, id] of ops) {
            if (add && !model.has(id)) {
              const order = new Order();
              order.id = id;
              index.add(id, order);
              model.set(id, order);
            } else if (!add) {
              index.delete(id);
              model.delete(id);
            }
          }
          expect(index.size).toBe(model.size);
          for (const [, key] of ops)
            if (index.get(key) !== (model.get(key) ?? null)) expect.fail(`id ${key}`);
          for (const absent of [0, 3001, 41 * 4096 + 1]) expect(index.get(absent)).toBeNull();
          const seen = new Map<number, Order>();
          index.forEach((id, order) => seen.set(id, order));
          expect(seen).toEqual(model);
        },
      ),
      { numRuns: 200 },
    );
  });
});

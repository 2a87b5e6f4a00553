/**
 * TickMap (open addressing, backward-shift deletion) against a Map, with keys drawn to collide:
 * dense runs of ticks, keys above 2^32 that differ only in their high half, and long churn of
 * inserts and deletes so probe chains wrap around the table and are cut in the middle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TickMap } from '../../../../src-main/core/book/tick-map';

const key = fc.oneof(
  fc.integer({ min: 1, max: 200 }),
  fc.integer({ min: 0, max: 50 }).map((k) => k * 4_294_967_296 + 7),
  fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
);
const op = fc.tuple(fc.constantFrom('set', 'set', 'delete', 'get'), key, fc.integer());

describe('TickMap', () => {
  it('behaves as a Map under any sequence of sets, deletes and gets', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 2000, size: 'max' }), (ops) => {
        const map = new TickMap<number>();
        const model = new Map<number, number>();
        for (const [name, k, v] of ops) {
          if (name === 'set') {
            expect(map.set(k, v)).toBe(!model.has(k));
            model.set(k, v);
          } else if (name === 'delete') {
            expect(map.delete(k)).toBe(model.delete(k));
          } else expect(map.get(k)).toBe(model.get(k));
          expect(map.size).toBe(model.size);
        }
        for (const [k, v] of model) expect(map.get(k)).toBe(v);
        expect([...map.keysInTable()].sort((a, b) => a - b)).toEqual([...model.keys()].sort((a, b) => a - b));
        map.clear();
        expect(map.size).toBe(0);
        for (const k of model.keys()) expect(map.get(k)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

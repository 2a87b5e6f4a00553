/**
 * The writer thread's row sink (store/writer/row-sink.ts): holding order upserts until the end of a
 * batch (or a reset of their venue) leaves the same orders as writing every row in order, writes
 * each order at most once per stretch between resets, and passes every other op through in order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WriteOp } from '../../../src-main/store/writer/ops';
import { orderOp } from '../../support/ledger-fixtures';
import { RowSink } from '../../../src-main/store/writer/row-sink';

const VENUES = ['sim', 'paper:x'];

const opArb: fc.Arbitrary<WriteOp> = fc.oneof(
  fc
    .record({ orderId: fc.nat(4), filled: fc.nat(99), venue: fc.constantFrom(...VENUES) })
    .map(({ orderId, filled, venue }) => orderOp(venue, orderId, filled)),
  fc.constantFrom(...VENUES).map((venue): WriteOp => ({ op: 'resetVenue', venue })),
  fc
    .nat()
    .map((ts): WriteOp => ({ op: 'news', venue: 'sim', ts, symbol: 'X', headline: 'h', sentiment: '0' })),
);

/** The orders table after writing `ops` in order (upserts; a reset deletes its venue's orders). */
function orders(ops: readonly WriteOp[]): Map<string, string> {
  const table = new Map<string, string>();
  for (const op of ops) {
    if (op.op === 'order') table.set(`${op.venue}|${op.row.orderId}`, op.row.filled);
    if (op.op === 'resetVenue')
      for (const key of [...table.keys()]) if (key.startsWith(`${op.venue}|`)) table.delete(key);
  }
  return table;
}

describe('writer row sink', () => {
  it('leaves the orders every row would, other ops in order, each order once between resets', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 80 }), (ops) => {
        const written: WriteOp[] = [];
        const sink = new RowSink((op) => written.push(op));
        for (const op of ops) sink.push(op);
        sink.end();
        expect(orders(written)).toEqual(orders(ops));
        expect(written.filter((op) => op.op !== 'order')).toEqual(ops.filter((op) => op.op !== 'order'));
        const seen = new Set<string>();
        for (const op of written) {
          if (op.op === 'resetVenue')
            for (const key of [...seen]) if (key.startsWith(`${op.venue}|`)) seen.delete(key);
          if (op.op !== 'order') continue;
          const key = `${op.venue}|${op.row.orderId}`;
          expect(seen.has(key)).toBe(false);
          seen.add(key);
        }
      }),
      { numRuns: 1000 },
    );
  });
});

/**
 * The writer's batches (store/writer/batch.ts): journal entries packed into runs must write exactly
 * what the ops say: the same ops, in order, once every run is unpacked.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BatchBuilder } from '../../../src-main/store/writer/batch';
import type { WriteOp } from '../../../src-main/store/writer/ops';
import { orderOp } from '../../support/ledger-fixtures';

const VENUES = ['sim', 'paper:binance'];

const opArb: fc.Arbitrary<WriteOp> = fc.oneof(
  fc.record({
    op: fc.constant('journal' as const),
    venue: fc.constantFrom(...VENUES),
    seq: fc.nat(),
    ts: fc.nat(),
    kind: fc.constantFrom('place', 'amend', 'sim.news'),
    body: fc.string(),
  }),
  fc
    .record({ orderId: fc.nat(5), filled: fc.nat(9), venue: fc.constantFrom(...VENUES) })
    .map(({ orderId, filled, venue }) => orderOp(venue, orderId, filled)),
  fc
    .nat()
    .map((ts): WriteOp => ({ op: 'news', venue: 'sim', ts, symbol: 'X', headline: 'h', sentiment: '0' })),
);

function unpack(ops: readonly WriteOp[]): WriteOp[] {
  return ops.flatMap((op): WriteOp[] =>
    op.op === 'journalRun'
      ? op.seq.map((seq, i) => ({
          op: 'journal',
          venue: op.venue,
          seq,
          ts: op.ts[i]!,
          kind: op.kind[i]!,
          body: op.body[i]!,
        }))
      : [op],
  );
}

describe('writer batches', () => {
  it('write exactly the ops given, in order, runs unpacked', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 60 }), (ops) => {
        const batch = new BatchBuilder();
        for (const op of ops) batch.push(op);
        expect(batch.length).toBe(ops.length);
        const taken = batch.take();
        expect(unpack(taken)).toEqual(ops);
        expect(batch.length).toBe(0);
        expect(batch.take()).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('packs consecutive entries of one venue into one run', () => {
    const batch = new BatchBuilder();
    const entry = (venue: string, seq: number): WriteOp => ({
      op: 'journal',
      venue,
      seq,
      ts: seq,
      kind: 'k',
      body: '{}',
    });
    for (const op of [
      entry('sim', 1),
      entry('sim', 2),
      entry('sim', 3),
      entry('paper:x', 1),
      entry('sim', 4),
    ])
      batch.push(op);
    expect(batch.take().map((op) => (op.op === 'journalRun' ? [op.venue, op.seq] : op.op))).toEqual([
      ['sim', [1, 2, 3]],
      ['paper:x', [1]],
      ['sim', [4]],
    ]);
  });
});

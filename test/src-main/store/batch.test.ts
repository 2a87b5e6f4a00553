/**
 * The writer's batches (store/writer/batch.ts): journal entries packed into runs must write exactly
 * what the ops say: the same ops, in order, once every run is unpacked, whatever the entries'
 * text (empty, multi-byte, containing anything a separator could have been); an engine command's
 * entry (amends, placements and cancels packed as numbers) comes back as its JSON text, and as the
 * same command; one that does not fit the packed form (unsafe integers, values outside the
 * vocabulary) travels as text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commandJson, type EngineCommand } from '../../../src-main/core/engine';
import { BatchBuilder, runNumbers, unpackRun } from '../../../src-main/store/writer/batch';
import type { WriteOp } from '../../../src-main/store/writer/ops';
import { amendCommands, cancelCommands, placeCommands } from '../../support/command-arbitraries';
import { orderOp } from '../../support/ledger-fixtures';

const VENUES = ['sim', 'paper:binance'];

/** Any integer an engine command may carry, and beyond (unsafe integers are not packed). */
const int = fc.oneof(fc.integer(), fc.integer({ min: 2 ** 53 - 3, max: 2 ** 53 + 3 }));

const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom('', 'BTC-USD', '"}'));
/** Placements whose side, type or time in force is outside the vocabulary (never accepted). */
const oddPlace = placeCommands(int, text).chain((cmd) =>
  fc.constantFrom('side', 'type', 'tif').map((field) => ({ ...cmd, [field]: 'odd' }) as EngineCommand),
);
const commandArb: fc.Arbitrary<EngineCommand> = fc.oneof(
  amendCommands(int, int),
  placeCommands(int, text),
  cancelCommands(int, text),
  oddPlace,
  fc.record({ account: fc.nat(), ts: fc.nat() }).map((f) => ({ kind: 'cancel_all' as const, ...f })),
);

/** An op to push, or an engine command to push as its venue's entry. */
type Input = { op: WriteOp } | { venue: string; seq: number; cmd: EngineCommand };

const inputArb: fc.Arbitrary<Input> = fc.oneof(
  fc
    .record({
      op: fc.constant('journal' as const),
      venue: fc.constantFrom(...VENUES),
      seq: fc.nat(),
      ts: fc.nat(),
      kind: fc.oneof(fc.constantFrom('place', 'amend', 'sim.news'), fc.string({ unit: 'binary' })),
      body: fc.oneof(fc.json(), fc.string({ unit: 'binary' })),
    })
    .map((op) => ({ op })),
  fc.record({ venue: fc.constantFrom(...VENUES), seq: fc.nat(), cmd: commandArb }),
  fc
    .record({ orderId: fc.nat(5), filled: fc.nat(9), venue: fc.constantFrom(...VENUES) })
    .map(({ orderId, filled, venue }) => ({ op: orderOp(venue, orderId, filled) })),
  fc.nat().map((ts) => ({
    op: { op: 'news', venue: 'sim', ts, symbol: 'X', headline: 'h', sentiment: '0' } as WriteOp,
  })),
);

/** The op an input stands for. */
function expected(input: Input): WriteOp {
  if ('op' in input) return input.op;
  const { venue, seq, cmd } = input;
  return { op: 'journal', venue, seq, ts: cmd.ts, kind: cmd.kind, body: commandJson(cmd) };
}

function unpack(ops: readonly WriteOp[]): WriteOp[] {
  return ops.flatMap((op): WriteOp[] => (op.op === 'journalRun' ? unpackRun(op) : [op]));
}

describe('writer batches', () => {
  it('write exactly the ops given, in order, runs unpacked', () => {
    fc.assert(
      fc.property(fc.array(inputArb, { maxLength: 60 }), (inputs) => {
        const batch = new BatchBuilder();
        // Entries go in as ops, as fields or as commands (the pipeline's ways), alike.
        inputs.forEach((input, i) => {
          if (!('op' in input)) batch.pushCommand(input.venue, input.seq, input.cmd);
          else if (input.op.op === 'journal' && i % 2 === 0) {
            const { venue, seq, ts, kind, body } = input.op;
            batch.pushEntry(venue, seq, ts, kind, body);
          } else batch.push(input.op);
        });
        expect(batch.length).toBe(inputs.length);
        // What is posted to the writer thread is a structured clone.
        const unpacked = unpack(structuredClone(batch.take()));
        expect(unpacked.map((op) => (op.op === 'journal' ? { ...op, command: undefined } : op))).toEqual(
          inputs.map(expected).map((op) => (op.op === 'journal' ? { ...op, command: undefined } : op)),
        );
        // A command handed over as an object is the one journaled.
        for (const op of unpacked)
          if (op.op === 'journal' && op.command) expect(op.command).toEqual(JSON.parse(op.body));
        expect(batch.length).toBe(0);
        expect(batch.take()).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('packs consecutive entries of one venue into one run, commands as numbers', () => {
    const batch = new BatchBuilder();
    const entry = (venue: string, seq: number): WriteOp => ({
      op: 'journal',
      venue,
      seq,
      ts: seq,
      kind: 'k',
      body: '{}',
    });
    for (const op of [entry('sim', 1), entry('sim', 2), entry('paper:x', 1)]) batch.push(op);
    batch.pushCommand('paper:x', 2, { kind: 'amend', account: 1, orderId: 7, qty: 3, ts: 9 });
    batch.pushCommand('paper:x', 3, {
      kind: 'place',
      account: 1,
      instrument: 'BTC',
      side: 'sell',
      type: 'limit',
      price: 5,
      qty: 2,
      clientOrderId: 'c',
      ts: 9,
    });
    batch.pushCommand('paper:x', 4, { kind: 'cancel', account: 1, orderId: 8, ts: 9 });
    batch.push(entry('sim', 3));
    const runs = batch.take().map((op) => {
      if (op.op !== 'journalRun') throw new Error(`not a run: ${op.op}`);
      return [op.venue, [...runNumbers(op)], op.text];
    });
    expect(runs).toEqual([
      ['sim', [1, 1, 0, 1, 2, 2, 2, 0, 1, 2], 'k{}k{}'],
      [
        'paper:x',
        [1, 1, 0, 1, 2, 2, 9, 1, 1, 7, NaN, 3, 3, 9, 2, 1, 1, 0, -1, 5, 2, 3, 1, 4, 9, 3, 1, 8, -1],
        'k{}BTCc',
      ],
      ['sim', [3, 3, 0, 1, 2], 'k{}'],
    ]);
    expect(batch.length).toBe(0);
  });
});

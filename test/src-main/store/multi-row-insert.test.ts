/**
 * Rows queued for multi-row inserts (store/writer/multi-row-insert.ts) land exactly as added, in
 * order, whatever their number (full statements of 32 rows and the rest one by one), values of
 * every SQLite type intact; discarded rows never land.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openMemory } from '../../../src-main/store/db';
import { MultiRowInsert } from '../../../src-main/store/writer/multi-row-insert';

const value = fc.oneof(
  fc.integer(),
  fc.string({ unit: 'binary' }),
  fc.constant(null),
  fc.double({ noNaN: true }),
);
const row = fc.tuple(value, value, value);

describe('multi-row inserts', () => {
  it('write every row added, in order, once flushed', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 120 }), fc.array(row, { maxLength: 40 }), (kept, dropped) => {
        const db = openMemory();
        db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, a, b, c)');
        const insert = new MultiRowInsert(db, 't', ['a', 'b', 'c']);
        const written = () => db.prepare('SELECT a, b, c FROM t ORDER BY id').raw().all();
        for (const r of dropped) insert.add(r);
        const before = written().length;
        insert.discard();
        db.exec('DELETE FROM t');
        for (const r of kept) insert.add(r);
        insert.flush();
        expect(before).toBe(dropped.length - (dropped.length % 32));
        expect(written()).toEqual(kept);
        insert.flush();
        expect(written()).toHaveLength(kept.length);
        db.close();
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a row of the wrong width', () => {
    const db = openMemory();
    db.exec('CREATE TABLE t (a, b)');
    expect(() => new MultiRowInsert(db, 't', ['a', 'b']).add([1])).toThrow(/expected 2 values/);
  });
});

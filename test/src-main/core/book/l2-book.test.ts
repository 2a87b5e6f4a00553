import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { L2Book, type RawLevel } from '../../../../src-main/core/book';
import { Grid } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';

const grid = new Grid({ tickSize: '0.1' as DecimalString, lotSize: '0.001' as DecimalString });
const px = (ticks: number) => grid.ticksToPrice(ticks);
const sz = (lots: number) => (lots === 0 ? '0' : grid.lotsToSize(lots));

/** A naive reference book: a map per side, sorted on read. */
class NaiveBook {
  bids = new Map<number, number>();
  asks = new Map<number, number>();
  snapshot(bids: Array<[number, number]>, asks: Array<[number, number]>) {
    this.bids = new Map(bids.filter(([, l]) => l > 0));
    this.asks = new Map(asks.filter(([, l]) => l > 0));
  }
  delta(bids: Array<[number, number]>, asks: Array<[number, number]>) {
    for (const [t, l] of bids)
      if (l === 0) this.bids.delete(t);
      else this.bids.set(t, l);
    for (const [t, l] of asks)
      if (l === 0) this.asks.delete(t);
      else this.asks.set(t, l);
  }
  top(n: number) {
    const b = [...this.bids].sort((x, y) => y[0] - x[0]).slice(0, n);
    const a = [...this.asks].sort((x, y) => x[0] - y[0]).slice(0, n);
    return { bids: b, asks: a };
  }
  crossed() {
    const b = Math.max(...this.bids.keys());
    const a = Math.min(...this.asks.keys());
    return this.bids.size > 0 && this.asks.size > 0 && b >= a;
  }
}

const raw = (levels: Array<[number, number]>): RawLevel[] =>
  levels.map(([t, l]) => ({ price: px(t), size: sz(l) }));

// Bids live in ticks [1, 1000), asks in [1000, 2000) unless a test wants crossing.
const bidLevel = fc.tuple(fc.integer({ min: 1, max: 999 }), fc.integer({ min: 0, max: 50 }));
const askLevel = fc.tuple(fc.integer({ min: 1000, max: 1999 }), fc.integer({ min: 0, max: 50 }));

describe('L2Book', () => {
  it('matches a naive reference book over random snapshots and deltas', () => {
    fc.assert(
      fc.property(
        fc.array(bidLevel, { maxLength: 30 }),
        fc.array(askLevel, { maxLength: 30 }),
        fc.array(fc.tuple(fc.array(bidLevel, { maxLength: 8 }), fc.array(askLevel, { maxLength: 8 })), {
          maxLength: 40,
        }),
        (snapBids, snapAsks, deltas) => {
          const book = new L2Book(grid);
          const model = new NaiveBook();
          expect(book.applySnapshot(raw(snapBids), raw(snapAsks)).ok).toBe(true);
          model.snapshot(dedupe(snapBids), dedupe(snapAsks));
          for (const [b, a] of deltas) {
            expect(book.applyDelta(raw(b), raw(a)).ok).toBe(true);
            model.delta(b, a);
            const top = book.top(10);
            const expected = model.top(10);
            expect(top.bids.map((l) => [l.ticks, l.lots])).toEqual(expected.bids);
            expect(top.asks.map((l) => [l.ticks, l.lots])).toEqual(expected.asks);
            expect(book.invariantViolation()).toBeNull();
          }
          expect(book.bids.size).toBe(model.bids.size);
          expect(book.asks.size).toBe(model.asks.size);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('flags a crossed book exactly when the naive model crosses, and poisons it', () => {
    const anyLevel = fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 0, max: 5 }));
    fc.assert(
      fc.property(fc.array(anyLevel, { maxLength: 10 }), fc.array(anyLevel, { maxLength: 10 }), (b, a) => {
        const book = new L2Book(grid);
        book.applySnapshot([], []);
        const model = new NaiveBook();
        model.delta(b, a);
        const result = book.applyDelta(raw(b), raw(a));
        expect(result.ok).toBe(!model.crossed());
        if (!result.ok) {
          expect(result.error.kind).toBe('crossed');
          expect(book.valid).toBe(false);
          expect(book.applyDelta([], []).ok).toBe(false);
        }
      }),
    );
  });

  it('refuses an off-grid level without changing any level, then refuses everything until a snapshot', () => {
    const book = new L2Book(grid);
    book.applySnapshot([{ price: '100.1', size: '1' }], [{ price: '100.5', size: '2' }]);
    const before = book.top(5);
    const result = book.applyDelta(
      [{ price: '100.2', size: '3' }],
      [{ price: '100.55', size: '1' }], // off the 0.1 tick
    );
    expect(result).toEqual({
      ok: false,
      error: { kind: 'bad-level', side: 'ask', price: '100.55', size: '1', reason: 'OFF_GRID' },
    });
    expect(book.top(5)).toEqual(before);
    expect(book.valid).toBe(false);
    expect(book.applyDelta([{ price: '100.2', size: '3' }], []).ok).toBe(false);
    expect(book.applySnapshot([{ price: '100.2', size: '3' }], []).ok).toBe(true);
    expect(book.valid).toBe(true);
  });

  it('keeps the strings as received and treats every spelling of zero as a delete', () => {
    const book = new L2Book(grid);
    book.applySnapshot([{ price: '100.10', size: '1.500', count: 3 }], []);
    expect(book.bestBid()).toEqual({ ticks: 1001, lots: 1500, price: '100.10', size: '1.500', count: 3 });
    book.applyDelta([{ price: '100.1', size: '0.00000' }], []);
    expect(book.bestBid()).toBeUndefined();
    // Deleting an unknown level is normal on every venue.
    expect(book.applyDelta([{ price: '99.9', size: '0' }], []).ok).toBe(true);
  });

  it('starts invalid and rejects deltas before the first snapshot', () => {
    const book = new L2Book(grid);
    expect(book.valid).toBe(false);
    expect(book.applyDelta([], []).ok).toBe(false);
  });
});

function dedupe(levels: Array<[number, number]>): Array<[number, number]> {
  const map = new Map<number, number>();
  for (const [t, l] of levels) map.set(t, l);
  return [...map];
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  autoMultiple,
  buildLadder,
  centreIndex,
  depthFor,
  placeView,
  rebaseCentre,
  rowOf,
  scrollCentre,
  spreadCentre,
  spreadOutOfView,
  type LadderInput,
} from '../../../../src-renderer/features/ladder/ladder-math';
import { fromUnits } from '../../../../src-renderer/ui/decimal';

/** A random uncrossed book in integer ticks around 10,000 (tick 0.1, lot 0.001). */
const bookArb = fc
  .record({
    bestBid: fc.integer({ min: 9_900, max: 10_000 }),
    spread: fc.integer({ min: 1, max: 20 }),
    bidOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 150 }), { maxLength: 40 }),
    askOffsets: fc.uniqueArray(fc.integer({ min: 0, max: 150 }), { maxLength: 40 }),
    lots: fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 80, maxLength: 80 }),
  })
  .map(({ bestBid, spread, bidOffsets, askOffsets, lots }) => {
    const bids = [0, ...bidOffsets.filter((o) => o > 0)].map((o, i) => ({
      ticks: bestBid - o,
      lots: lots[i]!,
    }));
    const asks = [0, ...askOffsets.filter((o) => o > 0)].map((o, i) => ({
      ticks: bestBid + spread + o,
      lots: lots[40 + i]!,
    }));
    bids.sort((a, b) => b.ticks - a.ticks);
    asks.sort((a, b) => a.ticks - b.ticks);
    return { bids, asks };
  });

const text = (levels: Array<{ ticks: number; lots: number }>) =>
  levels.map((l) => ({ price: fromUnits(BigInt(l.ticks), 1), size: fromUnits(BigInt(l.lots), 3) }));

const floorDiv = (a: number, b: number) => Math.floor(a / b) * b;
const ceilDiv = (a: number, b: number) => Math.ceil(a / b) * b;

describe('ladder rows', () => {
  it('sit on a fixed grid and hold exactly the sizes a naive bucketing gives (differential)', () => {
    fc.assert(
      fc.property(
        bookArb,
        fc.constantFrom(1, 2, 5, 10, 25),
        fc.integer({ min: 5, max: 60 }),
        fc.integer({ min: -40, max: 40 }),
        ({ bids, asks }, multiple, rows, offset) => {
          const step = BigInt(multiple);
          const centre = rebaseCentre(BigInt(bids[0]!.ticks + offset * multiple), step);
          const input: LadderInput = {
            scale: 1,
            step,
            centre,
            rows,
            bids: text(bids),
            asks: text(asks),
            sizeScale: 3,
          };
          const model = buildLadder(input);
          expect(model.rows).toHaveLength(rows);
          model.rows.forEach((row, i) => {
            if (i > 0) expect(model.rows[i - 1]!.price - row.price).toBe(step);
            expect(row.price % step).toBe(0n);
          });
          expect(model.rows[centreIndex(rows)]!.price).toBe(centre);
          // Naive model: bucket every level with integer maths, sum per row.
          const naive = (levels: typeof bids, round: (a: number, b: number) => number) => {
            const m = new Map<number, number>();
            for (const l of levels)
              m.set(round(l.ticks, multiple), (m.get(round(l.ticks, multiple)) ?? 0) + l.lots);
            return m;
          };
          const nb = naive(bids, floorDiv);
          const na = naive(asks, ceilDiv);
          for (const row of model.rows) {
            const p = Number(row.price);
            expect(row.bid).toBe(nb.has(p) ? fromUnits(BigInt(nb.get(p)!), 3) : null);
            expect(row.ask).toBe(na.has(p) ? fromUnits(BigInt(na.get(p)!), 3) : null);
            expect(row.bid !== null && row.ask !== null).toBe(false);
            expect(row.bidRatio).toBeGreaterThanOrEqual(0);
            expect(row.askRatio).toBeLessThanOrEqual(1);
          }
          expect(model.bestBid).toBe(BigInt(floorDiv(bids[0]!.ticks, multiple)));
          expect(model.bestAsk).toBe(BigInt(ceilDiv(asks[0]!.ticks, multiple)));
          for (const row of model.rows) {
            expect(row.best === 'bid').toBe(row.price === model.bestBid);
            expect(row.best === 'ask').toBe(row.price === model.bestAsk);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('re-centring on the spread shows both best rows, wherever the view was', () => {
    fc.assert(
      fc.property(
        bookArb,
        fc.constantFrom(1, 2, 10),
        fc.integer({ min: 7, max: 60 }),
        fc.integer(),
        (book, m, rows, far) => {
          const step = BigInt(m);
          const input = { scale: 1, step, rows, bids: text(book.bids), asks: text(book.asks), sizeScale: 3 };
          const away = buildLadder({ ...input, centre: rebaseCentre(BigInt(far % 100_000), step) });
          const centre = spreadCentre(away.bestBid, away.bestAsk, step)!;
          const centred = buildLadder({ ...input, centre });
          const spreadRows = Number((centred.bestAsk! - centred.bestBid!) / step);
          if (spreadRows + 7 <= rows) expect(spreadOutOfView(centred, { centre, step, rows })).toBe(false);
          if (spreadRows < rows - 1) {
            expect(rowOf(centred.bestBid!, 'bid', { centre, step, rows })).not.toBeNull();
            expect(rowOf(centred.bestAsk!, 'ask', { centre, step, rows })).not.toBeNull();
          }
        },
      ),
    );
  });

  it('marks own orders and the last trade on their rows (rounded like the book)', () => {
    const model = buildLadder({
      scale: 1,
      step: 10n,
      centre: 10_000n,
      rows: 11,
      bids: [{ price: '999.9', size: '1.000' }],
      asks: [{ price: '1000.1', size: '2.000' }],
      sizeScale: 3,
      own: [
        { id: 'a', side: 'buy', price: '999.5', remaining: '0.5' },
        { id: 'b', side: 'buy', price: '999.1', remaining: '0.25' },
        { id: 'c', side: 'sell', price: '1000.3', remaining: '1' },
      ],
      lastTrade: { price: '1000.1', side: 'buy' },
    });
    const at = (price: bigint) => model.rows.find((r) => r.price === price)!;
    expect(at(9_990n).ownBuy).toEqual({ size: '0.750', ids: ['a', 'b'] });
    expect(at(10_010n).ownSell).toEqual({ size: '1.000', ids: ['c'] });
    expect(at(10_010n).lastTrade).toBe('buy');
    expect(at(9_990n).zone).toBe('bid');
    expect(at(10_000n).zone).toBe('spread');
    expect(at(10_020n).zone).toBe('ask');
  });

  it('scrolls by whole rows and asks main for enough depth to fill the view', () => {
    expect(scrollCentre(1000n, 3, 5n)).toBe(1015n);
    expect(scrollCentre(1000n, -2, 5n)).toBe(990n);
    const view = { centre: 10_000n, step: 1n, rows: 40 };
    expect(depthFor(view, 9_999n, 10_001n)).toBe(50);
    expect(depthFor({ ...view, centre: 10_150n }, 9_999n, 10_001n)).toBe(200);
    expect(depthFor(view, null, null)).toBe(50);
  });

  it('places the view: spread first, then the user centre, following only while not scrolled away', () => {
    const touch = { bestBid: 10_000n, bestAsk: 10_002n };
    const home = spreadCentre(touch.bestBid, touch.bestAsk, 1n);
    const view = { step: 1n, rows: 21, follow: true };
    expect(placeView(null, home, touch, view)).toBe(10_001n);
    expect(placeView(10_003n, home, touch, view)).toBe(10_003n); // spread still on screen: stay
    expect(placeView(10_500n, home, touch, view)).toBe(home); // spread left the screen: follow
    expect(placeView(10_500n, home, touch, { ...view, follow: false })).toBe(10_500n); // scrolled away
    expect(placeView(10_007n, home, touch, { ...view, step: 5n })).toBe(10_005n); // new step: snap
    expect(placeView(null, null, { bestBid: null, bestAsk: null }, view)).toBeNull();
  });
});

describe('first row step', () => {
  const multiples = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000];
  it('keeps single ticks for a tight book and groups a wide one until the spread fits', () => {
    expect(autoMultiple({ bestBid: 100_000n, bestAsk: 100_002n }, 1n, 30, multiples)).toBe(1);
    // Simulated BTC: a $79 spread on a 0.01 tick is 7,900 ticks; 30 rows allow 10 rows of spread.
    expect(autoMultiple({ bestBid: 6_496_500n, bestAsk: 6_504_400n }, 1n, 30, multiples)).toBe(1000);
    expect(autoMultiple({ bestBid: 6_496_500n, bestAsk: 6_498_500n }, 1n, 30, multiples)).toBe(250);
    expect(autoMultiple({ bestBid: null, bestAsk: 5n }, 1n, 30, multiples)).toBe(1);
    expect(autoMultiple({ bestBid: 0n, bestAsk: 10n ** 12n }, 1n, 30, multiples)).toBe(1000);
  });

  it('property: the chosen step is the finest that fits the spread in a third of the rows', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 50_000n }), fc.integer({ min: 6, max: 80 }), (spread, rows) => {
        const m = autoMultiple({ bestBid: 1_000_000n, bestAsk: 1_000_000n + spread }, 1n, rows, multiples);
        const fits = (x: number) => Math.ceil(Number(spread) / x) <= Math.floor(rows / 3);
        if (fits(m)) for (const finer of multiples.filter((x) => x < m)) expect(fits(finer)).toBe(false);
        else expect(m).toBe(1000);
      }),
    );
  });
});

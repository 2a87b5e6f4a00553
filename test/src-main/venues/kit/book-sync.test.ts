/**
 * Model-based tests of the sync state machine: a venue's true book evolves through numbered
 * events; the client sees a subscription that starts late, loses and repeats events, and gets
 * snapshots that may be older or newer than its buffer. The invariant, checked after every step:
 * whenever the book says it is valid, it equals the venue's book at the id it claims. A gap can
 * therefore never leave later events applied to an old book.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Grid } from '../../../../src-main/core/num';
import {
  BookSync,
  binanceFuturesRules,
  binanceSpotRules,
  lighterRules,
  okxRules,
  type DepthMessage,
  type SequenceRules,
} from '../../../../src-main/venues/kit';
import type { DecimalString } from '../../../../src-shared/domain';

const grid = new Grid({ tickSize: '1' as DecimalString, lotSize: '1' as DecimalString });
type Change = ['bid' | 'ask', number, number];
interface VenueEvent {
  first: number;
  last: number;
  prev: number;
  changes: Change[];
}

const change: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(fc.constant('bid' as const), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 0, max: 9 })),
  fc.tuple(fc.constant('ask' as const), fc.integer({ min: 31, max: 60 }), fc.integer({ min: 0, max: 9 })),
);

/** Venue history: events with ids; `contiguous` as on Binance spot, jumping ids as on futures. */
function history(contiguous: boolean) {
  return fc
    .array(fc.tuple(fc.array(change, { minLength: 1, maxLength: 3 }), fc.integer({ min: 0, max: 4 })), {
      minLength: 3,
      maxLength: 40,
    })
    .map((raw) => {
      let id = 100;
      return raw.map(([changes, skip]): VenueEvent => {
        const first = id + 1 + (contiguous ? 0 : skip);
        const last = first + (contiguous ? skip : 0);
        const event = { first, last, prev: id, changes };
        id = last;
        return event;
      });
    });
}

type Book = { bids: Map<number, number>; asks: Map<number, number> };
function truthAfter(events: readonly VenueEvent[], index: number): Book {
  const book: Book = { bids: new Map(), asks: new Map() };
  for (let i = 0; i <= index && i < events.length; i++) {
    for (const [side, price, size] of events[i]!.changes) {
      const levels = side === 'bid' ? book.bids : book.asks;
      if (size === 0) levels.delete(price);
      else levels.set(price, size);
    }
  }
  return book;
}
const asMessage = (e: VenueEvent): DepthMessage => ({
  kind: 'delta',
  first: e.first,
  last: e.last,
  prev: e.prev,
  bids: e.changes.filter(([s]) => s === 'bid').map(([, p, q]) => ({ price: String(p), size: String(q) })),
  asks: e.changes.filter(([s]) => s === 'ask').map(([, p, q]) => ({ price: String(p), size: String(q) })),
});
const snapshotAt = (
  events: readonly VenueEvent[],
  index: number,
  kind: 'snapshot' = 'snapshot',
): DepthMessage => {
  const book = truthAfter(events, index);
  return {
    kind,
    last: index < 0 ? 100 : events[index]!.last,
    bids: [...book.bids].map(([p, q]) => ({ price: String(p), size: String(q) })),
    asks: [...book.asks].map(([p, q]) => ({ price: String(p), size: String(q) })),
  };
};

function assertHonest(sync: BookSync, events: readonly VenueEvent[]) {
  if (!sync.valid) return;
  const index = events.findIndex((e) => e.last === sync.lastId);
  const expected = truthAfter(events, index);
  const bids = new Map(sync.book.bids.all().map((l) => [l.ticks, l.lots]));
  const asks = new Map(sync.book.asks.all().map((l) => [l.ticks, l.lots]));
  expect(bids).toEqual(expected.bids);
  expect(asks).toEqual(expected.asks);
}

/** What the client receives: a late start, then each event lost, delivered, or delivered twice. */
const delivery = fc.record({
  start: fc.integer({ min: 0, max: 5 }),
  fates: fc.array(fc.constantFrom('ok', 'ok', 'ok', 'ok', 'drop', 'dup'), { minLength: 40, maxLength: 40 }),
  snapshotLag: fc.integer({ min: -3, max: 3 }),
});

describe.each([
  ['binance spot', binanceSpotRules, true],
  ['binance futures', binanceFuturesRules, false],
] as Array<[string, SequenceRules, boolean]>)('REST-snapshot sync (%s)', (_name, rules, contiguous) => {
  it('never reports a valid book that differs from the venue at the claimed id', () => {
    fc.assert(
      fc.property(history(contiguous), delivery, (events, { start, fates, snapshotLag }) => {
        const sync = new BookSync(grid, { mode: 'rest-snapshot', rules });
        let sent = -1;
        const snapshot = (lag: number) => {
          const outcome = sync.onSnapshot(
            snapshotAt(events, Math.max(-1, Math.min(events.length - 1, sent + lag))),
          );
          assertHonest(sync, events);
          return outcome;
        };
        for (let i = start; i < events.length; i++) {
          sent = i;
          const fate = fates[i]!;
          if (fate === 'drop') continue;
          for (let copy = 0; copy < (fate === 'dup' ? 2 : 1); copy++) {
            const outcome = sync.onStream(asMessage(events[i]!));
            assertHonest(sync, events);
            if ((outcome.kind === 'buffered' && outcome.requestSnapshot) || outcome.kind === 'fault') {
              // The snapshot may be older than the buffer (a race) or current.
              const next = snapshot(snapshotLag);
              if (next.kind === 'snapshot-too-old' || next.kind === 'fault') snapshot(0);
            }
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('keeps the venue book exactly when nothing is lost, and the first applied event straddles the snapshot', () => {
    fc.assert(
      fc.property(history(contiguous), fc.integer({ min: 0, max: 2 }), (events, lateBy) => {
        const sync = new BookSync(grid, { mode: 'rest-snapshot', rules });
        expect(sync.onStream(asMessage(events[0]!))).toEqual({ kind: 'buffered', requestSnapshot: true });
        const snapIndex = Math.min(events.length - 1, lateBy);
        const snap = snapshotAt(events, snapIndex);
        expect(sync.onSnapshot(snap).kind).toBe('applied');
        // Spot drops u <= lastUpdateId; futures keeps the event with u == lastUpdateId.
        const firstApplied = contiguous ? snapIndex + 1 : snapIndex;
        for (let i = 1; i < events.length; i++) {
          const outcome = sync.onStream(asMessage(events[i]!));
          if (i < firstApplied) expect(outcome).toEqual({ kind: 'dropped', reason: 'stale' });
          else {
            expect(outcome.kind).toBe('applied');
            if (i === firstApplied) {
              const e = events[i]!;
              const L = snap.last!;
              if (contiguous) expect(e.first <= L + 1 && L + 1 <= e.last).toBe(true);
              else expect(e.prev === L || (e.first <= L && L <= e.last)).toBe(true);
            }
          }
        }
        expect(sync.valid).toBe(true);
        assertHonest(sync, events);
        expect(sync.lastId).toBe(events.at(-1)!.last);
      }),
      { numRuns: 300 },
    );
  });
});

describe.each([
  ['okx', okxRules],
  ['lighter', lighterRules],
] as Array<[string, SequenceRules]>)('stream-snapshot sync (%s)', (_name, rules) => {
  it('drops deltas before the snapshot, detects every lost delta, and stays honest', () => {
    fc.assert(
      fc.property(history(false), delivery, (events, { start: late, fates }) => {
        const start = Math.min(late, events.length - 1);
        const sync = new BookSync(grid, { mode: 'stream-snapshot', rules });
        // Deltas before the subscription's snapshot are dropped.
        expect(sync.onStream(asMessage(events[0]!))).toEqual({ kind: 'dropped', reason: 'not-synced' });
        sync.onStream(snapshotAt(events, start));
        let lostSinceSnapshot = false;
        for (let i = start + 1; i < events.length; i++) {
          const fate = fates[i]!;
          if (fate === 'drop') {
            lostSinceSnapshot = true;
            continue;
          }
          const outcome = sync.onStream(asMessage(events[i]!));
          assertHonest(sync, events);
          if (outcome.kind === 'fault') {
            expect(lostSinceSnapshot).toBe(true);
            // The venue answers a resubscribe with a fresh snapshot.
            sync.onStream(snapshotAt(events, i));
            lostSinceSnapshot = false;
          } else if (lostSinceSnapshot && outcome.kind === 'applied') {
            throw new Error('applied a delta after a lost one');
          }
          if (fate === 'dup') expect(sync.onStream(asMessage(events[i]!)).kind).toBe('dropped');
        }
      }),
      { numRuns: 400 },
    );
  });
});

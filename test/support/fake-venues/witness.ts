/**
 * "At every instant the book is either equal to the venue's book or marked invalid": a witness
 * that looks at the connector's book on every change it announces (each applied message, each
 * status change, synchronously) and, whenever the connector offers a book as valid, checks that
 * its top levels are one of the states the fake venue's book has passed through, at or after the
 * state it matched last (a book never goes back in time, never shows a state the venue never had).
 */
import type { Grid } from '../../../src-main/core/num';
import type { StreamConnector } from '../../../src-main/venues/kit';
import type { DecimalString } from '../../../src-shared/domain';
import { Grid as GridClass } from '../../../src-main/core/num';
import type { FakeVenueControl } from './driver';
import { VERSION_DEPTH, versionKey } from './truth-book';

/** Every fake writes prices on a 0.1 tick and sizes on a 0.001 lot; venues' own grids may be finer. */
const fakeGrid = new GridClass({ tickSize: '0.1' as DecimalString, lotSize: '0.001' as DecimalString });

/** A connector's levels as [ticks, lots] on the fakes' grid. */
export function onFakeGrid(
  grid: Grid,
  xs: ReadonlyArray<{ ticks: number; lots: number }>,
): Array<[number, number]> {
  return xs.map((l) => {
    const ticks = fakeGrid.priceToTicks(grid.ticksToPrice(l.ticks));
    const lots = fakeGrid.sizeToLots(grid.lotsToSize(l.lots));
    return [ticks.ok ? ticks.value : NaN, lots.ok ? lots.value : NaN];
  });
}

export interface BookWitness {
  /** Times a valid book was offered and checked. */
  readonly checks: number;
  /** One line per instant a valid book was not a venue state (empty when the invariant held). */
  readonly violations: readonly string[];
  stop(): void;
}

export function bookWitness(connector: StreamConnector, fake: FakeVenueControl): BookWitness {
  let matched = 0;
  const state = { checks: 0, violations: [] as string[] };
  const check = () => {
    const book = connector.book(fake.symbol);
    if (!book) return;
    state.checks += 1;
    const grid = book.instrument.grid;
    const key = versionKey({
      bids: onFakeGrid(grid, book.bids.top(VERSION_DEPTH)),
      asks: onFakeGrid(grid, book.asks.top(VERSION_DEPTH)),
    });
    const versions = fake.truthVersions();
    const found = versions.indexOf(key, matched);
    if (found >= 0) matched = found;
    else if (state.violations.length < 5) {
      const earlier = versions.lastIndexOf(key, matched);
      state.violations.push(
        earlier >= 0
          ? `valid book went back from venue state ${matched} to ${earlier}`
          : `valid book is no venue state (last matched ${matched} of ${versions.length}): ${key.slice(0, 200)}`,
      );
    }
  };
  // One watched symbol per test: every change is checked.
  const off = connector.onBookChange(check);
  return {
    get checks() {
      return state.checks;
    },
    get violations() {
      return state.violations;
    },
    stop: off,
  };
}

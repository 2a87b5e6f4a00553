/**
 * Turns a connector's book state into the contract's BookView: canonical decimal strings from
 * ticks and lots, optional grouping, and levels only when the status allows showing them (live,
 * or stale for the last valid book). An invalid or resyncing book is never shown.
 */
import type { BookView, GroupingParam } from '../../../src-shared/contract';
import type { DecimalString, VenueId } from '../../../src-shared/domain';
import { groupLevels } from '../../core/book';
import type { BookReader, BookState, DepthSnapshot } from '../../venues/kit';

type Levels = BookView['bids'];

export function viewFromState(
  venue: VenueId,
  symbol: string,
  state: BookState | null,
  depth: number,
  grouping: GroupingParam | undefined,
): BookView {
  const base = {
    venue,
    symbol,
    status: state?.status ?? 'resyncing',
    source: state?.reader ? ('stream' as const) : null,
    updatedAt: state?.reader?.updatedAt ?? null,
    venueTime: state?.reader?.venueTime ?? null,
    ageMs: state?.reader?.messageAgeMs ?? null,
    ...(state?.note ? { note: state.note } : {}),
  };
  if (!state?.reader) return { ...base, bids: [], asks: [] };
  return { ...base, ...levelsOf(state.reader, depth, grouping) };
}

function levelsOf(reader: BookReader, depth: number, grouping: GroupingParam | undefined) {
  const grid = reader.instrument.grid;
  if (grouping) {
    const side = (s: 'bid' | 'ask') =>
      groupLevels(s, (s === 'bid' ? reader.bids : reader.asks).bestFirst(), grid, grouping, depth).map((l) =>
        withCount(l.price, l.size, l.count),
      );
    return { bids: side('bid'), asks: side('ask') };
  }
  const side = (s: 'bid' | 'ask'): Levels =>
    (s === 'bid' ? reader.bids : reader.asks)
      .top(depth)
      .map((l) => withCount(grid.ticksToPrice(l.ticks), grid.lotsToSize(l.lots), l.count));
  return { bids: side('bid'), asks: side('ask') };
}

export function viewFromRest(
  venue: VenueId,
  symbol: string,
  snapshot: DepthSnapshot | null,
  status: BookView['status'],
  depth: number,
  note?: string,
): BookView {
  return {
    venue,
    symbol,
    status,
    source: snapshot ? 'rest' : null,
    updatedAt: snapshot?.at ?? null,
    venueTime: snapshot?.venueTime ?? null,
    ageMs: snapshot && snapshot.venueTime !== null ? Math.round(snapshot.at - snapshot.venueTime) : null,
    bids: snapshot && status !== 'invalid' ? snapshot.bids.slice(0, depth).map((l) => ({ ...l })) : [],
    asks: snapshot && status !== 'invalid' ? snapshot.asks.slice(0, depth).map((l) => ({ ...l })) : [],
    ...(note ? { note } : {}),
  };
}

function withCount(price: DecimalString, size: DecimalString, count: number | undefined) {
  return count === undefined ? { price, size } : { price, size, count };
}

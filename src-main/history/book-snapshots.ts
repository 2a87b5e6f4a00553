/**
 * Periodic top-N snapshots of every watched book that is live right now (a book that is resyncing,
 * invalid or stale is not written: a snapshot is a picture of the venue, not of our trouble). Levels
 * are JSON arrays of [price, size] decimal strings, best first.
 */
import type { MarketOp } from '../store/writer/ops';
import type { VenueConnector } from '../venues/kit';

export function bookSnapshotOps(
  connectors: Iterable<VenueConnector>,
  levels: number,
  now: number,
): MarketOp[] {
  const ops: MarketOp[] = [];
  for (const connector of connectors) {
    for (const symbol of connector.watched()) {
      const state = connector.bookState(symbol);
      if (state?.status !== 'live' || !state.reader) continue;
      const { grid } = state.reader.instrument;
      const side = (levelsOf: typeof state.reader.bids) =>
        JSON.stringify(
          levelsOf.top(levels).map((l) => [grid.ticksToPrice(l.ticks), grid.lotsToSize(l.lots)]),
        );
      ops.push({
        op: 'bookSnapshot',
        venue: connector.venue,
        instrument: symbol,
        ts: now,
        source: 'stream',
        bids: side(state.reader.bids),
        asks: side(state.reader.asks),
      });
    }
  }
  return ops;
}

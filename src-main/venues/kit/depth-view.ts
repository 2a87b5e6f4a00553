/**
 * Depth answers in canonical decimal strings (from ticks and lots on the instrument grid), from
 * either path: the live stream book, or a REST snapshot validated and ordered through the same
 * book core (so a REST answer with an off-grid or crossed level is refused, not shown).
 */
import { appError, err, ok, type Result } from '../../../src-shared/result';
import { L2Book, type BookLevel } from '../../core/book';
import type { Grid } from '../../core/num';
import { levelView, type BookReader, type DepthLevelView, type DepthSnapshot } from './connector';
import type { DepthMessage } from './types';

const canonical =
  (grid: Grid) =>
  (l: BookLevel): DepthLevelView =>
    levelView({ ...l, price: grid.ticksToPrice(l.ticks), size: grid.lotsToSize(l.lots) });

export function depthFromReader(reader: BookReader, levels: number, now: number): DepthSnapshot {
  const view = canonical(reader.instrument.grid);
  return {
    source: 'stream',
    bids: reader.bids.top(levels).map(view),
    asks: reader.asks.top(levels).map(view),
    at: reader.updatedAt ?? now,
    venueTime: reader.venueTime,
  };
}

export function depthFromRest(
  grid: Grid,
  message: DepthMessage,
  levels: number,
  at: number,
): Result<DepthSnapshot> {
  const book = new L2Book(grid);
  const loaded = book.applySnapshot(message.bids, message.asks);
  if (!loaded.ok) return err(appError('UNAVAILABLE', 'REST depth failed the book checks'));
  const view = canonical(grid);
  return ok({
    source: 'rest',
    bids: book.bids.top(levels).map(view),
    asks: book.asks.top(levels).map(view),
    at,
    venueTime: message.venueTime ?? null,
  });
}

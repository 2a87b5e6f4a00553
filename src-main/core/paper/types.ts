/**
 * Vocabulary of the paper matching model: one live instrument whose liquidity is the venue's own L2
 * book (integer ticks and lots on the instrument's grid) and whose trades are the venue's prints.
 * Paper orders never reach the venue; they trade against what the venue shows, under the rules in
 * market.ts. Everything here is plain data: the model is pure and deterministic (times are passed
 * in, never read).
 */
import type { BookStatus } from '../../../src-shared/contract';
import { NO_FILL_REASONS, type NoFillReason, type QueueConfidence } from '../../../src-shared/domain';

export type { BookStatus };
export type PaperSide = 'buy' | 'sell';

/** A price level as the model reads it. */
export interface LevelLike {
  readonly ticks: number;
  readonly lots: number;
}

/**
 * One side of the venue's book, best level first. Structurally satisfied by the book core's
 * `SideLevels` and by a connector's `BookReader` sides, so the live book is read in place.
 */
export interface SideView {
  best(): LevelLike | undefined;
  bestFirst(): Iterable<LevelLike>;
}

export interface BookView {
  readonly bids: SideView;
  readonly asks: SideView;
}

/** One trade print from the venue's trade stream, on the instrument's grid. */
export interface Print {
  readonly ticks: number;
  readonly lots: number;
  /** The taker's side: a sell hits bids, a buy lifts asks. */
  readonly aggressor: PaperSide;
}

export type { NoFillReason, QueueConfidence };
export { NO_FILL_REASONS };

/** The model's view of its book: live, one of the venue's non-live states, or none at all. */
export type FeedStatus = BookStatus | 'unavailable';

export function notLiveReason(status: FeedStatus): NoFillReason | null {
  switch (status) {
    case 'live':
      return null;
    case 'stale':
      return 'book_stale';
    case 'resyncing':
      return 'book_resyncing';
    case 'invalid':
      return 'book_invalid';
    case 'unavailable':
      return 'book_unavailable';
  }
}

/**
 * Parameters of the queue and liquidity-memory rules (settings `paper.queue`).
 */
export interface PaperModelConfig {
  /**
   * Share of an unexplained decrease at a resting order's level (a decrease the prints at that
   * price do not explain, i.e. cancels) taken from the queue ahead of the order:
   * 'proportional' = ahead / visible size before the decrease (cancels are spread evenly over the
   * queue); a number in [0, 1] = that fixed share.
   */
  readonly cancelAheadShare: 'proportional' | number;
  /** Consumed-liquidity memory expires this many ms after the last consumption (0 = never by time). */
  readonly consumedTtlMs: number;
  /** ... or after this many book updates (0 = never by count). */
  readonly consumedTtlUpdates: number;
}

export const DEFAULT_MODEL_CONFIG: PaperModelConfig = {
  cancelAheadShare: 'proportional',
  consumedTtlMs: 10_000,
  consumedTtlUpdates: 0,
};

/** One piece of an order's execution, in ticks and lots. */
export interface Execution {
  readonly ticks: number;
  readonly lots: number;
}

export function opposite(side: PaperSide): PaperSide {
  return side === 'buy' ? 'sell' : 'buy';
}

/** True when `a` is a better price than `b` for an order on `side` (higher bid, lower ask). */
export function better(side: PaperSide, a: number, b: number): boolean {
  return side === 'buy' ? a > b : a < b;
}

/** floor(a × b / c) for non-negative safe integers, exact (widens to bigint when needed). */
export function mulDivFloor(a: number, b: number, c: number): number {
  const product = a * b;
  if (product > Number.MAX_SAFE_INTEGER) return Number((BigInt(a) * BigInt(b)) / BigInt(c));
  // The double quotient of two safe integers is off by at most one; the remainder fixes it.
  let q = Math.floor(product / c);
  const r = product - q * c;
  if (r < 0) q -= 1;
  else if (r >= c) q += 1;
  return q;
}

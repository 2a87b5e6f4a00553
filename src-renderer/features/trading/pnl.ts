/**
 * Marking positions, pure: the mark is the book's mid when both sides rest, else the last trade,
 * else the venue's own mark; unrealised PnL is (mark - average cost) x quantity. The renderer
 * marks positions itself from the live book so the blotter moves with the market between the
 * venue's portfolio updates; realised PnL is the venue's (it needs the whole fill history).
 * Invariants: exact decimals only; a position without an average cost or mark has no unrealised
 * figure (null), never a made-up zero.
 */
import { midpoint, notional, subtract } from './order-math';

export type MarkSource = 'mid' | 'last' | 'venue';

export interface Mark {
  readonly price: string;
  readonly source: MarkSource;
}

export interface MarkInputs {
  readonly bestBid: string | null;
  readonly bestAsk: string | null;
  readonly last: string | null;
  readonly venueMark: string | null;
}

export function markOf(inputs: MarkInputs): Mark | null {
  if (inputs.bestBid !== null && inputs.bestAsk !== null) {
    const mid = midpoint(inputs.bestBid, inputs.bestAsk);
    if (mid !== null) return { price: mid, source: 'mid' };
  }
  if (inputs.last !== null) return { price: inputs.last, source: 'last' };
  if (inputs.venueMark !== null) return { price: inputs.venueMark, source: 'venue' };
  return null;
}

export function unrealizedPnl(
  quantity: string,
  averageCost: string | null,
  mark: string | null,
): string | null {
  if (averageCost === null || mark === null) return null;
  const move = subtract(mark, averageCost);
  return move === null ? null : notional(move, quantity);
}

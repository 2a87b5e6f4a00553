/**
 * Reading the venue's book where the model needs it: the visible size at a few prices of one side,
 * found in a single best-first pass that stops at the deepest price asked for. Paper orders sit
 * near the top of the book, so this costs a few levels per update, not the book's depth.
 */
import type { PaperSide, SideView } from './types';

/** The book side a resting order on `side` joins (a buy rests among the bids). */
export function ownSide(book: { bids: SideView; asks: SideView }, side: PaperSide): SideView {
  return side === 'buy' ? book.bids : book.asks;
}

/** The book side a taker on `side` trades against (a buy lifts the asks). */
export function contraSide(book: { bids: SideView; asks: SideView }, side: PaperSide): SideView {
  return side === 'buy' ? book.asks : book.bids;
}

/**
 * Visible lots at each price in `ticks` on a book side whose levels are ordered best first for an
 * order on `side` (bids descending when side is 'buy'). `ticks` may be in any order; the answer is
 * a map price -> lots (0 when the level is absent).
 */
export function sizesAt(view: SideView, side: PaperSide, ticks: Iterable<number>): Map<number, number> {
  const out = new Map<number, number>();
  let worst: number | null = null;
  for (const t of ticks) {
    out.set(t, 0);
    if (worst === null || (side === 'buy' ? t < worst : t > worst)) worst = t;
  }
  if (worst === null) return out;
  for (const level of view.bestFirst()) {
    if (side === 'buy' ? level.ticks < worst : level.ticks > worst) break;
    if (out.has(level.ticks)) out.set(level.ticks, level.lots);
  }
  return out;
}

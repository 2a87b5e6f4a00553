/**
 * Resting paper limits: queue position at join, prints at and through the price, cancels ahead
 * (proportional and fixed shares), the visibility cap, shared prints, resyncs and confidence, and
 * the typed reason an order is not filling.
 */
import { describe, expect, it } from 'vitest';
import { paperExchange, SYMBOL } from './support';

const BIDS = [
  [10_000, 5_000],
  [9_990, 4_000],
] as const;
const ASKS = [[10_010, 2_000]] as const;

function setup(config = {}) {
  const t = paperExchange(config);
  t.book.snapshot(BIDS, ASKS);
  t.feed();
  const alice = t.account('100000');
  const bid = (price: number, qty: number) => {
    const placed = t.ex.place({
      account: alice,
      symbol: SYMBOL,
      side: 'buy',
      type: 'limit',
      tif: 'GTC',
      price,
      qty,
      at: t.at(),
    });
    if (!placed.ok) throw new Error(placed.error.message);
    return placed.value.id;
  };
  const filled = (id: number) =>
    t.fills().reduce((n, f) => n + (f.kind === 'fill' && f.order.id === id ? f.lots : 0), 0);
  return { ...t, alice, bid, filled };
}

describe('queue position of resting paper limits', () => {
  it('at the front of the queue (a new best price) it fills on the first print that reaches it', () => {
    const t = setup();
    const id = t.bid(10_005, 1_000);
    expect(t.ex.queueOf(id)).toEqual({ ahead: 0, confidence: 'medium' });
    expect(t.ex.noFillReason(id)).toBe('awaiting_prints');
    t.print(10_010, 300, 'buy'); // a buyer lifting the ask: not through a bid
    expect(t.filled(id)).toBe(0);
    t.print(10_005, 300, 'sell');
    expect(t.filled(id)).toBe(300);
    expect(t.fills().at(-1)).toMatchObject({ liquidity: 'maker', ticks: 10_005, fee: 300_150 }); // 300.15 USD notional at 0.1%
    expect(t.fills().length).toBe(1);
    expect(t.ex.queueOf(id)).toEqual({ ahead: 0, confidence: 'high' });
  });

  it('behind a large order it waits until prints at its price use up the queue ahead', () => {
    const t = setup();
    const id = t.bid(10_000, 1_000);
    expect(t.ex.queueOf(id)?.ahead).toBe(5_000);
    expect(t.ex.noFillReason(id)).toBe('queue_ahead');
    t.print(10_000, 4_000, 'sell');
    expect(t.filled(id)).toBe(0);
    expect(t.ex.queueOf(id)).toEqual({ ahead: 1_000, confidence: 'high' });
    // The book catches up with the print: explained by it, not a cancel.
    t.book.delta([[10_000, 1_000]], []);
    t.feed();
    expect(t.ex.queueOf(id)?.ahead).toBe(1_000);
    // 1,500 prints: 1,000 ahead, then 500 for the paper order.
    t.print(10_000, 1_500, 'sell');
    expect(t.filled(id)).toBe(500);
    t.print(10_000, 2_000, 'sell');
    expect(t.filled(id)).toBe(1_000);
    expect(t.ex.order(id)).toBeNull();
  });

  it('prints through the price fill it at its own price whatever was ahead', () => {
    const t = setup();
    const id = t.bid(10_000, 1_000);
    t.print(9_990, 700, 'sell');
    expect(t.filled(id)).toBe(700);
    expect(t.fills().at(-1)).toMatchObject({ ticks: 10_000, lots: 700 });
    expect(t.ex.queueOf(id)?.ahead).toBe(0);
    // A buyer lifting an ask below the bid is through it too.
    t.print(9_995, 100, 'buy');
    expect(t.filled(id)).toBe(800);
  });

  it('a print at its price by a buyer (lifting asks) does not touch the bid queue', () => {
    const t = setup();
    const id = t.bid(10_000, 1_000);
    t.print(10_000, 9_000, 'buy');
    expect(t.filled(id)).toBe(0);
    expect(t.ex.queueOf(id)?.ahead).toBe(5_000);
  });

  it('unexplained decreases (cancels) take a proportional share from ahead', () => {
    const t = setup();
    const id = t.bid(10_000, 1_000); // ahead 5,000 of 5,000 visible
    t.book.delta([[10_000, 6_000]], []); // 1,000 joined behind
    t.feed();
    expect(t.ex.queueOf(id)?.ahead).toBe(5_000);
    t.book.delta([[10_000, 3_000]], []); // 3,000 canceled: 5,000/6,000 of them ahead
    t.feed();
    expect(t.ex.queueOf(id)?.ahead).toBe(2_500);
  });

  it('a fixed cancel share, and prints already seen are not counted again', () => {
    const t = setup({ cancelAheadShare: 0.5 });
    const id = t.bid(10_000, 1_000);
    t.print(10_000, 1_000, 'sell'); // ahead 4,000
    t.book.delta([[10_000, 2_000]], []); // -3,000 = 1,000 printed + 2,000 canceled
    t.feed();
    expect(t.ex.queueOf(id)?.ahead).toBe(2_000); // 4,000 - 0.5 x 2,000, capped at visible 2,000
    t.book.delta([[10_000, 1_800]], []);
    t.feed();
    expect(t.ex.queueOf(id)?.ahead).toBe(1_800);
  });

  it('never more ahead than visible: a level that disappears leaves it at the front', () => {
    const t = setup({ cancelAheadShare: 0 });
    const id = t.bid(10_000, 1_000);
    t.book.delta([[10_000, 0]], []);
    t.feed();
    expect(t.ex.queueOf(id)?.ahead).toBe(0);
    t.book.delta([[10_000, 9_000]], []); // new orders join behind
    t.feed();
    expect(t.ex.queueOf(id)?.ahead).toBe(0);
    t.print(10_000, 400, 'sell');
    expect(t.filled(id)).toBe(400);
  });

  it('paper orders share a print: fills never exceed its size, better price first', () => {
    const t = setup();
    const low = t.bid(10_003, 1_000);
    const high = t.bid(10_005, 1_000);
    const same = t.bid(10_005, 1_000);
    t.print(10_003, 1_500, 'sell');
    expect([t.filled(high), t.filled(same), t.filled(low)]).toEqual([1_000, 500, 0]);
  });

  it('a stale book fills nothing, says why, and a resync lowers confidence', () => {
    const t = setup();
    const id = t.bid(10_000, 1_000);
    t.print(10_000, 1_000, 'sell');
    expect(t.ex.queueOf(id)).toEqual({ ahead: 4_000, confidence: 'high' });
    t.feed('stale');
    expect(t.ex.noFillReason(id)).toBe('book_stale');
    expect(t.ex.queueOf(id)?.confidence).toBe('low');
    t.print(9_000, 5_000, 'sell');
    expect(t.filled(id)).toBe(0);
    t.feed('resyncing');
    expect(t.ex.noFillReason(id)).toBe('book_resyncing');
    // Back live with 4,500 visible: ahead stays at the upper bound min(4,000, 4,500).
    t.book.snapshot([[10_000, 4_500]], ASKS);
    t.feed('live');
    expect(t.ex.queueOf(id)).toEqual({ ahead: 4_000, confidence: 'low' });
    expect(t.ex.noFillReason(id)).toBe('queue_ahead');
    // Once the front is known, confidence is high again.
    t.print(10_000, 4_100, 'sell');
    expect(t.filled(id)).toBe(100);
    expect(t.ex.queueOf(id)).toEqual({ ahead: 0, confidence: 'high' });
  });

  it('a smaller amend keeps the queue position; a new price re-joins at the back', () => {
    const t = setup();
    const id = t.bid(10_000, 2_000);
    t.print(10_000, 1_000, 'sell');
    const smaller = t.ex.amend({ account: t.alice, orderId: id, qty: 1_500, at: t.at() });
    expect(smaller.ok && smaller.value.leaves).toBe(1_500);
    expect(t.ex.queueOf(id)?.ahead).toBe(4_000);
    t.ex.amend({ account: t.alice, orderId: id, price: 9_990, at: t.at() });
    // A fresh join: no print seen at the new place yet.
    expect(t.ex.queueOf(id)).toEqual({ ahead: 4_000, confidence: 'medium' });
    expect(t.balance(t.alice, 'USD').locked).toBe(
      1_500 * 9_990 * 100 + Math.ceil((1_500 * 9_990 * 100 * 2) / 1000),
    );
  });
});

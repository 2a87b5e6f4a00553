/**
 * Takers against the venue's visible book: walking levels (partial fills, slippage), fees, FOK,
 * market buys capped by funds, and the consumed-liquidity memory with its refresh rules.
 */
import { describe, expect, it } from 'vitest';
import { paperExchange, SYMBOL } from './support';

const ASKS = [
  [10_010, 2_000],
  [10_020, 3_000],
  [10_050, 5_000],
] as const;
const BIDS = [
  [10_000, 1_000],
  [9_990, 4_000],
] as const;

function setup(config = {}) {
  const t = paperExchange(config);
  t.book.snapshot(BIDS, ASKS);
  t.feed();
  return t;
}

describe('paper takers walk the visible book', () => {
  it('a market buy walks levels best first: partial fills, slippage and taker fees, exactly', () => {
    const t = setup();
    const alice = t.account('100000');
    const placed = t.ex.place({
      account: alice,
      symbol: SYMBOL,
      side: 'buy',
      type: 'market',
      tif: 'IOC',
      qty: 4_500,
      at: t.at(),
    });
    expect(placed.ok).toBe(true);
    const fills = t.fills().map((f) => f.kind === 'fill' && [f.ticks, f.lots, f.liquidity, f.fee]);
    // 2 BTC at 1001.0 and 2.5 BTC at 1002.0: notional 2002 + 2505 USD; fees 0.2% each level.
    expect(fills).toEqual([
      [10_010, 2_000, 'taker', 4_004_000],
      [10_020, 2_500, 'taker', 5_010_000],
    ]);
    const spent = 100_000_000_000 - t.balance(alice, 'USD').free;
    expect(spent).toBe(2_002_000_000 + 2_505_000_000 + 4_004_000 + 5_010_000);
    expect(t.balance(alice, 'BTC').free).toBe(450_000_000);
    expect(t.ex.accounts.conservationErrors()).toEqual([]);
  });

  it('a limit IOC stops at its price and cancels the rest; a GTC limit rests the rest', () => {
    const t = setup();
    const alice = t.account('100000');
    t.ex.place({
      account: alice,
      symbol: SYMBOL,
      side: 'buy',
      type: 'limit',
      tif: 'IOC',
      price: 10_010,
      qty: 2_500,
      at: t.at(),
    });
    expect(t.events.map((e) => e.kind)).toEqual(['accepted', 'fill', 'canceled']);
    const gtc = t.ex.place({
      account: alice,
      symbol: SYMBOL,
      side: 'buy',
      type: 'limit',
      tif: 'GTC',
      price: 10_020,
      qty: 4_000,
      at: t.at(),
    });
    expect(gtc.ok && gtc.value).toMatchObject({ filled: 3_000, leaves: 1_000, status: 'open' });
    // It rests at 1002.0 where no bid is visible: nothing ahead.
    expect(gtc.ok && t.ex.queueOf(gtc.value.id)).toEqual({ ahead: 0, confidence: 'medium' });
  });

  it('a sell walks the bids; selling more than held is refused (no short sales)', () => {
    const t = setup();
    const bob = t.account('0', '3');
    const tooMuch = t.ex.place({
      account: bob,
      symbol: SYMBOL,
      side: 'sell',
      type: 'market',
      tif: 'IOC',
      qty: 3_001,
      at: t.at(),
    });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'INSUFFICIENT_BALANCE' } });
    t.ex.place({
      account: bob,
      symbol: SYMBOL,
      side: 'sell',
      type: 'market',
      tif: 'IOC',
      qty: 3_000,
      at: t.at(),
    });
    expect(t.fills().map((f) => f.kind === 'fill' && [f.ticks, f.lots])).toEqual([
      [10_000, 1_000],
      [9_990, 2_000],
    ]);
    // 1000 + 1998 USD, less 0.2%.
    expect(t.balance(bob, 'USD').free).toBe(2_998_000_000 - 2_000_000 - 3_996_000);
  });

  it('FOK trades everything or nothing; a market order on an empty side is NO_LIQUIDITY', () => {
    const t = setup();
    const alice = t.account('100000');
    const fok = t.ex.place({
      account: alice,
      symbol: SYMBOL,
      side: 'buy',
      type: 'market',
      tif: 'FOK',
      qty: 10_001,
      at: t.at(),
    });
    expect(fok).toMatchObject({ ok: false, error: { code: 'FOK_NOT_FILLABLE' } });
    expect(t.events).toEqual([]);
    t.book.delta(
      [],
      ASKS.map(([p]) => [p, 0] as const),
    );
    t.feed();
    const none = t.ex.place({
      account: alice,
      symbol: SYMBOL,
      side: 'buy',
      type: 'market',
      tif: 'IOC',
      qty: 1,
      at: t.at(),
    });
    expect(none).toMatchObject({ ok: false, error: { code: 'NO_LIQUIDITY', reason: 'no_liquidity' } });
  });

  it('a market buy stops when free quote runs out (remainder canceled for funds)', () => {
    const t = setup();
    const alice = t.account('3000');
    t.ex.place({
      account: alice,
      symbol: SYMBOL,
      side: 'buy',
      type: 'market',
      tif: 'IOC',
      qty: 5_000,
      at: t.at(),
    });
    const fills = t.fills().map((f) => f.kind === 'fill' && [f.ticks, f.lots]);
    // 2 BTC at 1001 cost 2006.004, leaving 993.996; at 1002 each lot costs 1.004004 with the fee,
    // so 0.990 BTC fit (993.96396) and 0.991 would not (994.967964).
    expect(fills).toEqual([
      [10_010, 2_000],
      [10_020, 990],
    ]);
    expect(t.events.at(-1)).toMatchObject({ kind: 'canceled', reason: 'funds', canceledLots: 2_010 });
    expect(t.balance(alice, 'USD').free).toBeGreaterThanOrEqual(0);
    expect(t.ex.accounts.conservationErrors()).toEqual([]);
  });

  it('post-only refuses to cross; a stale book accepts nothing and says why', () => {
    const t = setup();
    const alice = t.account('100000');
    const post = t.ex.place({
      account: alice,
      symbol: SYMBOL,
      side: 'buy',
      type: 'limit',
      tif: 'POST_ONLY',
      price: 10_010,
      qty: 1,
      at: t.at(),
    });
    expect(post).toMatchObject({ ok: false, error: { code: 'POST_ONLY_WOULD_TAKE' } });
    t.feed('stale');
    const stale = t.ex.place({
      account: alice,
      symbol: SYMBOL,
      side: 'buy',
      type: 'market',
      tif: 'IOC',
      qty: 1,
      at: t.at(),
    });
    expect(stale).toMatchObject({ ok: false, error: { code: 'BOOK_NOT_LIVE', reason: 'book_stale' } });
    t.feed('invalid');
    const invalid = t.ex.place({
      account: alice,
      symbol: SYMBOL,
      side: 'buy',
      type: 'limit',
      tif: 'GTC',
      price: 9_000,
      qty: 1,
      at: t.at(),
    });
    expect(invalid).toMatchObject({ ok: false, error: { code: 'BOOK_NOT_LIVE', reason: 'book_invalid' } });
    expect(t.events).toEqual([]);
  });
});

describe('the same visible liquidity does not fill twice', () => {
  function takeAll(t: ReturnType<typeof setup>, account: number, qty: number) {
    const before = t.fills().length;
    t.ex.place({
      account,
      symbol: SYMBOL,
      side: 'buy',
      type: 'limit',
      tif: 'IOC',
      price: 10_010,
      qty,
      at: t.at(),
    });
    return t
      .fills()
      .slice(before)
      .reduce((n, f) => n + (f.kind === 'fill' ? f.lots : 0), 0);
  }

  it('a second taker gets only what the first left, across accounts', () => {
    const t = setup();
    const [a, b] = [t.account(), t.account()];
    expect(takeAll(t, a, 1_500)).toBe(1_500);
    expect(takeAll(t, b, 2_000)).toBe(500);
    const third = t.ex.place({
      account: b,
      symbol: SYMBOL,
      side: 'buy',
      type: 'limit',
      tif: 'FOK',
      price: 10_010,
      qty: 1,
      at: t.at(),
    });
    expect(third).toMatchObject({
      ok: false,
      error: { code: 'FOK_NOT_FILLABLE', reason: 'liquidity_consumed' },
    });
    // Unrelated book updates do not refresh the level.
    t.book.delta([[9_980, 1_000]], [[10_060, 1_000]]);
    t.feed();
    expect(takeAll(t, b, 2_000)).toBe(0);
    expect(t.ex.instrument(SYMBOL)!.market.plan('buy', 10_010, 10).shortfall).toBe('liquidity_consumed');
  });

  it('a decrease keeps the memory: available = visible - consumed', () => {
    const t = setup();
    const a = t.account();
    expect(takeAll(t, a, 1_200)).toBe(1_200); // 800 left in the paper world
    t.book.delta([], [[10_010, 1_500]]); // 500 traded or canceled at the venue
    t.feed();
    expect(takeAll(t, a, 1_000)).toBe(300);
  });

  it('an increase is offered, but what was taken stays taken', () => {
    const t = setup();
    const a = t.account();
    expect(takeAll(t, a, 2_000)).toBe(2_000);
    t.book.delta([], [[10_010, 2_700]]); // 700 joined behind
    t.feed();
    expect(takeAll(t, a, 5_000)).toBe(700);
    expect(takeAll(t, a, 5_000)).toBe(0);
  });

  it('a decrease below what was taken caps the memory at the visible size', () => {
    const t = setup();
    const a = t.account();
    expect(takeAll(t, a, 1_200)).toBe(1_200);
    t.book.delta([], [[10_010, 500]]); // prints/cancels: at most 500 of the taken lots still shown
    t.feed();
    expect(takeAll(t, a, 1)).toBe(0);
    t.book.delta([], [[10_010, 800]]); // 300 joined
    t.feed();
    expect(takeAll(t, a, 5_000)).toBe(300);
  });

  it('a level that disappears and comes back is fresh liquidity', () => {
    const t = setup();
    const a = t.account();
    takeAll(t, a, 2_000);
    t.book.delta([], [[10_010, 0]]);
    t.feed();
    t.book.delta([], [[10_010, 900]]);
    t.feed();
    expect(takeAll(t, a, 5_000)).toBe(900);
  });

  it('a resync drops the memory', () => {
    const t = setup();
    const a = t.account();
    takeAll(t, a, 2_000);
    t.feed('resyncing');
    t.feed('live');
    expect(takeAll(t, a, 5_000)).toBe(2_000);
  });

  it('the memory expires after consumedTtlMs or consumedTtlUpdates', () => {
    const byTime = setup({ consumedTtlMs: 500 });
    const a = byTime.account();
    takeAll(byTime, a, 2_000);
    byTime.feed(); // 10 ms later: still remembered
    expect(takeAll(byTime, a, 1)).toBe(0);
    byTime.advance(500);
    byTime.feed();
    expect(takeAll(byTime, a, 5_000)).toBe(2_000);

    const byCount = setup({ consumedTtlUpdates: 3 });
    const b = byCount.account();
    takeAll(byCount, b, 2_000);
    byCount.feed();
    byCount.feed();
    expect(takeAll(byCount, b, 1)).toBe(0);
    byCount.feed();
    expect(takeAll(byCount, b, 5_000)).toBe(2_000);
  });
});

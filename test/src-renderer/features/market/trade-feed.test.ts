import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TradeView } from '../../../../src-shared/contract';
import type { DecimalString } from '../../../../src-shared/domain';
import type { StreamState } from '../../../../src-renderer/ipc/client';
import { TradeFeed } from '../../../../src-renderer/features/market/trade-feed';
import { manualFrames, manualTimers } from '../../manual-scheduling';

type State = StreamState<{ trades: TradeView[] }>;

const trade = (n: number): TradeView => ({
  id: `t${n}`,
  price: `${100 + (n % 7)}` as DecimalString,
  size: '1' as DecimalString,
  side: n % 2 ? 'buy' : 'sell',
  time: 1_000_000 + n * 250,
});

/** What the contract client hands over: the newest 100 prints, newest first. */
const window100 = (upTo: number) =>
  Array.from({ length: Math.min(100, upTo) }, (_, i) => trade(upTo - 1 - i));

function feedWithSource(keep = 1000) {
  let listener: ((s: State) => void) | null = null;
  const frames = manualFrames();
  const feed = new TradeFeed(
    { venue: 'binance' as never, symbol: 'BTCUSDT' },
    (_params, l) => {
      listener = l;
      return () => (listener = null);
    },
    frames.scheduler,
    manualTimers().api,
    1000,
    () => {},
    keep,
  );
  const push = (trades: TradeView[]) =>
    listener?.({ data: { trades }, status: 'live', error: undefined, resyncs: 0 });
  return { feed, push, frames };
}

describe('TradeFeed', () => {
  it('folds every print exactly once from overlapping 100-print windows, newest first', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 40 }), (bursts) => {
        const { feed, push, frames } = feedWithSource();
        feed.subscribe(() => {});
        let total = 0;
        for (const n of bursts) {
          total += n;
          push(window100(total));
          if (total % 3 === 0) frames.frame();
        }
        frames.frame();
        const shown = feed.getSnapshot().trades;
        const expected = Math.min(1000, total);
        // A burst larger than the window loses prints (the contract keeps 100): only count those seen.
        expect(shown.length).toBeLessThanOrEqual(expected);
        expect(new Set(shown.map((t) => t.id)).size).toBe(shown.length);
        for (let i = 1; i < shown.length; i++) expect(shown[i - 1]!.time).toBeGreaterThan(shown[i]!.time);
        expect(shown[0]!.id).toBe(`t${total - 1}`);
      }),
    );
  });

  it('tells readers at most once per frame', () => {
    const { feed, push, frames } = feedWithSource();
    let notified = 0;
    feed.subscribe(() => notified++);
    push(window100(10)); // status change: shown at once
    expect(notified).toBe(1);
    push(window100(20));
    push(window100(30));
    expect(notified).toBe(1);
    frames.frame();
    expect(notified).toBe(2);
    expect(feed.getSnapshot().trades).toHaveLength(30);
    push(window100(34));
    frames.frame();
    expect(feed.getSnapshot().trades).toHaveLength(34);
  });

  it('keeps a bounded history', () => {
    const { feed, push, frames } = feedWithSource(50);
    feed.subscribe(() => {});
    for (let n = 10; n <= 300; n += 10) push(window100(n));
    frames.frame();
    expect(feed.getSnapshot().trades).toHaveLength(50);
    expect(feed.fold(window100(300))).toBe(50); // dropped ids are forgotten, so bounded memory
  });
});

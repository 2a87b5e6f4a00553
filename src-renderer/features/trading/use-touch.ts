/**
 * The touch of an instrument (best bid, best ask, last trade, whether the book is live), read at
 * the moment it is needed (a hotkey, a fat-finger check) rather than rendered: the hook keeps a
 * depth-1 book subscription and the trade feed open and hands back a reader, so the component
 * holding it does not re-render with every book update.
 */
import { useCallback, useEffect } from 'react';
import type { BookView, TradeView } from '../../../src-shared/contract';
import type { VenueId } from '../../../src-shared/domain';
import { useMarketStores } from '../market/market-hooks';
import type { Touch } from './fat-finger';

export interface TouchInfo extends Touch {
  readonly live: boolean;
}

export const NO_TOUCH: TouchInfo = { bestBid: null, bestAsk: null, last: null, live: false };

export function touchFrom(book: BookView | undefined, last: TradeView | undefined): TouchInfo {
  return {
    bestBid: book?.bids[0]?.price ?? null,
    bestAsk: book?.asks[0]?.price ?? null,
    last: last?.price ?? null,
    live: book?.status === 'live',
  };
}

const keepOpen = () => {};

export function useTouchReader(venue: string | null, symbol: string | null): () => TouchInfo {
  const stores = useMarketStores();
  const entry =
    venue && symbol
      ? stores.streams.entry('market.book', { venue: venue as VenueId, symbol, depth: 1 })
      : null;
  const feed = venue && symbol ? stores.tradeFeed(venue as VenueId, symbol) : null;
  useEffect(() => entry?.subscribe(keepOpen), [entry]);
  useEffect(() => feed?.subscribe(keepOpen), [feed]);
  return useCallback(
    () => (entry && feed ? touchFrom(entry.getSnapshot().data, feed.getSnapshot().trades[0]) : NO_TOUCH),
    [entry, feed],
  );
}

/**
 * React access to the shared market stores of a contract client: frame-coalesced streams, trade
 * feeds (tape, last trade), candles and the instrument catalog. One set of stores per client, so
 * every panel following the same instrument shares one subscription per distinct stream.
 */
import { useMemo, useSyncExternalStore } from 'react';
import {
  CANDLE_INTERVALS,
  type StreamName,
  type StreamParams,
  type StreamSnapshot,
  type VenueInfo,
} from '../../../src-shared/contract';
import type { AppError } from '../../../src-shared/result';
import type { VenueId } from '../../../src-shared/domain';
import type { ContractClient, StreamState } from '../../ipc/client';
import { animationFrameScheduler } from '../../ipc/frame-coalescer';
import { useClient } from '../../ipc/hooks';
import { browserTimers } from '../../ipc/shared-source';
import { INITIAL_STREAM_STATE, StreamStore } from '../../ipc/stream-store';
import { fillGaps, fromCandleViews, type Candle } from '../chart/candles';
import { InstrumentCatalog, type CatalogEntry } from './instrument-catalog';
import { VenueDirectory } from './venue-directory';
import { TradeFeed, type TradeFeedSnapshot } from './trade-feed';

const LINGER_MS = 1500;
/** How often charts redraw at most. */
export const CHART_INTERVAL_MS = 250;

type CandleInterval = StreamParams<'market.candles'>['intervalSec'];

export interface MarketStores {
  readonly streams: StreamStore;
  readonly instruments: InstrumentCatalog;
  readonly venues: VenueDirectory;
  tradeFeed(venue: VenueId, symbol: string): TradeFeed;
}

const storesByClient = new WeakMap<ContractClient, MarketStores>();

export function marketStores(client: ContractClient): MarketStores {
  let stores = storesByClient.get(client);
  if (stores) return stores;
  const feeds = new Map<string, TradeFeed>();
  stores = {
    streams: new StreamStore(client, animationFrameScheduler, browserTimers, LINGER_MS),
    instruments: new InstrumentCatalog((venue) => client.call('market.instruments', { venue })),
    venues: new VenueDirectory(() => client.call('venues.list', {})),
    tradeFeed(venue, symbol) {
      const key = `${venue}|${symbol}`;
      let feed = feeds.get(key);
      if (!feed) {
        feed = new TradeFeed(
          { venue, symbol },
          (params, listener) => client.subscribe('market.trades', params, listener),
          animationFrameScheduler,
          browserTimers,
          LINGER_MS,
          () => feeds.delete(key),
        );
        feeds.set(key, feed);
      }
      return feed;
    },
  };
  storesByClient.set(client, stores);
  return stores;
}

export function useMarketStores(): MarketStores {
  return marketStores(useClient());
}

const noSubscribe = () => () => {};
const initial = () => INITIAL_STREAM_STATE;

/**
 * A stream's newest state, committed at most once per frame (or once per `minIntervalMs` for
 * readers that need less, such as charts); `null` params subscribe to nothing.
 */
export function useFrameStream<N extends StreamName>(
  name: N,
  params: StreamParams<N> | null,
  minIntervalMs = 0,
): StreamState<StreamSnapshot<N>> {
  const { streams } = useMarketStores();
  const entry = params ? streams.entry(name, params) : null;
  const source = entry && minIntervalMs > 0 ? entry.throttled(minIntervalMs) : entry;
  return useSyncExternalStore(source?.subscribe ?? noSubscribe, source?.getSnapshot ?? initial);
}

const EMPTY_FEED: TradeFeedSnapshot = { trades: [], status: 'connecting', error: undefined, version: 0 };
const emptyFeed = () => EMPTY_FEED;

export function useTradeFeed(
  venue: VenueId | null,
  symbol: string | null,
  minIntervalMs = 0,
): TradeFeedSnapshot {
  const stores = useMarketStores();
  const feed = venue && symbol ? stores.tradeFeed(venue, symbol) : null;
  const source = feed && minIntervalMs > 0 ? feed.throttled(minIntervalMs) : feed;
  return useSyncExternalStore(source?.subscribe ?? noSubscribe, source?.getSnapshot ?? emptyFeed);
}

export interface CandlesView {
  readonly candles: readonly Candle[];
  readonly status: StreamState<unknown>['status'];
  readonly error: AppError | undefined;
}

/**
 * Candles of an instrument for a time frame, from main's `market.candles` stream (built from every
 * print main saw, so they do not depend on how long this window was open), redrawn at most
 * 4 times a second; quiet intervals are filled flat up to the newest candle or print.
 */
export function useCandles(venue: VenueId | null, symbol: string | null, interval: number): CandlesView {
  const intervalSec = interval / 1000;
  const valid = (CANDLE_INTERVALS as readonly number[]).includes(intervalSec);
  const stream = useFrameStream(
    'market.candles',
    venue && symbol && valid ? { venue, symbol, intervalSec: intervalSec as CandleInterval } : null,
    CHART_INTERVAL_MS,
  );
  const last = useTradeFeed(venue, symbol, CHART_INTERVAL_MS).trades[0]?.time;
  const views = stream.data?.candles;
  const candles = useMemo(
    () => fillGaps(fromCandleViews(views ?? []), interval, last),
    [views, interval, last],
  );
  return { candles, status: stream.status, error: stream.error };
}

export function useInstruments(venue: VenueId | null): CatalogEntry | null {
  const { instruments } = useMarketStores();
  const entry = useSyncExternalStore(instruments.subscribe, () => (venue ? instruments.get(venue) : null));
  return entry;
}

/** Every venue main knows (fetched once), or undefined while loading or after an error. */
export function useVenues(): readonly VenueInfo[] | undefined {
  const { venues } = useMarketStores();
  return useSyncExternalStore(venues.subscribe, venues.get);
}

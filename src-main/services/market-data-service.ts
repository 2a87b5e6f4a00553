/**
 * Market data use cases over the venue connectors: instruments, watches (explicit ones from
 * market.watch and settings, implicit ones held by open book/trade streams, reference counted),
 * coalesced book views, trade prints and feed health. Main keeps books at full rate in the
 * connectors; each renderer stream gets at most one book view per `bookIntervalMs` (plus a
 * heartbeat so ages and staleness stay current), never a queue.
 */
import type { InstrumentInfo, TradeView, VenueHealth } from '../../src-shared/contract';
import type { VenueId } from '../../src-shared/domain';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { Clock, Disposer, Logger, Timers } from '../core/ports';
import type { RequestHandler, StreamOpener } from '../rpc/handlers';
import type { VenueDescriptor } from '../venues/catalog';
import type { Trade, VenueConnector } from '../venues/kit';
import type { MarketDataPort } from '../gateway/market-data-port';
import { bookStreamOpener } from './market/book-stream';
import { CandleBook } from './market/candle-book';
import { candleStreamOpener } from './market/candle-stream';
import { Coalescer } from './market/coalescer';
import { StreamWatch } from './market/stream-deps';
import { createL2Port, TradeFanout } from './market/l2-port';

export interface MarketDataDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  readonly catalog: readonly VenueDescriptor[];
  readonly connectors: ReadonlyMap<string, VenueConnector>;
  /** Minimum spacing of book views per stream (100 ms = at most 10 per second). */
  readonly bookIntervalMs?: number;
  readonly heartbeatMs?: number;
  readonly healthIntervalMs?: number;
  /** Polling period of REST-only books (venues without a full-depth stream). */
  readonly restPollMs?: number;
  /** First retry delay for configured symbols whose venue was unreachable. */
  readonly configuredRetryMs?: number;
}

const TRADES_KEPT = 100;

export function createMarketDataService(deps: MarketDataDeps) {
  const bookInterval = deps.bookIntervalMs ?? 100;
  const heartbeat = deps.heartbeatMs ?? 1000;
  const watchCounts = new Map<string, number>();
  const recentTrades = new Map<string, TradeView[]>();
  const tradeListeners = new Map<string, Set<(trades: TradeView[]) => void>>();
  const fanout = new TradeFanout();
  const candles = new CandleBook();
  const disposers: Disposer[] = [];
  const key = (venue: string, symbol: string) => `${venue}|${symbol}`;
  let stopped = false;
  // Venues added later (replays) join this map; everything below reads it, not deps.connectors.
  const connectors = new Map(deps.connectors);

  const followTrades = (connector: VenueConnector): Disposer =>
    connector.onTrades((trades: readonly Trade[]) => {
      candles.add(trades);
      const bySymbol = new Map<string, TradeView[]>();
      for (const t of trades) {
        const view = { id: t.id, price: t.price, size: t.size, side: t.side, time: t.time };
        bySymbol.set(t.symbol, [...(bySymbol.get(t.symbol) ?? []), view]);
      }
      for (const [symbol, views] of bySymbol) {
        const k = key(connector.venue, symbol);
        const kept = [...views.toReversed(), ...(recentTrades.get(k) ?? [])].slice(0, TRADES_KEPT);
        recentTrades.set(k, kept);
        for (const listener of tradeListeners.get(k) ?? []) listener(views);
        fanout.publish(connector.venue, symbol, trades);
      }
    });
  for (const connector of connectors.values()) disposers.push(followTrades(connector));

  const connectorFor = (venue: string): Result<VenueConnector> => {
    const connector = connectors.get(venue);
    if (connector) return ok(connector);
    const known = deps.catalog.some((v) => v.id === venue);
    return err(
      known
        ? appError('UNAVAILABLE', `venue ${venue} is not enabled (set venues.${venue}.enabled in settings)`)
        : appError('NOT_FOUND', `no venue ${venue}`),
    );
  };

  async function acquire(connector: VenueConnector, symbol: string): Promise<Result<string>> {
    const watched = await connector.watch(symbol);
    if (!watched.ok) return watched;
    const k = key(connector.venue, watched.value.symbol);
    watchCounts.set(k, (watchCounts.get(k) ?? 0) + 1);
    return ok(watched.value.symbol);
  }

  function release(connector: VenueConnector, symbol: string): void {
    const k = key(connector.venue, symbol);
    const count = (watchCounts.get(k) ?? 0) - 1;
    if (count > 0) watchCounts.set(k, count);
    else {
      watchCounts.delete(k);
      connector.unwatch(symbol);
    }
  }

  const instruments: RequestHandler<'market.instruments'> = async ({ venue }) => {
    const connector = connectorFor(venue);
    if (!connector.ok) return connector;
    const list = await connector.value.instruments();
    if (!list.ok) return list;
    return ok(
      list.value.map((i): InstrumentInfo => ({
        symbol: i.symbol,
        base: i.base,
        quote: i.quote,
        tickSize: i.tickSize,
        lotSize: i.lotSize,
      })),
    );
  };

  const explicitWatches = new Set<string>();
  const watch: RequestHandler<'market.watch'> = async ({ venue, symbol }) => {
    const connector = connectorFor(venue);
    if (!connector.ok) return connector;
    const existing = [...explicitWatches].find((k) => k.toUpperCase() === key(venue, symbol).toUpperCase());
    if (existing) return ok({ venue, symbol: existing.split('|')[1]! });
    const acquired = await acquire(connector.value, symbol);
    if (!acquired.ok) return acquired;
    explicitWatches.add(key(venue, acquired.value));
    deps.log.info('watching', { venue, symbol: acquired.value });
    return ok({ venue, symbol: acquired.value });
  };

  const unwatch: RequestHandler<'market.unwatch'> = ({ venue, symbol }) => {
    const connector = connectorFor(venue);
    if (!connector.ok) return connector;
    const existing = [...explicitWatches].find((k) => k.toUpperCase() === key(venue, symbol).toUpperCase());
    if (!existing) return err(appError('NOT_FOUND', `${venue} ${symbol} is not watched`));
    explicitWatches.delete(existing);
    const venueSymbol = existing.split('|')[1]!;
    release(connector.value, venueSymbol);
    return ok({ venue, symbol: venueSymbol });
  };

  const trades: StreamOpener<'market.trades'> = (params, emit) => {
    const opened = StreamWatch.of({ connectorFor, acquire, release }, params.venue, params.symbol);
    if (!opened.ok) return opened;
    const watch = opened.value;
    const venue = watch.connector.venue;
    // Prints are batched like book views: at most one delta per interval, holding at most the
    // newest TRADES_KEPT prints (older ones in a burst are already out of the client's window).
    let pending: TradeView[] = [];
    const coalescer = new Coalescer(deps.clock, deps.timers, bookInterval, () => {
      if (pending.length === 0) return;
      const batch = pending;
      pending = [];
      emit({ trades: batch });
    });
    const listener = (views: TradeView[]) => {
      pending = [...pending, ...views].slice(-TRADES_KEPT);
      coalescer.poke();
    };
    watch.start((symbol) => {
      const k = key(venue, symbol);
      const set = tradeListeners.get(k) ?? new Set();
      set.add(listener);
      tradeListeners.set(k, set);
    });
    return ok({
      snapshot: () => ({ trades: recentTrades.get(key(venue, watch.symbol)) ?? [] }),
      dispose: () => {
        coalescer.dispose();
        tradeListeners.get(key(venue, watch.symbol))?.delete(listener);
        watch.close();
      },
    });
  };

  const book = bookStreamOpener({
    clock: deps.clock,
    timers: deps.timers,
    intervalMs: bookInterval,
    heartbeatMs: heartbeat,
    restPollMs: deps.restPollMs ?? 1000,
    connectorFor,
    acquire,
    release,
  });

  const candleStream = candleStreamOpener({
    clock: deps.clock,
    timers: deps.timers,
    intervalMs: bookInterval,
    candles,
    connectorFor,
    acquire,
    release,
  });

  const marketDataPort: MarketDataPort = createL2Port({
    connectors,
    clock: deps.clock,
    timers: deps.timers,
    acquire,
    release,
    onTrades: (venue, symbol, listener) => fanout.add(venue, symbol, listener),
  });

  /** One pending retry per configured symbol whose venue was unreachable. */
  const retries = new Map<string, Disposer>();

  const healthState = () => ({
    at: deps.clock.now(),
    venues: deps.catalog
      // Live venues always (disabled ones say so); the simulated venue when it runs here.
      .filter((v) => v.kind === 'live' || connectors.has(v.id))
      .map(
        (v): VenueHealth =>
          connectors.get(v.id)?.health() ?? {
            venue: v.id as VenueId,
            state: 'disabled',
            connectedSince: null,
            uptimeMs: 0,
            reconnects: 0,
            books: [],
          },
      ),
  });

  const health: StreamOpener<'market.health'> = (_params, emit) => {
    const stop = deps.timers.every(deps.healthIntervalMs ?? 500, () => emit(healthState()));
    return ok({ snapshot: healthState, dispose: stop });
  };

  return {
    requests: { 'market.instruments': instruments, 'market.watch': watch, 'market.unwatch': unwatch },
    streams: {
      'market.book': book,
      'market.trades': trades,
      'market.health': health,
      'market.candles': candleStream,
    },
    /** The agents gateway's view of market data (l2Book / trades of any venue). */
    marketDataPort,
    /** Watches the symbols named in settings (venues.<id>.symbols) for enabled venues. */
    /**
     * Watches the symbols settings name. A venue that is unreachable at start-up (a retryable
     * error, e.g. its metadata request failed) is retried with backoff until it answers; an
     * unknown symbol is reported once and left alone.
     */
    async watchConfigured(symbols: ReadonlyMap<string, readonly string[]>): Promise<void> {
      const attempt = async (venue: string, symbol: string, delayMs: number): Promise<void> => {
        if (stopped) return;
        const result = await watch(
          { venue: venue as VenueId, symbol },
          { transport: 'test', principal: 'user' },
        );
        if (result.ok || stopped) return;
        const retry = result.error.retryable;
        // Offline, this repeats until the venue answers: warn on a symbol's first failure only,
        // later ones are debug (the health stream shows the venue down with its next retry).
        const first = delayMs === (deps.configuredRetryMs ?? 2000);
        if (first || !retry) {
          deps.log.warn('configured symbol not watched', {
            venue,
            symbol,
            error: result.error.message,
            retry,
          });
        } else
          deps.log.debug('configured symbol still not watched', {
            venue,
            symbol,
            error: result.error.message,
          });
        if (!retry) return;
        const next = Math.min(delayMs * 2, 60_000);
        // One pending retry per symbol (a long offline spell must not pile up disposers).
        const key = `${venue}\u0000${symbol}`;
        retries.get(key)?.();
        retries.set(
          key,
          deps.timers.after(delayMs, () => {
            retries.delete(key);
            void attempt(venue, symbol, next);
          }),
        );
      };
      for (const [venue, list] of symbols) {
        for (const symbol of list) await attempt(venue, symbol, deps.configuredRetryMs ?? 2000);
      }
    },
    /** Adds a venue at run time (a replay); the disposer removes it again (without stopping it). */
    addConnector(connector: VenueConnector): Disposer {
      connectors.set(connector.venue, connector);
      const unfollow = followTrades(connector);
      return () => {
        unfollow();
        if (connectors.get(connector.venue) === connector) connectors.delete(connector.venue);
      };
    },
    stop(): void {
      stopped = true;
      for (const stop of disposers) stop();
      for (const stop of retries.values()) stop();
      for (const connector of connectors.values()) connector.stop();
    },
  } as const;
}

/**
 * The gateway's MarketDataPort over the market-data service's connectors: Hyperliquid-shaped
 * `l2Book` levels for any venue (the simulated one and live ones), grouped by significant figures
 * with the book core's grouping (bids down, asks up), with where they came from (simulated,
 * websocket, rest) and whether they can be trusted (a resyncing or invalid book is sent as
 * `resyncing` with no levels; a stale one keeps its last levels). Books are coalesced per
 * subscription (newest wins, at most one per `intervalMs`, plus a heartbeat); trades are passed
 * on as they arrive. Subscriptions hold a watch on the symbol until disposed.
 */
import { err, ok, type Result } from '../../../src-shared/result';
import { groupLevels, type LevelInput } from '../../core/book';
import type { Clock, Disposer, Timers } from '../../core/ports';
import type {
  BookStatus,
  L2BookRequest,
  L2BookUpdate,
  MarketDataError,
  MarketDataPort,
  MarketDataSubscription,
  MarketTrade,
} from '../../gateway/market-data-port';
import type { BookLevel as PortLevel } from '../../gateway/venue-port';
import type { Grid } from '../../core/num';
import type { DepthSnapshot, Instrument, Trade, VenueConnector } from '../../venues/kit';
import { Coalescer } from './coalescer';

export interface L2PortDeps {
  readonly connectors: ReadonlyMap<string, VenueConnector>;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly intervalMs?: number;
  /** Reference-counted watches shared with the service's own streams. */
  acquire(connector: VenueConnector, symbol: string): Promise<Result<string>>;
  release(connector: VenueConnector, symbol: string): void;
  /** Registers for a watched symbol's prints; returns the disposer. */
  onTrades(venue: string, symbol: string, listener: (trades: readonly Trade[]) => void): Disposer;
}

export function createL2Port(deps: L2PortDeps): MarketDataPort {
  const interval = deps.intervalMs ?? 100;

  function open(
    venue: string,
    symbol: string,
    run: (connector: VenueConnector, instrument: Instrument) => Disposer,
  ): Result<MarketDataSubscription, MarketDataError> {
    const connector = deps.connectors.get(venue);
    if (!connector)
      return err({
        code: 'UNKNOWN_VENUE',
        message: `no market data for venue ${venue} (enable it in settings)`,
      });
    // Venues that know their whole instrument list up front (the simulated one) refuse unknown symbols now.
    const known = (connector as { hasSymbol?: (s: string) => boolean }).hasSymbol?.(symbol);
    if (known === false)
      return err({ code: 'UNKNOWN_SYMBOL', message: `${venue} has no instrument ${symbol}` });
    let closed = false;
    let stop: Disposer | null = null;
    let acquired: string | null = null;
    void connector.watch(symbol).then(async (watched) => {
      if (closed || !watched.ok) return;
      const held = await deps.acquire(connector, watched.value.symbol);
      if (!held.ok) return;
      if (closed) return deps.release(connector, held.value);
      acquired = held.value;
      stop = run(connector, watched.value);
    });
    return ok({
      dispose: () => {
        if (closed) return;
        closed = true;
        stop?.();
        if (acquired !== null) deps.release(connector, acquired);
      },
    });
  }

  return {
    venues: () => [...deps.connectors.keys()],

    subscribeL2Book(request: L2BookRequest, onBook: (book: L2BookUpdate) => void) {
      return open(request.venue, request.symbol, (connector, instrument) => {
        let rest: DepthSnapshot | null = null;
        let restFailed = false;
        const restOnly = !connector.capabilities.fullDepthStream;
        const send = () =>
          onBook(bookUpdate(connector, instrument, request, rest, restFailed, deps.clock.now()));
        const coalescer = new Coalescer(deps.clock, deps.timers, interval, send);
        const stops: Disposer[] = [
          connector.onBookChange((s) => {
            if (s === instrument.symbol) coalescer.poke();
          }),
          deps.timers.every(1000, () => coalescer.poke()),
          () => coalescer.dispose(),
        ];
        if (restOnly) {
          let disposed = false;
          const poll = async () => {
            const depth = await connector.depth(instrument.symbol, request.depth);
            if (disposed) return;
            restFailed = !depth.ok;
            if (depth.ok) rest = depth.value;
            coalescer.poke();
          };
          void poll();
          stops.push(
            deps.timers.every(1000, () => void poll()),
            () => (disposed = true),
          );
        }
        coalescer.poke();
        return () => stops.forEach((s) => s());
      });
    },

    subscribeTrades(request, onTrades: (trades: readonly MarketTrade[]) => void) {
      return open(request.venue, request.symbol, (connector, instrument) =>
        deps.onTrades(connector.venue, instrument.symbol, (trades) =>
          onTrades(
            trades.map((t) => ({
              venue: t.venue,
              symbol: t.symbol,
              side: t.side === 'buy' ? 'B' : 'A',
              px: t.price,
              sz: t.size,
              time: t.time,
              tid: t.id,
            })),
          ),
        ),
      );
    },
  };
}

function bookUpdate(
  connector: VenueConnector,
  instrument: Instrument,
  request: L2BookRequest,
  rest: DepthSnapshot | null,
  restFailed: boolean,
  now: number,
): L2BookUpdate {
  const base = { venue: connector.venue, symbol: instrument.symbol };
  if (!connector.capabilities.fullDepthStream) {
    const status: BookStatus = rest === null ? 'resyncing' : restFailed ? 'stale' : 'live';
    const fromRest = (levels: DepthSnapshot['bids'], side: 'bid' | 'ask') =>
      levelsOf(
        side,
        levels.map((l) => parsed(instrument.grid, l.price, l.size, l.count)).filter((l) => l !== null),
        instrument.grid,
        request,
      );
    return {
      ...base,
      time: rest?.venueTime ?? rest?.at ?? now,
      levels: rest ? [fromRest(rest.bids, 'bid'), fromRest(rest.asks, 'ask')] : [[], []],
      source: 'rest',
      status,
    };
  }
  const state = connector.bookState(instrument.symbol);
  const reader = state?.reader ?? null;
  const status: BookStatus =
    state?.status === 'live' ? 'live' : state?.status === 'stale' ? 'stale' : 'resyncing';
  const source = connector.venue === 'sim' ? 'simulated' : 'websocket';
  if (reader === null || status === 'resyncing')
    return { ...base, time: now, levels: [[], []], source, status };
  const side = (s: 'bid' | 'ask') => {
    const levels = s === 'bid' ? reader.bids : reader.asks;
    // Full precision needs only the top; grouping reads lazily as far as its buckets need.
    return levelsOf(
      s,
      request.nSigFigs === null ? levels.top(request.depth) : levels.bestFirst(),
      instrument.grid,
      request,
    );
  };
  return {
    ...base,
    time: reader.venueTime ?? reader.updatedAt ?? now,
    levels: [side('bid'), side('ask')],
    source,
    status,
  };
}

function levelsOf(
  side: 'bid' | 'ask',
  levels: Iterable<LevelInput>,
  grid: Grid,
  request: L2BookRequest,
): PortLevel[] {
  if (request.nSigFigs === null) {
    return [...levels]
      .slice(0, request.depth)
      .map((l) => ({ px: grid.ticksToPrice(l.ticks), sz: grid.lotsToSize(l.lots), n: l.count ?? 0 }));
  }
  const nSigFigs = Math.min(5, Math.max(2, request.nSigFigs)) as 2 | 3 | 4 | 5;
  return groupLevels(side, levels, grid, { kind: 'sigfigs', nSigFigs }, request.depth).map((l) => ({
    px: l.price,
    sz: l.size,
    n: l.count ?? 0,
  }));
}

function parsed(grid: Grid, price: string, size: string, count: number | undefined): LevelInput | null {
  const ticks = grid.priceToTicks(price);
  const lots = grid.sizeToLots(size);
  return ticks.ok && lots.ok ? { ticks: ticks.value, lots: lots.value, count } : null;
}

/** Trade prints per (venue, symbol) for the port's subscribers; each gets only its symbol's prints. */
export class TradeFanout {
  private readonly listeners = new Map<string, Set<(trades: readonly Trade[]) => void>>();

  add(venue: string, symbol: string, listener: (trades: readonly Trade[]) => void): Disposer {
    const key = `${venue}|${symbol}`;
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  publish(venue: string, symbol: string, trades: readonly Trade[]): void {
    const set = this.listeners.get(`${venue}|${symbol}`);
    if (!set?.size) return;
    const own = trades.filter((t) => t.symbol === symbol);
    for (const listener of set) listener(own);
  }
}

/**
 * The simulated venue as the market-data service sees every venue: a VenueConnector whose books
 * are always live (read straight from the engine, source "stream", age 0), whose instruments are
 * the venue's, and whose trades are the venue's prints once durable. Prints replayed from the
 * journal at start-up are published too (they are history: candles and tapes come back after a
 * restart). Book changes are signalled per command; consumers coalesce.
 */
import type { BookHealth, VenueHealth } from '../../src-shared/contract';
import type { VenueId } from '../../src-shared/domain';
import { ok, type Result } from '../../src-shared/result';
import { appError, err } from '../../src-shared/result';
import type { Engine } from '../core/engine';
import type { BookLevel } from '../core/book';
import type { Clock, Disposer } from '../core/ports';
import type {
  Bbo,
  BookReader,
  BookState,
  DepthSnapshot,
  Instrument,
  Trade,
  VenueConnector,
} from '../venues/kit';
import { ConnectorListeners, levelView } from '../venues/kit';
import type { CommandPipeline } from './pipeline';
import type { DurableVenuePort } from './durable-port';
import type { SimVenue } from './venue';

const VENUE = 'sim' as VenueId;
const FULL = { fullDepthStream: true, bboStream: true, restDepth: true, trades: true };

export class SimConnector implements VenueConnector {
  readonly venue = VENUE;
  readonly name = 'Simulated venue';
  readonly capabilities = FULL;
  private readonly listeners = new ConnectorListeners();
  private readonly list: readonly Instrument[];
  private readonly bySymbol: Map<string, Instrument>;
  private readonly changedAt = new Map<string, number>();
  private readonly since: number;

  constructor(
    private readonly engine: Engine,
    private readonly venuePort: SimVenue,
    port: DurableVenuePort,
    pipeline: CommandPipeline,
    private readonly clock: Clock,
  ) {
    this.since = clock.now();
    this.list = venuePort.instruments().map((s) => ({
      venue: VENUE,
      symbol: s.symbol,
      base: s.base,
      quote: s.quote,
      tickSize: s.tickSize,
      lotSize: s.lotSize,
      grid: engine.instrument(s.symbol)!.grid,
    }));
    this.bySymbol = new Map(this.list.map((i) => [i.symbol.toUpperCase(), i]));
    pipeline.onReplay((outputs) => {
      if (outputs.trades.length > 0) this.publish(outputs.trades);
    });
    pipeline.onOutput((outputs) => {
      const now = this.clock.now();
      for (const symbol of outputs.books) {
        this.changedAt.set(symbol, now);
        this.listeners.emitBookChange(symbol);
      }
    });
    port.onEvent((event) => {
      if (event.kind !== 'trade') return;
      const t = event.trade;
      this.publish([
        {
          venue: VENUE,
          symbol: t.symbol,
          id: t.tradeId,
          price: t.price,
          size: t.quantity,
          side: t.aggressorSide,
          time: t.time,
        },
      ]);
    });
  }

  instruments(): Promise<Result<readonly Instrument[]>> {
    return Promise.resolve(ok(this.list));
  }

  watch(symbol: string): Promise<Result<Instrument>> {
    const found = this.bySymbol.get(symbol.toUpperCase());
    return Promise.resolve(
      found ? ok(found) : err(appError('NOT_FOUND', `no instrument ${symbol} on the simulated venue`)),
    );
  }

  unwatch(): void {}

  /** The whole instrument list is known up front, so unknown symbols can be refused at once. */
  hasSymbol(symbol: string): boolean {
    return this.bySymbol.has(symbol.toUpperCase());
  }

  watched(): readonly string[] {
    return this.list.map((i) => i.symbol);
  }

  book(symbol: string): BookReader | null {
    const instrument = this.bySymbol.get(symbol.toUpperCase());
    if (!instrument) return null;
    const updated = this.changedAt.get(instrument.symbol) ?? this.since;
    return {
      instrument,
      bids: this.side(instrument, 'buy'),
      asks: this.side(instrument, 'sell'),
      updatedAt: updated,
      venueTime: updated,
      messageAgeMs: 0,
    };
  }

  bookState(symbol: string): BookState | null {
    const reader = this.book(symbol);
    if (!reader) return null;
    const state = this.venuePort.state;
    return state.status === 'running'
      ? { status: 'live', reader }
      : { status: 'stale', reader, note: state.reason ?? 'the simulated venue is not running' };
  }

  depth(symbol: string, levels: number): Promise<Result<DepthSnapshot>> {
    const reader = this.book(symbol);
    if (!reader)
      return Promise.resolve(err(appError('NOT_FOUND', `no instrument ${symbol} on the simulated venue`)));
    return Promise.resolve(
      ok({
        source: 'stream',
        bids: reader.bids.top(levels).map(levelView),
        asks: reader.asks.top(levels).map(levelView),
        at: this.clock.now(),
        venueTime: reader.venueTime,
      }),
    );
  }

  bbo(symbol: string): Bbo | null {
    const reader = this.book(symbol);
    if (!reader) return null;
    const bid = reader.bids.best();
    const ask = reader.asks.best();
    return {
      bidPrice: (bid?.price ?? null) as Bbo['bidPrice'],
      bidSize: (bid?.size ?? null) as Bbo['bidSize'],
      askPrice: (ask?.price ?? null) as Bbo['askPrice'],
      askSize: (ask?.size ?? null) as Bbo['askSize'],
    };
  }

  onTrades(listener: (trades: readonly Trade[]) => void): Disposer {
    return this.listeners.onTrades(listener);
  }

  onBookChange(listener: (symbol: string) => void): Disposer {
    return this.listeners.onBookChange(listener);
  }

  health(): VenueHealth {
    const status = this.venuePort.state.status;
    const now = this.clock.now();
    const books: BookHealth[] = this.list.map((i) => ({
      symbol: i.symbol,
      status: status === 'running' ? 'live' : 'stale',
      source: 'stream',
      lastUpdateAt: this.changedAt.get(i.symbol) ?? null,
      messageAgeMs: 0,
      streamLatencyMs: 0,
      restLatencyMs: null,
      resyncs: { gap: 0, checksum: 0, crossed: 0, stale: 0, reconnect: 0, 'invalid-data': 0 },
      restFallbacks: 0,
      lastResync: null,
      audits: { runs: 0, matched: 0 },
    }));
    return {
      venue: VENUE,
      state: status === 'running' ? 'live' : status === 'starting' ? 'connecting' : 'down',
      connectedSince: this.since,
      uptimeMs: Math.max(0, now - this.since),
      reconnects: 0,
      books,
    };
  }

  stop(): void {
    this.listeners.clear();
  }

  private side(instrument: Instrument, side: 'buy' | 'sell') {
    const engine = this.engine;
    const symbol = instrument.symbol;
    const grid = instrument.grid;
    const level = (l: { price: number; qty: number; orders: number }): BookLevel => ({
      ticks: l.price,
      lots: l.qty,
      price: grid.ticksToPrice(l.price),
      size: grid.lotsToSize(l.qty),
      count: l.orders,
    });
    return {
      top: (n: number) => engine.depth(symbol, side, n).map(level),
      best: () => {
        const [first] = engine.depth(symbol, side, 1);
        return first ? level(first) : undefined;
      },
      get size() {
        return engine.depth(symbol, side, Number.MAX_SAFE_INTEGER).length;
      },
      *bestFirst() {
        for (const l of engine.depth(symbol, side, Number.MAX_SAFE_INTEGER)) yield level(l);
      },
    };
  }

  private publish(trades: readonly Trade[]): void {
    this.listeners.emitTrades(trades);
  }
}

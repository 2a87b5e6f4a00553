/**
 * The venue-neutral connector: one shared socket per venue (Hyperliquid allows 10 per IP, and
 * one is kinder to every venue), a REST client, a BookKeeper per watched symbol, trade and BBO
 * fan-out, and health. Venue knowledge comes from a VenueAdapter. Invariants: every watched
 * symbol is resubscribed on every (re)connect; a malformed frame is counted and never applied;
 * `book()` returns a book only while it is live on an open socket; `depth()` says which path it
 * took and every REST fallback is counted and logged.
 */
import { appError, err, ok, type Result } from '../../../src-shared/result';
import type { VenueHealth } from '../../../src-shared/contract';
import type { VenueId } from '../../../src-shared/domain';
import { L2Book } from '../../core/book';
import type { Clock, Disposer, Logger, Timers } from '../../core/ports';
import type { VenueAdapter } from './adapter';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import { BookKeeper, DEFAULT_RECOVERY, type RecoveryOptions } from './book-keeper';
import {
  levelView,
  type BookReader,
  type BookState,
  type DepthSnapshot,
  type VenueConnector,
} from './connector';
import { BookHealthTracker } from './health';
import { RestClient } from './rest';
import { ManagedSocket } from './socket';
import type { Bbo, DepthMessage, Instrument, Trade } from './types';

export interface ConnectorEnv {
  readonly wsUrl: string;
  readonly restUrl: string;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  readonly random?: () => number;
  readonly backoff?: BackoffOptions;
  readonly recovery?: RecoveryOptions;
  /** Overrides of the adapter's socket timings (tests use short ones). */
  readonly silenceMs?: number;
  readonly keepaliveMs?: number;
  readonly restTimeoutMs?: number;
}

export class StreamConnector implements VenueConnector {
  readonly venue: VenueId;
  readonly name: string;
  readonly capabilities: VenueAdapter['capabilities'];
  readonly rest: RestClient;
  readonly socket: ManagedSocket;
  /** Second socket for channels served on another URL (trades on Binance USD-M), or null. */
  readonly secondarySocket: ManagedSocket | null;
  private instrumentMap: Map<string, Instrument> | null = null;
  private loading: Promise<Result<readonly Instrument[]>> | null = null;
  private readonly keepers = new Map<string, BookKeeper>();
  /** Watched symbols without a stream book (REST-only venues), still tracked for health. */
  private readonly restOnly = new Map<string, { instrument: Instrument; health: BookHealthTracker }>();
  private readonly byRef = new Map<string, Instrument>();
  private readonly bbos = new Map<string, Bbo>();
  private readonly tradeListeners = new Set<(trades: readonly Trade[]) => void>();
  private readonly bookListeners = new Set<(symbol: string) => void>();
  private malformedFrames = 0;
  private framesSinceOpen = 0;
  private stopped = false;

  constructor(
    readonly adapter: VenueAdapter,
    private readonly env: ConnectorEnv,
  ) {
    this.venue = adapter.venue;
    this.name = adapter.name;
    this.capabilities = adapter.capabilities;
    const log = env.log.child({ venue: adapter.venue });
    this.rest = new RestClient({
      baseUrl: () => env.restUrl,
      clock: env.clock,
      log,
      ...(env.restTimeoutMs === undefined ? {} : { timeoutMs: env.restTimeoutMs }),
    });
    const keepalive = adapter.socket.keepalive;
    const socketOptions = (url: () => string) => ({
      url,
      clock: env.clock,
      timers: env.timers,
      log,
      random: env.random ?? Math.random,
      backoff: env.backoff ?? DEFAULT_BACKOFF,
      silenceMs: env.silenceMs ?? adapter.socket.silenceMs,
      ...(keepalive
        ? { keepalive: { everyMs: env.keepaliveMs ?? keepalive.everyMs, payload: keepalive.payload } }
        : {}),
      ...(adapter.socket.protocolPingMs
        ? { protocolPingMs: Math.min(adapter.socket.protocolPingMs, env.keepaliveMs ?? Infinity) }
        : {}),
      maxSendPerSecond: adapter.socket.maxSendPerSecond,
    });
    this.socket = new ManagedSocket(
      socketOptions(() => env.wsUrl),
      {
        onOpen: () => this.onOpen(),
        onMessage: (text, at) => this.onMessage(text, at),
        onClose: ({ cause }) => this.onClose(cause === 'stale' ? 'stale' : 'reconnect'),
      },
    );
    const secondary = adapter.secondary;
    this.secondarySocket = secondary
      ? new ManagedSocket(
          socketOptions(() => secondary.url(env.wsUrl)),
          {
            onOpen: () => {
              const all = this.allInstruments();
              if (all.length > 0) this.sendAll(secondary.subscribe(all), this.secondarySocket);
            },
            onMessage: (text, at) => this.onMessage(text, at),
            onClose: () => {},
          },
        )
      : null;
  }

  get malformed(): number {
    return this.malformedFrames;
  }

  async instruments(): Promise<Result<readonly Instrument[]>> {
    if (this.instrumentMap) return ok([...this.instrumentMap.values()]);
    this.loading ??= this.adapter.fetchInstruments(this.rest).then((result) => {
      this.loading = null;
      if (result.ok) this.instrumentMap = new Map(result.value.map((i) => [i.symbol, i]));
      return result;
    });
    return this.loading;
  }

  async watch(symbol: string): Promise<Result<Instrument>> {
    if (this.stopped) return err(appError('UNAVAILABLE', `${this.venue} connector is stopped`));
    const instrument = await this.resolve(symbol);
    if (!instrument.ok) return instrument;
    const inst = instrument.value;
    if (this.keepers.has(inst.symbol) || this.restOnly.has(inst.symbol)) return instrument;
    this.byRef.set(inst.ref ?? inst.symbol, inst);
    const sync = this.adapter.sync;
    if (sync) {
      const keeper = new BookKeeper(
        inst,
        {
          mode: sync.mode,
          rules: sync.rules,
          ...(sync.depth ? { depth: sync.depth } : {}),
          ...(sync.verify ? { verify: sync.verify } : {}),
        },
        this.env.recovery ?? DEFAULT_RECOVERY,
        {
          clock: this.env.clock,
          timers: this.env.timers,
          log: this.env.log.child({ venue: this.venue }),
          random: this.env.random ?? Math.random,
          fetchSnapshot: (i) => this.fetchSnapshot(i, this.adapter.snapshotLevels),
          restBlockedForMs: () => this.rest.blockedForMs(),
          resubscribe: (i) =>
            this.sendAll(
              this.adapter.resubscribe?.(i) ?? [
                ...this.adapter.unsubscribe([i]),
                ...this.adapter.subscribe([i]),
              ],
            ),
          notify: (s) => this.notify(s),
          streamAlive: () => this.framesSinceOpen > 0,
        },
      );
      this.keepers.set(inst.symbol, keeper);
    } else {
      this.restOnly.set(inst.symbol, { instrument: inst, health: new BookHealthTracker(inst.symbol) });
    }
    if (this.socket.state === 'open') {
      this.sendAll(this.adapter.subscribe([inst]));
      this.keepers.get(inst.symbol)?.subscribed();
    } else this.socket.start();
    if (this.secondarySocket && this.adapter.secondary) {
      if (this.secondarySocket.state === 'open') {
        this.sendAll(this.adapter.secondary.subscribe([inst]), this.secondarySocket);
      } else this.secondarySocket.start();
    }
    return instrument;
  }

  unwatch(symbol: string): void {
    const key = this.adapter.normalizeSymbol(symbol);
    const keeper = this.keepers.get(key);
    const rest = this.restOnly.get(key);
    const inst = keeper?.instrument ?? rest?.instrument;
    if (!inst) return;
    keeper?.dispose();
    this.keepers.delete(key);
    this.restOnly.delete(key);
    this.byRef.delete(inst.ref ?? inst.symbol);
    this.bbos.delete(key);
    if (this.socket.state === 'open') this.sendAll(this.adapter.unsubscribe([inst]));
    if (this.secondarySocket?.state === 'open' && this.adapter.secondary) {
      this.sendAll(this.adapter.secondary.unsubscribe([inst]), this.secondarySocket);
    }
  }

  watched(): readonly string[] {
    return [...this.keepers.keys(), ...this.restOnly.keys()];
  }

  book(symbol: string): BookReader | null {
    const keeper = this.keepers.get(this.adapter.normalizeSymbol(symbol));
    if (!keeper || !keeper.sync.valid || keeper.status !== 'live' || this.socket.state !== 'open')
      return null;
    return keeper.reader();
  }

  /** Venue id of the last message applied to a watched book (diagnostics and tests). */
  lastId(symbol: string): number | undefined {
    return this.keepers.get(this.adapter.normalizeSymbol(symbol))?.sync.lastId;
  }

  bookState(symbol: string): BookState | null {
    const key = this.adapter.normalizeSymbol(symbol);
    const keeper = this.keepers.get(key);
    if (keeper) return keeper.state();
    const rest = this.restOnly.get(key);
    return rest ? { status: rest.health.status, reader: null } : null;
  }

  async depth(symbol: string, levels: number): Promise<Result<DepthSnapshot>> {
    const reader = this.book(symbol);
    if (reader) {
      const grid = reader.instrument.grid;
      const view = (l: Parameters<typeof levelView>[0]) =>
        levelView({ ...l, price: grid.ticksToPrice(l.ticks), size: grid.lotsToSize(l.lots) });
      return ok({
        source: 'stream',
        bids: reader.bids.top(levels).map(view),
        asks: reader.asks.top(levels).map(view),
        at: reader.updatedAt ?? this.env.clock.now(),
        venueTime: reader.venueTime,
      });
    }
    const instrument = await this.resolve(symbol);
    if (!instrument.ok) return instrument;
    const fetched = await this.fetchSnapshot(instrument.value, levels);
    const tracker =
      this.keepers.get(instrument.value.symbol)?.health ?? this.restOnly.get(instrument.value.symbol)?.health;
    const now = this.env.clock.now();
    if (!fetched.ok) {
      if (tracker && !this.keepers.has(instrument.value.symbol))
        this.setRestStatus(instrument.value.symbol, 'invalid');
      return fetched;
    }
    // Validate and order the REST levels through the same book core as the stream.
    const book = new L2Book(instrument.value.grid);
    const loaded = book.applySnapshot(fetched.value.message.bids, fetched.value.message.asks);
    if (!loaded.ok) return err(appError('UNAVAILABLE', `${this.venue} REST depth for ${symbol} is invalid`));
    tracker?.noteRest(fetched.value.latencyMs, now, true);
    if (!this.keepers.has(instrument.value.symbol)) this.setRestStatus(instrument.value.symbol, 'live');
    this.env.log.info('depth served from REST', {
      venue: this.venue,
      symbol,
      fallbacks: tracker?.restFallbacks,
    });
    const grid = instrument.value.grid;
    const view = (l: Parameters<typeof levelView>[0]) =>
      levelView({ ...l, price: grid.ticksToPrice(l.ticks), size: grid.lotsToSize(l.lots) });
    return ok({
      source: 'rest',
      bids: book.bids.top(levels).map(view),
      asks: book.asks.top(levels).map(view),
      at: now,
      venueTime: fetched.value.message.venueTime ?? null,
    });
  }

  bbo(symbol: string): Bbo | null {
    return this.bbos.get(this.adapter.normalizeSymbol(symbol)) ?? null;
  }

  onTrades(listener: (trades: readonly Trade[]) => void): Disposer {
    this.tradeListeners.add(listener);
    return () => this.tradeListeners.delete(listener);
  }

  onBookChange(listener: (symbol: string) => void): Disposer {
    this.bookListeners.add(listener);
    return () => this.bookListeners.delete(listener);
  }

  health(): VenueHealth {
    const now = this.env.clock.now();
    const books = [
      ...[...this.keepers.values()].map((k) => k.health.snapshot()),
      ...[...this.restOnly.values()].map((r) => r.health.snapshot()),
    ];
    const since = this.socket.connectedSince;
    const socketState = this.socket.state;
    const state =
      socketState === 'open'
        ? books.some((b) => b.status !== 'live')
          ? 'degraded'
          : 'live'
        : socketState === 'connecting'
          ? 'connecting'
          : socketState === 'waiting'
            ? 'down'
            : 'idle';
    return {
      venue: this.venue,
      state,
      connectedSince: since,
      uptimeMs: since === null ? 0 : Math.max(0, now - since),
      reconnects: Math.max(0, this.socket.connections - 1),
      books,
    };
  }

  stop(): void {
    this.stopped = true;
    for (const keeper of this.keepers.values()) keeper.dispose();
    this.socket.stop();
    this.secondarySocket?.stop();
  }

  private async resolve(symbol: string): Promise<Result<Instrument>> {
    const loaded = await this.instruments();
    if (!loaded.ok) return loaded;
    const key = this.adapter.normalizeSymbol(symbol);
    const instrument = this.instrumentMap?.get(key);
    return instrument
      ? ok(instrument)
      : err(appError('NOT_FOUND', `${this.venue} has no instrument ${symbol}`));
  }

  private async fetchSnapshot(
    instrument: Instrument,
    levels: number,
  ): Promise<Result<{ message: DepthMessage; latencyMs: number }>> {
    const started = this.env.clock.monotonic();
    const result = await this.adapter.fetchSnapshot(this.rest, instrument, levels);
    if (!result.ok) return result;
    return ok({ message: result.value, latencyMs: Math.round(this.env.clock.monotonic() - started) });
  }

  private allInstruments(): Instrument[] {
    return [...this.keepers.values(), ...this.restOnly.values()].map((k) => k.instrument);
  }

  private onOpen(): void {
    this.framesSinceOpen = 0;
    const instruments = this.allInstruments();
    if (instruments.length > 0) this.sendAll(this.adapter.subscribe(instruments));
    for (const keeper of this.keepers.values()) keeper.subscribed();
    this.notifyAll();
  }

  private onClose(cause: 'stale' | 'reconnect'): void {
    for (const keeper of this.keepers.values()) keeper.connectionLost(cause);
    this.notifyAll();
  }

  private onMessage(text: string, receivedAt: number): void {
    this.framesSinceOpen += 1;
    const parsed = this.adapter.parse(text);
    if (!parsed.ok) {
      this.malformedFrames += 1;
      if (this.malformedFrames <= 5 || this.malformedFrames % 100 === 0) {
        this.env.log.warn('malformed venue frame', {
          venue: this.venue,
          error: parsed.error,
          count: this.malformedFrames,
          frame: text.slice(0, 200),
        });
      }
      return;
    }
    for (const frame of parsed.value) {
      if (frame.kind === 'depth') {
        const inst = this.byRef.get(frame.symbol);
        if (inst) this.keepers.get(inst.symbol)?.onStream(frame.message, receivedAt);
      } else if (frame.kind === 'trades') {
        const inst = this.byRef.get(frame.symbol);
        if (!inst || frame.trades.length === 0) continue;
        const trades = frame.trades.map((t) => ({ ...t, venue: this.venue, symbol: inst.symbol }));
        for (const listener of this.tradeListeners) listener(trades);
      } else if (frame.kind === 'bbo') {
        const inst = this.byRef.get(frame.symbol);
        if (!inst) continue;
        const prev = this.bbos.get(inst.symbol);
        if (prev?.id !== undefined && frame.bbo.id !== undefined && frame.bbo.id < prev.id) continue;
        this.bbos.set(inst.symbol, frame.bbo);
      } else if (frame.kind === 'venue-error') {
        this.env.log.warn('venue reported an error', { venue: this.venue, message: frame.message });
      }
    }
  }

  private setRestStatus(symbol: string, status: 'live' | 'invalid'): void {
    const entry = this.restOnly.get(symbol);
    if (!entry || entry.health.status === status) return;
    entry.health.status = status;
    this.notify(symbol);
  }

  private sendAll(messages: readonly string[], socket: ManagedSocket | null = this.socket): void {
    for (const message of messages) socket?.send(message);
  }

  private notify(symbol: string): void {
    for (const listener of this.bookListeners) listener(symbol);
  }

  private notifyAll(): void {
    for (const symbol of this.keepers.keys()) this.notify(symbol);
  }
}

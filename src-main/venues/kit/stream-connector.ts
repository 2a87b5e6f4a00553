/**
 * The venue-neutral connector: one shared socket per venue (Hyperliquid allows 10 per IP, and
 * one is kinder to every venue), a REST client, a BookKeeper per watched symbol, trade and BBO
 * fan-out, and health. Venue knowledge comes from a VenueAdapter. Invariants: every watched
 * symbol is resubscribed on every (re)connect; a malformed frame is counted and never applied;
 * `book()` returns a book only while it is live on an open socket; `depth()` says which path it
 * took and every REST fallback is counted and logged. With a tap (recording) every frame, socket
 * opening and closing, REST answer and watch is handed over as received; a replay builds this same
 * connector with sockets, REST answers and instruments fed from a recording (connector-env.ts).
 */
import { appError, err, ok, type Result } from '../../../src-shared/result';
import type { VenueHealth } from '../../../src-shared/contract';
import type { VenueId } from '../../../src-shared/domain';
import type { Disposer } from '../../core/ports';
import { ConnectorListeners } from './connector-listeners';
import type { VenueAdapter } from './adapter';
import { BookKeeper, DEFAULT_RECOVERY, type RecoveryOptions } from './book-keeper';
import {
  DEFAULT_AUDIT_EVERY_MS,
  DEFAULT_AUDIT_LEVELS,
  DEFAULT_METADATA_BACKOFF,
  socketOptions,
  type ConnectorEnv,
} from './connector-env';
import type { BookReader, BookState, DepthSnapshot, VenueConnector } from './connector';
import { depthFromReader, depthFromRest } from './depth-view';
import { connectorHealth } from './health';
import { InstrumentCatalog } from './instrument-catalog';
import { RestClient } from './rest';
import { ManagedSocket, type SocketHandlers, type SocketLike } from './socket';
import { FRAME, recordedInstrument, tapHandlers } from './tap';
import type { Bbo, DepthMessage, Instrument, Trade } from './types';
import { WatchedBooks } from './watched-books';

export type { ConnectorEnv };

export class StreamConnector implements VenueConnector {
  readonly venue: VenueId;
  readonly name: string;
  readonly capabilities: VenueAdapter['capabilities'];
  readonly rest: RestClient;
  readonly socket: SocketLike;
  /** Second socket for channels served on another URL (trades on Binance USD-M), or null. */
  readonly secondarySocket: SocketLike | null;
  private readonly catalog: InstrumentCatalog;
  private readonly books = new WatchedBooks();
  private readonly listeners = new ConnectorListeners();
  private malformedFrames = 0;
  private framesSinceOpen = 0;
  /** Last per-connection counter seen on the primary socket (connection-sequenced venues). */
  private connectionSeq: number | null = null;
  private stopped = false;
  private auditTimer: Disposer | null = null;

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
      ...(env.fetch ? { fetch: env.fetch } : {}),
      onAnswer: (request, answer, at) => this.record(FRAME.rest(request), JSON.stringify(answer), at),
    });
    this.socket = this.makeSocket(0, () => env.wsUrl, {
      onOpen: () => this.onOpen(),
      onMessage: (text, at) => this.onMessage(text, at),
      onClose: ({ cause }) => this.onClose(cause === 'stale' ? 'stale' : 'reconnect'),
    });
    this.catalog = new InstrumentCatalog({
      venue: adapter.venue,
      clock: env.clock,
      timers: env.timers,
      random: env.random ?? Math.random,
      backoff: env.metadataBackoff ?? DEFAULT_METADATA_BACKOFF,
      // Replay: the instruments a recording watched, instead of the venue's metadata request.
      fetch: env.instrumentSource ?? (() => adapter.fetchInstruments(this.rest)),
    });
    const secondary = adapter.secondary;
    this.secondarySocket = secondary
      ? this.makeSocket(1, () => secondary.url(env.wsUrl), {
          onOpen: () => {
            const all = this.allInstruments();
            if (all.length > 0) this.sendAll(secondary.subscribe(all), this.secondarySocket);
          },
          onMessage: (text, at) => this.onMessage(text, at, false),
          onClose: () => {},
        })
      : null;
  }

  /** A managed socket (or the replay's), its handlers wrapped so a tap hears every event first. */
  private makeSocket(index: number, url: () => string, handlers: SocketHandlers): SocketLike {
    const options = socketOptions(this.adapter, this.env, url, this.env.log.child({ venue: this.venue }));
    const record = (stream: string, payload: string, at: number) => this.record(stream, payload, at);
    const tapped = tapHandlers(handlers, index, record, () => this.env.clock.now());
    return this.env.socketFactory?.(options, tapped, index) ?? new ManagedSocket(options, tapped);
  }

  private record(stream: string, payload: string, at: number): void {
    const tap = this.env.tap;
    if (tap?.active) tap.frame(this.venue, stream, payload, at);
  }

  /** The book-recovery timings this connector runs with (a replay must use the same). */
  get recovery(): RecoveryOptions {
    return this.env.recovery ?? DEFAULT_RECOVERY;
  }

  /**
   * A recording starts here: every watched instrument is recorded, then the sockets reconnect so
   * the recording holds each stream from its handshake (a replay has nothing to sync from in the
   * middle of a stream). Books resync once, as after any reconnect.
   */
  startRecording(): void {
    const at = this.env.clock.now();
    for (const instrument of this.allInstruments()) {
      this.record(FRAME.watch, JSON.stringify(recordedInstrument(instrument)), at);
    }
    this.socket.drop('error');
    this.secondarySocket?.drop('error');
  }

  get malformed(): number {
    return this.malformedFrames;
  }

  /** Instruments from the venue's metadata (InstrumentCatalog: loaded once, paced retries). */
  instruments(): Promise<Result<readonly Instrument[]>> {
    return this.catalog.load();
  }

  async watch(symbol: string): Promise<Result<Instrument>> {
    if (this.stopped) return err(appError('UNAVAILABLE', `${this.venue} connector is stopped`));
    const instrument = await this.resolve(symbol);
    if (!instrument.ok) return instrument;
    const inst = instrument.value;
    if (this.books.has(inst.symbol)) return instrument;
    this.record(FRAME.watch, JSON.stringify(recordedInstrument(inst)), this.env.clock.now());
    this.books.add(inst, this.adapter.sync ? this.createKeeper(inst, this.adapter.sync) : null);
    this.startAudits();
    if (this.socket.state === 'open') {
      this.sendAll(this.adapter.subscribe([inst]));
      this.books.keeper(inst.symbol)?.subscribed();
    } else this.socket.start();
    if (this.secondarySocket && this.adapter.secondary) {
      if (this.secondarySocket.state === 'open') {
        this.sendAll(this.adapter.secondary.subscribe([inst]), this.secondarySocket);
      } else this.secondarySocket.start();
    }
    return instrument;
  }

  private createKeeper(inst: Instrument, sync: NonNullable<VenueAdapter['sync']>): BookKeeper {
    const { mode, rules, depth, verify } = sync;
    return new BookKeeper(
      inst,
      { mode, rules, ...(depth ? { depth } : {}), ...(verify ? { verify } : {}) },
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
  }

  unwatch(symbol: string): void {
    const inst = this.books.remove(this.adapter.normalizeSymbol(symbol));
    if (!inst) return;
    this.record(FRAME.unwatch, inst.symbol, this.env.clock.now());
    if (this.socket.state === 'open') this.sendAll(this.adapter.unsubscribe([inst]));
    if (this.secondarySocket?.state === 'open' && this.adapter.secondary) {
      this.sendAll(this.adapter.secondary.unsubscribe([inst]), this.secondarySocket);
    }
  }

  watched(): readonly string[] {
    return this.books.symbols();
  }

  book(symbol: string): BookReader | null {
    const keeper = this.books.keeper(this.adapter.normalizeSymbol(symbol));
    if (!keeper || !keeper.sync.valid || keeper.status !== 'live' || this.socket.state !== 'open')
      return null;
    return keeper.reader();
  }

  /** Venue id of the last message applied to a watched book (diagnostics and tests). */
  lastId(symbol: string): number | undefined {
    return this.books.keeper(this.adapter.normalizeSymbol(symbol))?.sync.lastId;
  }

  bookState(symbol: string): BookState | null {
    return this.books.state(this.adapter.normalizeSymbol(symbol));
  }

  async depth(symbol: string, levels: number): Promise<Result<DepthSnapshot>> {
    const reader = this.book(symbol);
    if (reader) {
      this.env.log.debug('depth served from the stream book', { venue: this.venue, symbol });
      return ok(depthFromReader(reader, levels, this.env.clock.now()));
    }
    const instrument = await this.resolve(symbol);
    if (!instrument.ok) return instrument;
    const key = instrument.value.symbol;
    const restOnly = !this.books.keeper(key);
    const tracker = this.books.tracker(key);
    const fetched = await this.fetchSnapshot(instrument.value, levels);
    const now = this.env.clock.now();
    const depth = fetched.ok
      ? depthFromRest(instrument.value.grid, fetched.value.message, levels, now)
      : fetched;
    if (!depth.ok) {
      if (restOnly) this.setRestStatus(key, 'invalid');
      return depth;
    }
    if (fetched.ok) tracker?.noteRest(fetched.value.latencyMs, now, true);
    if (restOnly) this.setRestStatus(key, 'live');
    this.env.log.info('depth served from REST', {
      venue: this.venue,
      symbol,
      fallbacks: tracker?.restFallbacks,
    });
    return depth;
  }

  bbo(symbol: string): Bbo | null {
    return this.books.bbo(this.adapter.normalizeSymbol(symbol));
  }

  onTrades(listener: (trades: readonly Trade[]) => void): Disposer {
    return this.listeners.onTrades(listener);
  }

  onBookChange(listener: (symbol: string) => void): Disposer {
    return this.listeners.onBookChange(listener);
  }

  health(): VenueHealth {
    const now = this.env.clock.now();
    return connectorHealth(this.venue, now, this.books.healthSnapshots(), this.socket, this.catalog);
  }

  stop(): void {
    this.stopped = true;
    this.auditTimer?.();
    this.catalog.stop();
    for (const keeper of this.books.allKeepers()) keeper.dispose();
    this.socket.stop();
    this.secondarySocket?.stop();
  }

  private async resolve(symbol: string): Promise<Result<Instrument>> {
    const loaded = await this.instruments();
    if (!loaded.ok) return loaded;
    const key = this.adapter.normalizeSymbol(symbol);
    const instrument = this.catalog.get(key);
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

  /** One timer for the venue: audits are spread over its books, never concurrent per book. */
  private startAudits(): void {
    const every = this.env.auditEveryMs ?? DEFAULT_AUDIT_EVERY_MS;
    if (this.auditTimer || every <= 0 || !this.capabilities.restDepth) return;
    const levels = this.env.auditLevels ?? DEFAULT_AUDIT_LEVELS;
    this.auditTimer = this.env.timers.every(every, () => {
      for (const keeper of this.books.allKeepers()) void keeper.audit(levels);
    });
  }

  private allInstruments(): Instrument[] {
    return this.books.instruments();
  }

  private onOpen(): void {
    this.framesSinceOpen = 0;
    this.connectionSeq = null;
    const instruments = this.allInstruments();
    if (instruments.length > 0) this.sendAll(this.adapter.subscribe(instruments));
    for (const keeper of this.books.allKeepers()) keeper.subscribed();
    this.notifyAll();
  }

  private onClose(cause: 'stale' | 'reconnect'): void {
    for (const keeper of this.books.allKeepers()) keeper.connectionLost(cause);
    this.notifyAll();
  }

  private onMessage(text: string, receivedAt: number, primary = true): void {
    if (primary) this.framesSinceOpen += 1;
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
      if (frame.kind === 'connection-seq') {
        if (primary && !this.checkConnectionSeq(frame.seq)) return;
        continue;
      }
      if (frame.kind === 'depth') {
        const inst = this.books.byVenueRef(frame.symbol);
        if (inst) this.books.keeper(inst.symbol)?.onStream(frame.message, receivedAt);
      } else if (frame.kind === 'trades') {
        const inst = this.books.byVenueRef(frame.symbol);
        if (!inst || frame.trades.length === 0) continue;
        const trades = frame.trades.map((t) => ({ ...t, venue: this.venue, symbol: inst.symbol }));
        this.listeners.emitTrades(trades);
      } else if (frame.kind === 'bbo') {
        const inst = this.books.byVenueRef(frame.symbol);
        if (inst) this.books.offerBbo(inst.symbol, frame.bbo);
      } else if (frame.kind === 'venue-error') {
        this.env.log.warn('venue reported an error', { venue: this.venue, message: frame.message });
      }
    }
  }

  /**
   * False (drop the whole frame) for a repeated or older counter. A jump means a message was lost
   * on this connection: every book on it is invalid and resyncs, as any of them may have missed
   * an update.
   */
  private checkConnectionSeq(seq: number): boolean {
    const last = this.connectionSeq;
    if (last !== null && seq <= last) return false;
    this.connectionSeq = seq;
    if (last !== null && seq > last + 1) {
      for (const keeper of this.books.allKeepers()) {
        keeper.externalFault('gap', `connection sequence jumped from ${last} to ${seq}`);
      }
    }
    return true;
  }

  private setRestStatus(symbol: string, status: 'live' | 'invalid'): void {
    if (this.books.setRestStatus(symbol, status)) this.notify(symbol);
  }

  private sendAll(messages: readonly string[], socket: SocketLike | null = this.socket): void {
    for (const message of messages) socket?.send(message);
  }

  private notify(symbol: string): void {
    this.listeners.emitBookChange(symbol);
  }

  private notifyAll(): void {
    for (const symbol of this.books.keeperSymbols()) this.notify(symbol);
  }
}

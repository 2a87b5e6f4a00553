/**
 * One managed WebSocket to a venue: connects, reconnects with backoff + jitter + cap, watches for
 * silence, sends the venue's app-level keepalive and rate-limits what we send. It knows nothing
 * about books: the connector resubscribes everything in `onOpen`. Invariants: at most one socket
 * is open or connecting at a time; after `stop()` nothing reconnects; outgoing messages never
 * exceed `maxSendPerSecond` and the outgoing queue is bounded (and dropped on close, because a
 * reconnect resubscribes from state, not from the queue).
 */
import { WebSocket } from 'ws';
import type { Clock, Disposer, Logger, Timers } from '../../core/ports';
import { Backoff, type BackoffOptions } from './backoff';

export type CloseCause = 'closed' | 'error' | 'stale';

export interface SocketHandlers {
  onOpen(): void;
  onMessage(text: string, receivedAt: number): void;
  onClose(info: { readonly cause: CloseCause; readonly code: number; readonly reason: string }): void;
}

export interface SocketOptions {
  readonly url: () => string;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  readonly random?: () => number;
  readonly backoff: BackoffOptions;
  /** No frame (data, pong or ping) for this long means the feed is stale: drop and reconnect. */
  readonly silenceMs: number;
  /** App-level keepalive the venue requires (Hyperliquid, OKX, Bybit, Lighter). */
  readonly keepalive?: { readonly everyMs: number; readonly payload: string };
  /** WebSocket protocol pings, so a quiet but healthy connection still shows life (pongs). */
  readonly protocolPingMs?: number;
  readonly maxSendPerSecond: number;
  readonly maxQueued?: number;
  /** Abort a connection attempt that has not opened after this long. */
  readonly connectTimeoutMs?: number;
}

export type SocketState = 'idle' | 'connecting' | 'open' | 'waiting' | 'stopped';

/** What a connector uses of its socket; a replay substitutes one fed from recorded frames. */
export interface SocketLike {
  readonly state: SocketState;
  readonly connectedSince: number | null;
  readonly connections: number;
  /** While waiting to reconnect: when the next attempt is due (null otherwise). */
  readonly nextAttemptAt: number | null;
  /** Why the last connection ended or failed, if it did. */
  readonly lastError: string | null;
  start(): void;
  stop(): void;
  send(text: string): boolean;
  drop(cause?: CloseCause): void;
}

export class ManagedSocket implements SocketLike {
  private ws: WebSocket | null = null;
  private state_: SocketState = 'idle';
  private readonly backoff: Backoff;
  private openedAt: number | null = null;
  private lastFrameAt = 0;
  private timers: Disposer[] = [];
  private retryTimer: Disposer | null = null;
  private queue: string[] = [];
  private tokens: number;
  private refilledAt = 0;
  private refill: Disposer | null = null;
  private connects = 0;
  private sentCount = 0;
  private nextAttemptAt_: number | null = null;
  private failedAttempts = 0;
  private lastError_: string | null = null;

  constructor(
    private readonly options: SocketOptions,
    private readonly handlers: SocketHandlers,
  ) {
    this.backoff = new Backoff(options.backoff, options.random);
    this.tokens = options.maxSendPerSecond;
  }

  get state(): SocketState {
    return this.state_;
  }
  /** Wall-clock time the current connection opened, or null when not open. */
  get connectedSince(): number | null {
    return this.state_ === 'open' ? this.openedAt : null;
  }
  /** Successful opens so far (the first one included). */
  get connections(): number {
    return this.connects;
  }
  /** Wall-clock time of the scheduled reconnect while `waiting`, else null. */
  get nextAttemptAt(): number | null {
    return this.state_ === 'waiting' ? this.nextAttemptAt_ : null;
  }
  /** Why the last connection ended or failed (null after a clean start). */
  get lastError(): string | null {
    return this.lastError_;
  }
  /** Messages actually written to sockets so far. */
  get sent(): number {
    return this.sentCount;
  }
  get lastFrameAtMono(): number {
    return this.lastFrameAt;
  }

  start(): void {
    if (this.state_ !== 'idle') return;
    this.connect();
  }

  stop(): void {
    this.state_ = 'stopped';
    this.retryTimer?.();
    this.retryTimer = null;
    this.teardown();
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.removeAllListeners();
      ws.on('error', () => {});
      if (ws.readyState === WebSocket.OPEN) ws.close(1000, 'client stopping');
      else ws.terminate();
    }
  }

  /** Queues a message; false when not open or the queue is full (the caller resubscribes on open). */
  send(text: string): boolean {
    if (this.state_ !== 'open' || !this.ws) return false;
    if (this.queue.length >= (this.options.maxQueued ?? 1000)) return false;
    this.queue.push(text);
    this.flush();
    return true;
  }

  /** Drops the current connection as if the venue had gone quiet (used by tests and health checks). */
  drop(cause: CloseCause = 'error'): void {
    if (this.ws) this.lost(cause, 1006, 'dropped by client');
  }

  private connect(): void {
    if (this.state_ === 'stopped') return;
    this.state_ = 'connecting';
    let ws: WebSocket;
    try {
      ws = new WebSocket(this.options.url(), { handshakeTimeout: this.options.connectTimeoutMs ?? 10_000 });
    } catch (cause) {
      this.options.log.warn('venue socket could not be created', { cause: String(cause) });
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.on('open', () => {
      if (this.ws !== ws) return;
      this.state_ = 'open';
      this.connects += 1;
      this.openedAt = this.options.clock.now();
      this.lastFrameAt = this.options.clock.monotonic();
      this.tokens = this.options.maxSendPerSecond;
      this.refilledAt = this.options.clock.monotonic();
      this.startTimers();
      this.handlers.onOpen();
    });
    ws.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => {
      if (this.ws !== ws) return;
      this.lastFrameAt = this.options.clock.monotonic();
      const text = isBinary
        ? ''
        : Array.isArray(data)
          ? Buffer.concat(data).toString('utf8')
          : data.toString();
      this.handlers.onMessage(text, this.options.clock.now());
    });
    const touch = () => {
      if (this.ws === ws) this.lastFrameAt = this.options.clock.monotonic();
    };
    ws.on('ping', touch);
    ws.on('pong', touch);
    ws.on('close', (code: number, reason: Buffer) => {
      if (this.ws === ws) this.lost('closed', code, reason.toString('utf8'));
    });
    ws.on('error', (error: Error) => {
      if (this.ws === ws) this.lost('error', 1006, error.message);
    });
  }

  private lost(cause: CloseCause, code: number, reason: string): void {
    const ws = this.ws;
    this.ws = null;
    if (ws) {
      ws.removeAllListeners();
      ws.on('error', () => {});
      ws.terminate();
    }
    const wasOpen = this.state_ === 'open';
    this.teardown();
    if (wasOpen && this.openedAt !== null) this.backoff.noteUptime(this.options.clock.now() - this.openedAt);
    this.openedAt = null;
    if (this.state_ === 'stopped') return;
    this.lastError_ = reason ? `${cause} ${code}: ${reason}` : `${cause} ${code}`;
    if (wasOpen) {
      this.failedAttempts = 0;
      this.options.log.info('venue socket lost', { cause, code, reason });
    } else {
      // Offline, every retry would add a line: the first failure of a streak is a warning, the
      // rest are debug with a reminder now and then.
      this.failedAttempts += 1;
      const n = this.failedAttempts;
      const fields = { cause, code, reason, attempts: n };
      if (n === 1 || n % 50 === 0) this.options.log.warn('venue unreachable, retrying with backoff', fields);
      else this.options.log.debug('venue socket attempt failed', fields);
    }
    this.handlers.onClose({ cause, code, reason });
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.state_ === 'stopped') return;
    this.state_ = 'waiting';
    const delay = this.backoff.next();
    this.nextAttemptAt_ = this.options.clock.now() + delay;
    this.retryTimer = this.options.timers.after(delay, () => {
      this.retryTimer = null;
      this.connect();
    });
  }

  private startTimers(): void {
    const { silenceMs, keepalive, timers, clock } = this.options;
    const checkEvery = Math.max(10, Math.min(1000, Math.floor(silenceMs / 4)));
    this.timers.push(
      timers.every(checkEvery, () => {
        if (clock.monotonic() - this.lastFrameAt > silenceMs) this.lost('stale', 4000, 'no data from venue');
      }),
    );
    // A keepalive never queues: when real traffic waits, or the send budget is spent, that
    // traffic keeps the connection alive instead and the ping would only delay it.
    if (keepalive) {
      this.timers.push(
        timers.every(keepalive.everyMs, () => {
          if (this.queue.length === 0 && this.availableTokens() >= 1) this.send(keepalive.payload);
        }),
      );
    }
    const pingMs = this.options.protocolPingMs;
    if (pingMs) this.timers.push(timers.every(pingMs, () => this.ws?.ping()));
  }

  private teardown(): void {
    for (const stop of this.timers) stop();
    this.timers = [];
    this.refill?.();
    this.refill = null;
    this.queue = [];
  }

  private availableTokens(): number {
    const rate = this.options.maxSendPerSecond;
    const now = this.options.clock.monotonic();
    this.tokens = Math.min(rate, this.tokens + ((now - this.refilledAt) * rate) / 1000);
    this.refilledAt = now;
    return this.tokens;
  }

  /** Token bucket refilled continuously at maxSendPerSecond; waits for the next token when empty. */
  private flush(): void {
    const rate = this.options.maxSendPerSecond;
    this.availableTokens();
    while (this.queue.length > 0 && this.tokens >= 1 && this.ws) {
      this.tokens -= 1;
      this.sentCount += 1;
      this.ws.send(this.queue.shift()!);
    }
    if (this.queue.length > 0 && !this.refill) {
      const wait = Math.max(1, Math.ceil(((1 - this.tokens) * 1000) / rate));
      this.refill = this.options.timers.after(wait, () => {
        this.refill = null;
        this.flush();
      });
    }
  }
}

/**
 * A connector socket fed from a recording: it opens, delivers messages and closes when the
 * recording says the venue's socket did, with the recorded receipt times. What the connector
 * sends (subscriptions, pings) goes nowhere: the recording already holds what the venue answered.
 * `start()` and `drop()` only move its state, as the recorded opening or closing follows anyway.
 */
import type { CloseCause, SocketHandlers, SocketLike, SocketState } from '../venues/kit';

export class ReplaySocket implements SocketLike {
  private state_: SocketState = 'idle';
  private openedAt: number | null = null;
  private opens = 0;
  sentCount = 0;

  constructor(private readonly handlers: SocketHandlers) {}

  get state(): SocketState {
    return this.state_;
  }
  get connectedSince(): number | null {
    return this.state_ === 'open' ? this.openedAt : null;
  }
  get connections(): number {
    return this.opens;
  }
  /** A replayed socket reconnects when the recording says so, never on a timer of its own. */
  get nextAttemptAt(): number | null {
    return null;
  }
  get lastError(): string | null {
    return null;
  }

  start(): void {
    if (this.state_ === 'idle') this.state_ = 'connecting';
  }

  stop(): void {
    this.state_ = 'stopped';
  }

  send(): boolean {
    if (this.state_ !== 'open') return false;
    this.sentCount += 1;
    return true;
  }

  drop(_cause?: CloseCause): void {}

  /** The recorded socket opened at `at`. */
  opened(at: number): void {
    if (this.state_ === 'stopped') return;
    this.state_ = 'open';
    this.openedAt = at;
    this.opens += 1;
    this.handlers.onOpen();
  }

  message(text: string, at: number): void {
    if (this.state_ !== 'open') return;
    this.handlers.onMessage(text, at);
  }

  /** The recorded socket closed (`payload` is the recorded close info). */
  closed(payload: string): void {
    if (this.state_ !== 'open') return;
    this.state_ = 'waiting';
    this.openedAt = null;
    const info = parseClose(payload);
    this.handlers.onClose(info);
  }
}

function parseClose(payload: string): { cause: CloseCause; code: number; reason: string } {
  try {
    const value = JSON.parse(payload) as { cause?: unknown; code?: unknown; reason?: unknown };
    const cause = value.cause === 'stale' || value.cause === 'closed' ? value.cause : 'error';
    return {
      cause,
      code: typeof value.code === 'number' ? value.code : 1006,
      reason: typeof value.reason === 'string' ? value.reason : '',
    };
  } catch {
    return { cause: 'error', code: 1006, reason: 'recorded close' };
  }
}

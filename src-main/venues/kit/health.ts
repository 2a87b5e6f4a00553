/**
 * Per-book feed health: status, source, last update, message age (venue timestamp to receipt),
 * resyncs by cause, REST fallbacks and latencies. Counters only grow; ages are kept over a small
 * ring so the median reflects the recent feed, not its whole life.
 */
import type { BookHealth, BookSource, BookStatus, VenueHealth } from '../../../src-shared/contract';
import type { SocketLike } from './socket';
import type { ResyncCause } from './types';

const RING = 64;

export class BookHealthTracker {
  status: BookStatus = 'resyncing';
  source: BookSource | null = null;
  lastUpdateAt: number | null = null;
  messageAgeMs: number | null = null;
  restLatencyMs: number | null = null;
  restFallbacks = 0;
  lastResync: BookHealth['lastResync'] = null;
  readonly audits = { runs: 0, matched: 0 };
  readonly resyncs: Record<ResyncCause, number> = {
    gap: 0,
    checksum: 0,
    crossed: 0,
    stale: 0,
    reconnect: 0,
    'invalid-data': 0,
  };
  private readonly ages: number[] = [];

  constructor(readonly symbol: string) {}

  noteStreamUpdate(receivedAt: number, venueTime: number | undefined): void {
    this.source = 'stream';
    this.lastUpdateAt = receivedAt;
    if (venueTime !== undefined) {
      const age = Math.round(receivedAt - venueTime);
      this.messageAgeMs = age;
      this.ages.push(age);
      if (this.ages.length > RING) this.ages.shift();
    }
  }

  noteRest(latencyMs: number, at: number, fallback: boolean): void {
    this.restLatencyMs = latencyMs;
    if (fallback) {
      this.restFallbacks += 1;
      this.source = 'rest';
      this.lastUpdateAt = at;
    }
  }

  noteResync(cause: ResyncCause, at: number, detail: string): void {
    this.resyncs[cause] += 1;
    this.lastResync = { cause, at, detail: detail.slice(0, 300) };
  }

  streamLatencyMs(): number | null {
    if (this.ages.length === 0) return null;
    const sorted = [...this.ages].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)]!;
  }

  snapshot(): BookHealth {
    return {
      symbol: this.symbol,
      status: this.status,
      source: this.source,
      lastUpdateAt: this.lastUpdateAt,
      messageAgeMs: this.messageAgeMs,
      streamLatencyMs: this.streamLatencyMs(),
      restLatencyMs: this.restLatencyMs,
      resyncs: { ...this.resyncs },
      restFallbacks: this.restFallbacks,
      lastResync: this.lastResync,
      audits: { ...this.audits },
    };
  }
}

/** A venue's connection state as shown to users: degraded while any watched book is not live. */
export function venueState(
  socketState: 'idle' | 'connecting' | 'open' | 'waiting' | 'stopped',
  books: readonly BookHealth[],
): 'idle' | 'connecting' | 'live' | 'degraded' | 'down' {
  switch (socketState) {
    case 'open':
      return books.some((b) => b.status !== 'live') ? 'degraded' : 'live';
    case 'connecting':
      return 'connecting';
    case 'waiting':
      return 'down';
    default:
      return 'idle';
  }
}

/** Why a connector's instruments could not be loaded, and when it tries again (InstrumentCatalog). */
interface MetadataState {
  readonly error: string | null;
  readonly nextAttemptAt: number | null;
}

/** A connector's health: its socket's state and history, its books' health, why it is down. */
export function connectorHealth(
  venue: VenueHealth['venue'],
  now: number,
  books: BookHealth[],
  socket: SocketLike,
  metadata: MetadataState,
): VenueHealth {
  const since = socket.connectedSince;
  // Metadata that could not be loaded leaves the socket idle, but the venue is unreachable.
  const unreachable = socket.state === 'idle' && metadata.error !== null;
  const state = unreachable ? 'down' : venueState(socket.state, books);
  return {
    venue,
    state,
    connectedSince: since,
    uptimeMs: since === null ? 0 : Math.max(0, now - since),
    reconnects: Math.max(0, socket.connections - 1),
    books,
    // Null while an attempt is under way.
    nextRetryAt: socket.nextAttemptAt ?? (unreachable ? metadata.nextAttemptAt : null),
    lastError: state === 'down' ? ((metadata.error ?? socket.lastError)?.slice(0, 300) ?? null) : null,
  };
}

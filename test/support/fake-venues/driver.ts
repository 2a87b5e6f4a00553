/**
 * What the connector conformance suite needs from each fake venue: start it, build the real
 * connector against it, move its truth book, and inject the failure modes of reliability.md D.
 */
import type { StreamConnector, ConnectorEnv } from '../../../src-main/venues/kit';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { silentLogger } from '../../../src-main/core/ports';
import type { FakeServer } from './server';

export interface FakeVenueControl {
  readonly server: FakeServer;
  readonly symbol: string;
  /** Generate and send `n` book changes. */
  emit(n?: number): void;
  /** A book change happens at the venue but the client never gets it. */
  dropOne(): void;
  /** Re-send the last depth frame. */
  duplicateLast(): void;
  /** Re-send, as it was sent, a depth frame older than the last one (a stale diff). */
  replayStale(): void;
  /** Send a change that crosses the book. */
  emitCrossed(): void;
  emitTrade(): void;
  /** Truth book top-N as [ticks, lots] on the instrument grid the fake advertises. */
  truthTop(n: number): { bids: Array<[number, number]>; asks: Array<[number, number]> };
  /** Every state of the venue's book so far (TruthBook.versions). */
  truthVersions(): readonly string[];
  /** How many snapshots the venue has served (REST or stream). */
  snapshotsServed(): number;
  /** Subscribe requests received so far (any socket). */
  subscribeRequests(): number;
}

export interface VenueDriver {
  readonly venue: string;
  /** True when books come from REST snapshots (Binance family), false for stream snapshots. */
  readonly restSnapshots: boolean;
  /** False for snapshot-only feeds (Hyperliquid), where a lost message cannot be a gap. */
  readonly sequenced?: boolean;
  /** How a lost message shows up: a sequence gap, or (Kraken, no sequence) a checksum mismatch. */
  readonly gapCause?: 'gap' | 'checksum';
  /**
   * What a stale diff (an older frame arriving again) does: `dropped` by the venue's ids, or a
   * `resync` where the ids cannot tell an old frame from a reset (OKX: only the prevSeqId link is
   * checked). Absent where frames carry no id at all (Kraken v2 book).
   */
  readonly staleDiff?: 'dropped' | 'resync';
  start(): Promise<FakeVenueControl>;
  connector(fake: FakeVenueControl, env: ConnectorEnv): StreamConnector;
  /** URLs to configure for this fake. */
  urls(fake: FakeVenueControl): { wsUrl: string; restUrl: string };
}

/** Short timings so failure-mode tests run in milliseconds. */
export function fastEnv(
  urls: { wsUrl: string; restUrl: string },
  overrides: Partial<ConnectorEnv> = {},
): ConnectorEnv {
  return {
    ...urls,
    clock: systemClock,
    timers: nodeTimers,
    log: silentLogger,
    random: () => 0.5,
    backoff: { initialMs: 20, maxMs: 200, stableMs: 2000 },
    recovery: {
      quickMs: 20,
      quickAttempts: 3,
      backoff: { initialMs: 40, maxMs: 300, stableMs: 2000 },
      quietSnapshotMs: 40,
    },
    metadataBackoff: { initialMs: 20, maxMs: 200, stableMs: 0 },
    silenceMs: 800,
    keepaliveMs: 100,
    restTimeoutMs: 2000,
    ...overrides,
  };
}

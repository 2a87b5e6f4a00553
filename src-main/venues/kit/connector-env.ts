/**
 * What a connector needs from its surroundings (endpoints, ports, timings) and how those become
 * the options of its managed sockets. Tests pass short timings; production uses the adapter's.
 */
import type { Clock, Logger, Timers } from '../../core/ports';
import type { VenueAdapter } from './adapter';
import { DEFAULT_BACKOFF, type BackoffOptions } from './backoff';
import type { RecoveryOptions } from './book-keeper';
import type { Result } from '../../../src-shared/result';
import type { SocketHandlers, SocketLike, SocketOptions } from './socket';
import type { FrameTap } from './tap';
import type { Instrument } from './types';

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
  /** Every this many ms each live book is compared with a REST snapshot (0 disables). */
  readonly auditEveryMs?: number;
  /** Levels per side compared by the audit. */
  readonly auditLevels?: number;
  /** Recording: hears every frame, REST answer and watch (see tap.ts). */
  readonly tap?: FrameTap;
  /** Replay: sockets fed from recorded frames instead of the network (`index` 0 primary, 1 secondary). */
  readonly socketFactory?: (options: SocketOptions, handlers: SocketHandlers, index: number) => SocketLike;
  /** Replay: REST answers from a recording instead of the network. */
  readonly fetch?: typeof fetch;
  /** Replay: the instruments a recording watched, instead of the venue's metadata request. */
  readonly instrumentSource?: () => Promise<Result<readonly Instrument[]>>;
  /** Wait between instrument metadata loads after a failure (every caller shares it). */
  readonly metadataBackoff?: BackoffOptions;
}

/** Metadata retries while a venue is unreachable: 2 s doubling to a minute, jittered. */
export const DEFAULT_METADATA_BACKOFF: BackoffOptions = { initialMs: 2000, maxMs: 60_000, stableMs: 0 };

export const DEFAULT_AUDIT_EVERY_MS = 5 * 60_000;
export const DEFAULT_AUDIT_LEVELS = 20;

export function socketOptions(
  adapter: VenueAdapter,
  env: ConnectorEnv,
  url: () => string,
  log: Logger,
): SocketOptions {
  const keepalive = adapter.socket.keepalive;
  const ping = adapter.socket.protocolPingMs;
  return {
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
    ...(ping ? { protocolPingMs: Math.min(ping, env.keepaliveMs ?? Infinity) } : {}),
    maxSendPerSecond: adapter.socket.maxSendPerSecond,
  };
}

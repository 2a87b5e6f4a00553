/**
 * Assembles the agents' gateway: instrument index, agent registry, event hub and the loopback
 * WebSocket server, around a VenuePort and a MarketDataPort. A fresh token (256 bits) is made at
 * every start and written to `<data dir>/gateway.token` (0600) once the port is bound.
 */
import type { Clock, Logger, Timers } from '../core/ports';
import { isLoopbackOrigin } from '../net/loopback-policy';
import { newSecretToken } from '../net/secret-token';
import { AgentRegistry } from './agents';
import { Hub, type HubMember } from './hub';
import { InstrumentIndex } from './instrument-index';
import { DEFAULT_GATEWAY_LIMITS, type GatewayLimits } from './limits';
import type { MarketDataPort } from './market-data-port';
import { listenGateway } from './server';
import { GatewaySession } from './session';
import { removeTokenFile, writeTokenFile } from './token-file';
import type { VenuePort } from './venue-port';
import type { AddressInfo } from 'node:net';

export interface GatewayOptions {
  /** 0 = any free port. */
  readonly port: number;
  /** Where gateway.token goes; null writes no file (tests pass the token they want instead). */
  readonly dataDir: string | null;
  readonly token?: string;
  readonly venue: VenuePort;
  readonly marketData: MarketDataPort;
  /** Browser origins allowed to connect, e.g. "http://localhost:5173"; loopback origins only. */
  readonly allowedOrigins?: readonly string[];
  readonly limits?: Partial<GatewayLimits>;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
}

export interface RunningGateway {
  readonly url: string;
  readonly port: number;
  readonly address: AddressInfo;
  readonly token: string;
  readonly tokenFile: string | null;
  readonly agents: AgentRegistry<HubMember>;
  readonly venue: VenuePort;
  readonly connectionCount: number;
  close(): Promise<void>;
}

export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const limits: GatewayLimits = { ...DEFAULT_GATEWAY_LIMITS, ...options.limits };
  if (limits.maxPayloadBytes > 64 * 1024) throw new RangeError('gateway maxPayloadBytes must be <= 64 KiB');
  const origins = options.allowedOrigins ?? [];
  const bad = origins.find((origin) => !isLoopbackOrigin(origin));
  if (bad !== undefined) throw new RangeError(`gateway allowed origin "${bad}" is not a loopback origin`);

  const { venue, marketData, clock, timers } = options;
  const log = options.log;
  const token = options.token ?? newSecretToken(32);
  const instruments = new InstrumentIndex(venue, () => clock.monotonic(), log);
  const agents = new AgentRegistry<HubMember>(() => clock.now());
  // Portfolio updates wait for the rest of the burst (all frames of one socket read).
  const hub = new Hub(venue, instruments, agents, timers, limits, log, (fn) => process.nextTick(fn));
  const deps = { venue, marketData, instruments, agents, hub, token, limits, clock, log };

  let server;
  try {
    server = await listenGateway({
      port: options.port,
      token,
      allowedOrigins: new Set(origins.map((o) => o.toLowerCase())),
      limits,
      timers,
      log,
      accept: (peer) => new GatewaySession(deps, peer),
    });
  } catch (cause) {
    hub.close();
    throw cause;
  }
  const tokenFile = options.dataDir === null ? null : writeTokenFile(options.dataDir, token);
  log.info('gateway listening', { url: server.url, venue: venue.venueId, trading: venue.available });

  return {
    url: server.url,
    port: server.port,
    address: server.address,
    token,
    tokenFile,
    agents,
    venue,
    get connectionCount() {
      return server.connectionCount;
    },
    close: async () => {
      await server.close();
      hub.close();
      if (options.dataDir !== null) removeTokenFile(options.dataDir, token);
    },
  };
}

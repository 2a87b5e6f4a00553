/**
 * Builds connectors for the live venues that settings enable, with endpoints resolved from
 * DEPTHLINE_<VENUE>_WS_URL / _REST_URL, then the settings file, then the adapter's default.
 * A venue that is not enabled gets no connector and never dials out.
 */
import type { Settings } from '../config/settings';
import { resolveEndpoint } from '../config/endpoints';
import type { Clock, Logger, Timers } from '../core/ports';
import type { VenueDescriptor } from './catalog';
import { StreamConnector, type ConnectorEnv, type VenueConnector } from './kit';

export interface RegistryPorts {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  readonly env?: NodeJS.ProcessEnv;
  /** Extra connector settings (tests shorten timings). */
  readonly tuning?: Partial<ConnectorEnv>;
}

export function createConnectors(
  catalog: readonly VenueDescriptor[],
  settings: Settings,
  ports: RegistryPorts,
): Map<string, VenueConnector> {
  const out = new Map<string, VenueConnector>();
  for (const venue of catalog) {
    const adapter = venue.adapter;
    if (!adapter || settings.venues[venue.id]?.enabled !== true) continue;
    const env: ConnectorEnv = {
      wsUrl: resolveEndpoint(venue.id, 'ws', adapter.defaultWsUrl, settings, ports.env),
      restUrl: resolveEndpoint(venue.id, 'rest', adapter.defaultRestUrl, settings, ports.env),
      clock: ports.clock,
      timers: ports.timers,
      log: ports.log.child({ component: 'venue', venue: venue.id }),
      ...ports.tuning,
    };
    out.set(venue.id, new StreamConnector(adapter, env));
  }
  return out;
}

/** The symbols settings ask to watch, per enabled venue. */
export function configuredSymbols(settings: Settings): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const [id, venue] of Object.entries(settings.venues)) {
    if (venue.enabled === true && venue.symbols?.length) out.set(id, venue.symbols);
  }
  return out;
}

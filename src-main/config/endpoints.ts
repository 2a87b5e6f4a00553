/**
 * Venue endpoints are settings, so testnets and local replay servers need no code change.
 * Precedence: DEPTHLINE_<VENUE>_WS_URL / _REST_URL (venue id upper-cased, '-' as '_'), then
 * the settings file, then the connector's production default.
 */
import type { Settings } from './settings';

export type EndpointKind = 'ws' | 'rest';

export function endpointEnvName(venueId: string, kind: EndpointKind): string {
  return `DEPTHLINE_${venueId.toUpperCase().replace(/-/g, '_')}_${kind === 'ws' ? 'WS' : 'REST'}_URL`;
}

export function resolveEndpoint(
  venueId: string,
  kind: EndpointKind,
  fallback: string,
  settings: Settings,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const fromEnv = env[endpointEnvName(venueId, kind)];
  if (fromEnv) return fromEnv;
  const venue = settings.venues[venueId];
  const fromFile = kind === 'ws' ? venue?.wsUrl : venue?.restUrl;
  return fromFile ?? fallback;
}

/**
 * System use cases: what is running, which venues exist, and a ticking server clock. The clock
 * stream is deliberately simple: it proves a live value flows end to end over either transport.
 */
import type { VenueInfo } from '../../src-shared/contract';
import type { VenueId } from '../../src-shared/domain';
import { ok } from '../../src-shared/result';
import type { Clock, Timers } from '../core/ports';
import type { Settings } from '../config/settings';
import type { RequestHandler, StreamOpener } from '../rpc/handlers';
import type { VenueDescriptor } from '../venues/catalog';

export interface SystemServiceDeps {
  readonly clock: Clock;
  readonly timers: Timers;
  readonly runtime: 'electron' | 'headless';
  readonly version: string;
  readonly settings: Settings;
  readonly catalog: readonly VenueDescriptor[];
  /** Live status of an enabled venue, from its connector (absent: not running). */
  readonly venueStatus?: (venueId: string) => VenueInfo['status'] | undefined;
}

export function createSystemService(deps: SystemServiceDeps) {
  const startedAt = deps.clock.now();
  const startedMono = deps.clock.monotonic();
  const clockState = () => ({
    serverTime: deps.clock.now(),
    uptimeMs: Math.max(0, Math.round(deps.clock.monotonic() - startedMono)),
  });

  const info: RequestHandler<'system.info'> = () =>
    ok({ app: 'Depthline', version: deps.version, runtime: deps.runtime, startedAt });

  const venues: RequestHandler<'venues.list'> = () =>
    ok(
      deps.catalog.map((venue): VenueInfo => {
        // The simulated venue is always on; live venues are opt-in through settings.
        const enabled = venue.kind === 'simulated' || deps.settings.venues[venue.id]?.enabled === true;
        return {
          id: venue.id as VenueId,
          name: venue.name,
          kind: venue.kind,
          enabled,
          capabilities: venue.capabilities,
          status: !enabled
            ? 'disabled'
            : venue.kind === 'simulated'
              ? 'live'
              : (deps.venueStatus?.(venue.id) ?? 'idle'),
        };
      }),
    );

  const clock: StreamOpener<'system.clock'> = (_params, emit) => {
    const stop = deps.timers.every(1000, () => emit(clockState()));
    return ok({ snapshot: clockState, dispose: stop });
  };

  return {
    requests: { 'system.info': info, 'venues.list': venues },
    streams: { 'system.clock': clock },
  } as const;
}

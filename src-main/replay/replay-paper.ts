/**
 * Paper trading during a replay: a paper venue `paper:replay:<venue>` over each replay venue, built
 * by the same code as the paper venues over live books (src-main/paper), fed by the replayed books
 * and prints, in the replay's time. Nothing is stored (a replay is a rehearsal): accounts live as
 * long as the loaded recording. Fees are the recorded venue's paper fees. The user trades as "you"
 * with the paper starting capital.
 */
import type { Settings } from '../config/settings';
import type { Clock, Logger, Timers } from '../core/ports';
import { createPaperVenues } from '../paper/create';
import { feesFor } from '../paper/fees';
import type { VenuePort } from '../gateway/venue-port';
import type { DecimalString } from '../../src-shared/domain';
import type { ReplayVenueConnector } from './replay-venue';

export interface ReplayPaperVenue {
  readonly venueId: string;
  readonly name: string;
  readonly port: VenuePort;
  /** The user's agent, once the venue is up. */
  userAgentId(): string | null;
}

export interface ReplayPaper {
  readonly venues: readonly ReplayPaperVenue[];
  /** Resolves when every paper venue is up and the user registered on it. */
  readonly ready: Promise<void>;
  stop(): void;
}

export function createReplayPaper(
  connectors: readonly ReplayVenueConnector[],
  deps: { settings: Settings; clock: Clock; timers: Timers; log: Logger },
): ReplayPaper {
  const venues: Settings['venues'] = {};
  const paperVenues: Settings['paper']['venues'] = {};
  for (const c of connectors) {
    venues[c.venue] = { enabled: true, symbols: [...c.watched()] };
    const fees = feesFor(c.recordedVenue, deps.settings.paper.venues[c.recordedVenue]);
    paperVenues[c.venue] = { makerFee: fees.maker, takerFee: fees.taker };
  }
  const created = createPaperVenues({
    settings: {
      ...deps.settings,
      venues,
      paper: { ...deps.settings.paper, enabled: true, venues: paperVenues },
    },
    connectors: new Map(connectors.map((c) => [c.venue, c])),
    clock: deps.clock,
    timers: deps.timers,
    log: deps.log,
  });
  const users = new Map<string, string>();
  const list: ReplayPaperVenue[] = created.venues.map((port) => ({
    venueId: port.venueId,
    name: `Paper on ${connectors.find((c) => `paper:${c.venue}` === port.venueId)?.name ?? port.venueId}`,
    port,
    userAgentId: () => users.get(port.venueId) ?? null,
  }));
  const ready = created.start(null).then(async () => {
    for (const venue of list) {
      const registered = await venue.port.registerAgent({
        name: 'you',
        startingCapital: deps.settings.paper.startingCapital as DecimalString,
      });
      if (registered.ok) users.set(venue.venueId, registered.value.agentId);
      else
        deps.log.warn('replay paper: no account for you', { venue: venue.venueId, error: registered.error });
    }
  });
  return { venues: list, ready, stop: () => created.stop() };
}

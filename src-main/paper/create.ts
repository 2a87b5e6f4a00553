/**
 * Paper venues for the composition root: one `paper:<id>` venue per enabled live venue (unless
 * `paper.enabled` is false), each a PaperVenue wrapped by the trigger layer (stops, brackets),
 * sharing the paper venue's order-id space and ledger. `start()` brings each one up when its live
 * venue's instrument metadata arrives (retrying while the venue is unreachable) and never rejects;
 * a venue that cannot start stays unavailable and says why in every answer.
 */
import type { Settings } from '../config/settings';
import type { Clock, Disposer, Logger, Timers } from '../core/ports';
import type { StoredVenueState } from '../store/read/venue-state';
import { EMPTY_VENUE_STATE } from '../store/read/venue-state';
import { TriggerVenue } from '../trading/triggers/trigger-venue';
import { type VenuePort } from '../gateway/venue-port';
import type { Instrument, VenueConnector } from '../venues/kit';
import { feesFor } from './fees';
import { planInstruments } from './instruments';
import { TRIGGER_STATUSES, type LedgerSink } from './journal';
import { PaperVenue } from './paper-venue';

/** Order statuses a restart reads back: open paper orders and live trigger orders. */
export const RESTORED_STATUSES: readonly string[] = [
  'open',
  ...TRIGGER_STATUSES.filter((s) => s !== 'trigger_canceled'),
];

export interface PaperStore {
  readonly sink: LedgerSink;
  /** What the ledger holds for a paper venue id (RESTORED_STATUSES orders, trigger events). */
  read(venueId: string): StoredVenueState;
}

export interface PaperVenuesDeps {
  readonly settings: Settings;
  readonly connectors: ReadonlyMap<string, VenueConnector>;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  /** Delay between start attempts while a live venue is unreachable (default 5 s). */
  readonly retryMs?: number;
}

export interface PaperVenues {
  /** Paper venues as the port bots and the trading service use (trigger layer included). */
  readonly venues: readonly VenuePort[];
  /** The paper venues themselves (tests and diagnostics). */
  readonly paper: ReadonlyMap<string, PaperVenue>;
  /**
   * Restores from `store` and starts every paper venue; resolves when each is ready or has said
   * why not. Without a store paper state lives in memory only (tests).
   */
  start(store: PaperStore | null): Promise<void>;
  stop(): void;
}

export function createPaperVenues(deps: PaperVenuesDeps): PaperVenues {
  const paper = new Map<string, PaperVenue>();
  const wrapped = new Map<string, TriggerVenue>();
  if (deps.settings.paper.enabled) {
    for (const [id, connector] of deps.connectors) {
      const venue = new PaperVenue({
        liveVenue: id,
        connector,
        clock: deps.clock,
        log: deps.log.child({ venue: `paper:${id}` }),
      });
      paper.set(venue.venueId, venue);
      wrapped.set(
        venue.venueId,
        new TriggerVenue({
          inner: venue,
          now: () => deps.clock.now(),
          ids: () => venue.allocateOrderId(),
          store: venue,
          log: deps.log.child({ venue: venue.venueId, component: 'triggers' }),
        }),
      );
    }
  }
  const pending: Disposer[] = [];
  let stopped = false;

  async function startOne(id: string, venue: PaperVenue, store: PaperStore | null): Promise<void> {
    const live = id.slice('paper:'.length);
    const connector = deps.connectors.get(live)!;
    const stored = store ? store.read(id) : EMPTY_VENUE_STATE;
    const configured = deps.settings.venues[live]?.symbols ?? [];
    const symbols = [...new Set([...stored.instruments.map((i) => i.symbol), ...configured])];
    for (;;) {
      if (stopped) return;
      const instruments: Instrument[] = [];
      let retry = false;
      for (const symbol of symbols) {
        const watched = await connector.watch(symbol);
        if (watched.ok) instruments.push(watched.value);
        else if (watched.error.retryable) retry = true;
        else deps.log.warn('paper: symbol not tradable', { venue: id, symbol, error: watched.error.message });
      }
      if (!retry) {
        const settings = deps.settings.paper.venues[live];
        const startingBalances = settings?.startingBalances ?? {};
        const plan = planInstruments(instruments, stored, feesFor(live, settings), startingBalances);
        for (const symbol of plan.missing)
          deps.log.warn('paper: recorded instrument no longer listed', { venue: id, symbol });
        const failed = venue.setup({
          plan,
          stored,
          model: deps.settings.paper.queue,
          quoteAsset: settings?.quoteAsset,
          startingBalances,
          sink: store?.sink ?? null,
        });
        if (failed === null) {
          wrapped.get(id)!.restore(venue.restoredTriggers);
          venue.follow();
        }
        return;
      }
      venue.setWaiting(`waiting for ${live} instrument metadata (the venue is unreachable; retrying)`);
      await new Promise<void>((resolve) => pending.push(deps.timers.after(deps.retryMs ?? 5000, resolve)));
    }
  }

  return {
    venues: [...wrapped.values()],
    paper,
    start: async (store) => {
      await Promise.all(
        [...paper].map(([id, venue]) =>
          startOne(id, venue, store).catch((cause: unknown) => {
            deps.log.error('paper venue failed to start', { venue: id, error: String(cause) });
          }),
        ),
      );
    },
    stop: () => {
      stopped = true;
      for (const dispose of pending.splice(0)) dispose();
      for (const venue of paper.values()) venue.stop();
    },
  };
}

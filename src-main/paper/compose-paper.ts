/**
 * Paper venues as the composition root builds them: created at once (so their ports exist from
 * the start and say "starting" until ready), then the ledger is opened through the store writer
 * thread and each venue restores and starts. The built app runs the writer from
 * `store-writer.js` next to its main bundle; a source run (tests) passes its own script or gets
 * paper venues that stay unavailable and say why.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Settings } from '../config/settings';
import type { Clock, Logger, Timers } from '../core/ports';
import type { StoreWriter, WorkerScript } from '../store/writer/client';
import { type VenuePort } from '../gateway/venue-port';
import type { VenueConnector } from '../venues/kit';
import { createPaperVenues } from './create';
import { openPaperStore, type OpenedPaperStore } from './store';

export interface ComposePaperDeps {
  readonly settings: Settings;
  readonly connectors: ReadonlyMap<string, VenueConnector>;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly log: Logger;
  readonly dataDir: string;
  readonly sqliteBinding?: string | undefined;
  /** The store writer's worker entry; default: the built `store-writer.js` beside this bundle. */
  readonly storeWorker?: WorkerScript | undefined;
  /** The app's one ledger writer; when given, paper venues write through it (storeWorker unused). */
  readonly sharedWriter?: Promise<StoreWriter> | undefined;
}

export interface ComposedPaper {
  /** Each paper venue as bots and the trading service use it (trigger layer included). */
  readonly venues: readonly VenuePort[];
  /** Why a paper venue takes no orders right now (null when it does), by venue id. */
  unavailableReason(venueId: string): string | null;
  /** Resolves once every paper venue is ready or has said why it is not. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

export function composePaperVenues(deps: ComposePaperDeps): ComposedPaper {
  const created = createPaperVenues(deps);
  const unavailableReason = (id: string) => {
    const venue = created.paper.get(id);
    return venue ? venue.unavailableReason() : `no paper venue ${id}`;
  };
  if (created.venues.length === 0)
    return { venues: [], unavailableReason, ready: Promise.resolve(), stop: async () => {} };
  let opened: OpenedPaperStore | null = null;
  const ready = (async () => {
    const script = deps.sharedWriter
      ? { shared: deps.sharedWriter }
      : (deps.storeWorker ?? builtStoreWorker());
    if (!script) {
      const why = 'no ledger storage (store-writer.js not found): paper trading needs the built app';
      for (const venue of created.paper.values()) venue.setWaiting(why);
      deps.log.error('paper venues unavailable', { reason: why });
      return;
    }
    opened = await openPaperStore({
      dataDir: deps.dataDir,
      writer: script,
      nativeBinding: deps.sqliteBinding,
    });
    await created.start(opened.store);
  })().catch((cause: unknown) => {
    deps.log.error('paper venues failed to start', { error: String(cause) });
    for (const venue of created.paper.values())
      venue.setWaiting(`paper storage failed to open: ${String(cause)}`);
  });
  let settled = false;
  void ready.then(() => (settled = true));
  const close = () => (opened as OpenedPaperStore | null)?.close() ?? Promise.resolve();
  return {
    venues: created.venues,
    unavailableReason,
    ready,
    // A venue still waiting for its live venue must not hold up shutdown: its store closes when
    // the start attempt ends.
    stop: async () => {
      created.stop();
      if (settled) await close();
      else void ready.then(close);
    },
  };
}

function builtStoreWorker(): WorkerScript | null {
  const file = fileURLToPath(new URL('./store-writer.js', import.meta.url));
  return existsSync(file) ? { file } : null;
}

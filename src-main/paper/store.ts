/**
 * The paper venues' storage: the store writer thread (ledger rows, committed in batches, fsync'd)
 * and a read-only connection to read back what a paper venue recorded when it starts.
 */
import { join } from 'node:path';
import { openReadonly } from '../store/db';
import { LEDGER_FILE } from '../store/open-store';
import { readVenueState } from '../store/read/venue-state';
import { StoreWriter, type WorkerScript } from '../store/writer/client';
import { RESTORED_STATUSES, type PaperStore } from './create';
import { TRIGGER_EVENT } from './journal';

export interface OpenedPaperStore {
  readonly store: PaperStore;
  close(): Promise<void>;
}

export async function openPaperStore(options: {
  readonly dataDir: string;
  /** A script to start a writer of its own (closed with the store), or the app's shared writer. */
  readonly writer: WorkerScript | { readonly shared: Promise<StoreWriter> };
  readonly nativeBinding?: string | undefined;
}): Promise<OpenedPaperStore> {
  const source = options.writer;
  const own = !('shared' in source);
  const writer =
    'shared' in source
      ? await source.shared
      : await StoreWriter.start({
          dataDir: options.dataDir,
          script: source,
          nativeBinding: options.nativeBinding,
        });
  // The writer created and migrated the file; reads go through their own read-only handle.
  const db = openReadonly({
    file: join(options.dataDir, LEDGER_FILE),
    role: 'ledger',
    nativeBinding: options.nativeBinding,
  });
  return {
    store: {
      sink: { write: (ops) => writer.write(ops), whenCommitted: (ticket) => writer.whenCommitted(ticket) },
      read: (venueId) => readVenueState(db, venueId, RESTORED_STATUSES, TRIGGER_EVENT),
    },
    close: async () => {
      db.close();
      if (own) await writer.close();
    },
  };
}

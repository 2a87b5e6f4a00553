/**
 * The venues the user can trade on (`trading.venues`), shared by every trading panel and polled
 * every few seconds while anything reads it: venues become available after start-up (the
 * simulated venue replays its journal, a paper venue waits for its live venue's metadata), so a
 * list fetched once would keep saying "not available". Unchanged answers are not re-published,
 * so readers re-render only when the list really changes.
 */
import { useSyncExternalStore } from 'react';
import type { TradingVenue } from '../../../src-shared/contract';
import type { ContractClient } from '../../ipc/client';
import { useClient } from '../../ipc/hooks';
import { browserTimers, SharedSource } from '../../ipc/shared-source';

const POLL_MS = 3000;
const LINGER_MS = 1500;

export class TradingVenues extends SharedSource<readonly TradingVenue[] | undefined> {
  private timer: ReturnType<typeof setInterval> | undefined;
  private last = '';

  constructor(private readonly client: ContractClient) {
    super(undefined, browserTimers, LINGER_MS);
  }

  /** Fetches now (e.g. right after an order was refused as unavailable). */
  refresh = (): void => {
    void this.client.call('trading.venues', {}).then((result) => {
      if (!result.ok) return;
      const text = JSON.stringify(result.value);
      if (text === this.last) return;
      this.last = text;
      this.publish(result.value);
    });
  };

  protected start(): void {
    this.refresh();
    this.timer = setInterval(this.refresh, POLL_MS);
  }

  protected stop(): void {
    clearInterval(this.timer);
  }
}

const byClient = new WeakMap<ContractClient, TradingVenues>();

export function tradingVenuesOf(client: ContractClient): TradingVenues {
  let store = byClient.get(client);
  if (!store) {
    store = new TradingVenues(client);
    byClient.set(client, store);
  }
  return store;
}

/** Every trading venue, or undefined until the first answer. */
export function useTradingVenues(): readonly TradingVenue[] | undefined {
  const store = tradingVenuesOf(useClient());
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}

/**
 * Bybit specifics against the fake: a delta with u == 1 (service restart) overwrites the book
 * instead of merging into it; a later unsolicited snapshot resets it too; neither counts as a
 * fault. A jump in u is a gap (our documented client policy) and triggers a resubscribe.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBybitConnector } from '../../../../src-main/venues/bybit/connector';
import type { StreamConnector } from '../../../../src-main/venues/kit';
import { startBybitFake } from '../../../support/fake-venues/bybit';
import { fastEnv } from '../../../support/fake-venues/driver';
import { waitFor } from '../../../support/fake-venues/server';

describe('Bybit connector', () => {
  let fake: Awaited<ReturnType<typeof startBybitFake>>;
  let connector: StreamConnector;
  afterEach(async () => {
    connector.stop();
    await fake.fake.server.stop();
  });

  async function start() {
    fake = await startBybitFake();
    const server = fake.fake.server;
    connector = createBybitConnector(
      fastEnv({ wsUrl: server.wsUrl('/v5/public/linear'), restUrl: server.httpUrl }),
    );
    expect((await connector.watch('btcusdt')).ok).toBe(true);
    await waitFor(() => connector.book('BTCUSDT'), 3000, 'live');
  }
  const inSync = () => {
    const book = connector.book('BTCUSDT');
    const truth = fake.fake.truth.top(50);
    return (
      book !== null &&
      JSON.stringify(book.bids.top(50).map((l) => [l.ticks, l.lots])) === JSON.stringify(truth.bids) &&
      JSON.stringify(book.asks.top(50).map((l) => [l.ticks, l.lots])) === JSON.stringify(truth.asks)
    );
  };
  const faults = () => Object.values(connector.health().books[0]!.resyncs).reduce((a, b) => a + b, 0);

  it('overwrites the book on u == 1 (restart), dropping levels the venue lost', async () => {
    await start();
    fake.control.emit(10);
    await waitFor(inSync, 3000, 'in sync');
    // The restart loses a resting level without any delete message.
    const lost = Math.max(...fake.fake.truth.bids.keys());
    fake.fake.truth.bids.delete(lost);
    fake.options.restartNext = true;
    fake.control.emit(1);
    await waitFor(() => connector.lastId('BTCUSDT') === 1, 3000, 'restart applied');
    expect(connector.book('BTCUSDT')!.bids.best()!.ticks).not.toBe(lost);
    fake.control.emit(5);
    await waitFor(inSync, 3000, 'in sync after restart');
    expect(faults()).toBe(0);
  });

  it('treats a jump in u as a gap and resubscribes', async () => {
    await start();
    const snapshots = fake.fake.snapshots;
    fake.control.dropOne();
    fake.control.emit(1);
    await waitFor(() => connector.health().books[0]!.resyncs.gap === 1, 3000, 'gap');
    await waitFor(() => fake.fake.snapshots > snapshots && inSync(), 3000, 'resubscribed');
  });

  it('keeps pinging with op ping', async () => {
    await start();
    await waitFor(() => fake.fake.server.connections[0]!.received.includes('{"op":"ping"}'), 2000, 'ping');
  });
});

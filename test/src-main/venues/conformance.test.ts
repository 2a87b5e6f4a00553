/**
 * One conformance suite over every connector, each against its local fake venue speaking the
 * venue's real protocol on 127.0.0.1: sync to the venue's book, then the failure modes of
 * reliability.md D (gap, duplicate, stale diff, crossed, malformed, silence and half-open socket,
 * disconnects 1000/1006/RST with backoff and resubscribe, REST 429 with Retry-After) and the
 * connector contract (book() only when valid, depth() says its path, typed trades, instruments
 * from metadata). In every test a witness checks, at every change the connector announces, that
 * a book offered as valid is a state the venue's book really had (test/support/fake-venues/witness).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StreamConnector, Trade } from '../../../src-main/venues/kit';
import { binanceDriver } from '../../support/fake-venues/binance';
import { bybitDriver } from '../../support/fake-venues/bybit';
import { coinbaseDriver } from '../../support/fake-venues/coinbase';
import { hyperliquidDriver } from '../../support/fake-venues/hyperliquid';
import { krakenDriver } from '../../support/fake-venues/kraken';
import { lighterDriver } from '../../support/fake-venues/lighter';
import { okxDriver } from '../../support/fake-venues/okx';
import { fastEnv, type FakeVenueControl, type VenueDriver } from '../../support/fake-venues/driver';
import { sleep, waitFor } from '../../support/fake-venues/server';
import { bookWitness, onFakeGrid, type BookWitness } from '../../support/fake-venues/witness';

const drivers: VenueDriver[] = [
  binanceDriver(false),
  binanceDriver(true),
  okxDriver,
  hyperliquidDriver,
  bybitDriver,
  lighterDriver,
  coinbaseDriver,
  krakenDriver,
];

describe.each(drivers)('$venue connector conformance', (driver) => {
  let fake: FakeVenueControl;
  let connector: StreamConnector;
  let witness: BookWitness;

  beforeEach(async () => {
    fake = await driver.start();
    connector = driver.connector(fake, fastEnv(driver.urls(fake)));
    witness = bookWitness(connector, fake);
  });
  afterEach(async () => {
    witness.stop();
    connector.stop();
    await fake.server.stop();
    // At every instant the book offered as valid was the venue's book.
    expect(witness.violations).toEqual([]);
  });

  /** Waits until the connector's live book equals the fake venue's truth (top 20). */
  async function synced(what = 'book to match the venue'): Promise<void> {
    await waitFor(
      () => {
        const book = connector.book(fake.symbol);
        if (!book) return false;
        const truth = fake.truthTop(20);
        return (
          JSON.stringify(onFakeGrid(book.instrument.grid, book.bids.top(20))) ===
            JSON.stringify(truth.bids) &&
          JSON.stringify(onFakeGrid(book.instrument.grid, book.asks.top(20))) === JSON.stringify(truth.asks)
        );
      },
      5000,
      what,
    );
  }

  async function watchAndSync(): Promise<void> {
    const watched = await connector.watch(fake.symbol);
    expect(watched.ok).toBe(true);
    await waitFor(() => fake.server.open().length > 0, 3000, 'socket');
    fake.emit(3);
    await synced('initial sync');
  }

  it('loads instruments with tick and lot sizes from venue metadata', async () => {
    const instruments = await connector.instruments();
    expect(instruments.ok).toBe(true);
    if (!instruments.ok) return;
    const inst = instruments.value.find((i) => i.symbol === fake.symbol);
    expect(inst).toBeDefined();
    expect(Number(inst!.grid.price.units)).toBeGreaterThan(0);
    expect((await connector.watch('NOPE-NOT-LISTED')).ok).toBe(false);
  });

  it('offers no book before the snapshot is validated, then exactly the venue book', async () => {
    expect(connector.book(fake.symbol)).toBeNull();
    await watchAndSync();
    fake.emit(50);
    await synced('after 50 diffs');
    const health = connector.health();
    expect(health.state).toBe('live');
    expect(health.books[0]!.status).toBe('live');
    expect(health.books[0]!.source).toBe('stream');
    expect(Object.values(health.books[0]!.resyncs).every((n) => n === 0)).toBe(true);
  });

  it.skipIf(driver.sequenced === false)(
    'detects a gap on the next message, never shows the old book as live, and resyncs',
    async () => {
      await watchAndSync();
      // Move past the snapshot so the gap is found by the live continuity rule.
      fake.emit(3);
      await synced('live diffs');
      const snapshotsBefore = fake.snapshotsServed();
      fake.dropOne();
      const statuses: string[] = [];
      const off = connector.onBookChange(() => statuses.push(connector.bookState(fake.symbol)!.status));
      fake.emit(1);
      const cause = driver.gapCause ?? 'gap';
      await waitFor(() => connector.health().books[0]!.resyncs[cause] === 1, 3000, `${cause} detected`);
      // From detection until the resync, no book is offered.
      if (connector.health().books[0]!.status !== 'live') expect(connector.book(fake.symbol)).toBeNull();
      fake.emit(2);
      await synced('resynced after gap');
      expect(statuses).toContain('resyncing');
      expect(fake.snapshotsServed()).toBeGreaterThan(snapshotsBefore);
      off();
    },
  );

  it.skipIf(driver.sequenced === false)(
    'is valid again after a gap within one recovery round trip plus the one message that revealed it',
    async () => {
      await watchAndSync();
      fake.emit(3);
      await synced('live diffs');
      const snapshots = fake.snapshotsServed();
      const subscribes = fake.subscribeRequests();
      const restBefore = fake.server.restLog.length;
      const statuses: string[] = [];
      const off = connector.onBookChange(() => statuses.push(connector.bookState(fake.symbol)!.status));
      fake.dropOne();
      // Exactly one stream message after the gap; nothing more is sent until the book is valid.
      fake.emit(1);
      await synced('valid again with no further stream message');
      off();
      expect(statuses[0]).toBe('resyncing');
      expect(statuses.at(-1)).toBe('live');
      // One recovery round trip: one snapshot (a REST request, or a resubscribe answered by one
      // snapshot frame), and no other REST request.
      expect(fake.snapshotsServed() - snapshots).toBe(1);
      expect(fake.server.restLog.length - restBefore).toBe(driver.restSnapshots ? 1 : 0);
      expect(fake.subscribeRequests() - subscribes).toBe(driver.restSnapshots ? 0 : 1);
    },
  );

  it.skipIf(driver.staleDiff === undefined)(
    'handles a stale diff (an older frame again): never applied to the book',
    async () => {
      await watchAndSync();
      fake.emit(4);
      await synced('live diffs');
      fake.replayStale();
      fake.emit(2);
      await synced('in sync after the stale diff');
      const resyncs = connector.health().books[0]!.resyncs;
      if (driver.staleDiff === 'dropped') expect(Object.values(resyncs).every((n) => n === 0)).toBe(true);
      else expect(resyncs.gap).toBe(1);
    },
  );

  it.runIf(driver.sequenced === false)(
    'recovers from a lost push with the next snapshot (nothing to chain)',
    async () => {
      await watchAndSync();
      fake.dropOne();
      fake.emit(1);
      await synced('next snapshot replaces the book');
      expect(Object.values(connector.health().books[0]!.resyncs).every((n) => n === 0)).toBe(true);
    },
  );

  it('drops duplicate diffs without changing the book or resyncing', async () => {
    await watchAndSync();
    fake.duplicateLast();
    fake.duplicateLast();
    fake.emit(2);
    await synced('after duplicates');
    const resyncs = connector.health().books[0]!.resyncs;
    expect(resyncs.gap + resyncs.crossed + resyncs.checksum).toBe(0);
  });

  it('flags a crossed book from the feed and resyncs', async () => {
    await watchAndSync();
    fake.emitCrossed();
    await waitFor(() => connector.health().books[0]!.resyncs.crossed >= 1, 3000, 'crossed detected');
    fake.emit(2);
    await synced('resynced after crossed book');
  });

  it('counts malformed frames and never applies them', async () => {
    await watchAndSync();
    fake.server.broadcast('{"not json');
    fake.server.broadcast(JSON.stringify({ totally: 'unexpected' }));
    await waitFor(() => connector.malformed >= 2, 2000, 'malformed counted');
    fake.emit(2);
    await synced('still in sync');
    expect(connector.health().books[0]!.status).toBe('live');
  });

  it('marks the book stale within silence + 1 s on a half-open socket, then reconnects and resyncs', async () => {
    await watchAndSync();
    const connectionsBefore = fake.server.connections.length;
    fake.server.silent = true;
    const silentAt = Date.now();
    await waitFor(() => connector.bookState(fake.symbol)!.status === 'stale', 2000, 'stale status');
    expect(Date.now() - silentAt).toBeLessThan(800 + 1000);
    expect(connector.book(fake.symbol)).toBeNull();
    // The last valid levels stay visible (greyed) while stale.
    expect(connector.bookState(fake.symbol)!.reader).not.toBeNull();
    fake.server.silent = false;
    await waitFor(() => fake.server.connections.length > connectionsBefore, 3000, 'reconnect');
    fake.emit(2);
    await synced('resynced after stale feed');
    expect(connector.health().books[0]!.resyncs.stale).toBe(1);
  });

  it.each([
    ['close 1000', (f: FakeVenueControl) => f.server.closeAll(1000)],
    ['close 1006 (no close frame)', (f: FakeVenueControl) => f.server.terminateAll()],
    ['TCP reset', (f: FakeVenueControl) => f.server.resetAll()],
  ])('reconnects after %s, resubscribes and resyncs', async (_name, drop) => {
    await watchAndSync();
    const subscribesBefore = fake.subscribeRequests();
    const connectionsBefore = fake.server.connections.length;
    drop(fake);
    await waitFor(() => connector.bookState(fake.symbol)!.status !== 'live', 2000, 'book not live');
    await waitFor(
      () => fake.server.open().length > 0 && fake.server.connections.length > connectionsBefore,
      3000,
    );
    await waitFor(() => fake.subscribeRequests() > subscribesBefore, 2000, 'resubscribed');
    fake.emit(2);
    await synced('resynced after disconnect');
    expect(connector.health().books[0]!.resyncs.reconnect).toBe(1);
    expect(connector.health().reconnects).toBe(1);
  });

  it('backs off with jitter and a cap while the venue refuses connections, without a storm', async () => {
    await watchAndSync();
    fake.server.refuse = true;
    const before = fake.server.connectAttempts.length;
    fake.server.terminateAll();
    await sleep(1200);
    const primary = new URL(driver.urls(fake).wsUrl).pathname;
    const attempts = fake.server.connectAttempts
      .slice(before)
      .filter((a) => a.path === primary)
      .map((a) => a.at);
    // Backoff 20 ms doubling to a 200 ms cap: roughly 5 + 1000/200 attempts in 1.2 s, never 60.
    // Only bounds a loaded machine cannot break are asserted here (timers fire late, never
    // early); the cap itself is checked exactly on the policy (kit/backoff-rest.test.ts).
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts.length).toBeLessThan(16);
    const gaps = attempts.slice(1).map((t, i) => t - attempts[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(12);
    expect(gaps[gaps.length - 1]!).toBeGreaterThanOrEqual(20);
    fake.server.refuse = false;
    await waitFor(() => fake.server.open().length > 0, 3000, 'reconnected');
    fake.emit(2);
    await synced('resynced after refusals');
    const subscribes = fake.subscribeRequests();
    expect(subscribes).toBeLessThan(10);
  });

  it('serves depth from the stream book when valid and from REST otherwise, counting fallbacks', async () => {
    const cold = await connector.depth(fake.symbol, 5);
    expect(cold.ok && cold.value.source).toBe('rest');
    await watchAndSync();
    const warm = await connector.depth(fake.symbol, 5);
    expect(warm.ok && warm.value.source).toBe('stream');
    if (warm.ok) expect(warm.value.bids).toHaveLength(5);
    fake.server.silent = true;
    await waitFor(() => connector.bookState(fake.symbol)!.status !== 'live', 2000);
    const fallback = await connector.depth(fake.symbol, 5);
    expect(fallback.ok && fallback.value.source).toBe('rest');
    expect(connector.health().books[0]!.restFallbacks).toBeGreaterThanOrEqual(1);
  });

  it('honours HTTP 429 Retry-After on REST: refused at once, nothing sent until it has passed', async () => {
    expect((await connector.instruments()).ok).toBe(true);
    fake.server.rateLimit(1, 1);
    const limited = await connector.depth(fake.symbol, 5);
    expect(limited.ok || limited.error.code).toBe('RATE_LIMITED');
    const sent = fake.server.restLog.length;
    const blocked = await connector.depth(fake.symbol, 5);
    expect(blocked.ok || blocked.error.code).toBe('RATE_LIMITED');
    expect(fake.server.restLog.length).toBe(sent);
    await sleep(1050);
    const after = await connector.depth(fake.symbol, 5);
    expect(after.ok && after.value.source).toBe('rest');
  });

  it('emits trades as typed events with decimal strings', async () => {
    const trades: Trade[] = [];
    connector.onTrades((batch) => trades.push(...batch));
    await watchAndSync();
    await waitFor(() => connector.capabilities.trades && fake.server.open().length > 0);
    await sleep(50);
    fake.emitTrade();
    await waitFor(() => trades.length > 0, 2000, 'a trade');
    const trade = trades[0]!;
    expect(trade.venue).toBe(driver.venue);
    expect(trade.symbol).toBe(fake.symbol);
    expect(trade.price).toMatch(/^\d+(\.\d+)?$/);
    expect(trade.size).toMatch(/^\d+(\.\d+)?$/);
    expect(['buy', 'sell']).toContain(trade.side);
  });
});

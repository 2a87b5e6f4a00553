/**
 * Record and replay, over every connector against its fake venue: a live session (sync, trades,
 * a lost message and the resync it causes, more updates) is recorded through the connector's tap;
 * the recording is replayed through the same connector code fed from the stored frames. The book
 * fingerprint just before every frame must be the same live and replayed, replayed twice (as fast
 * as possible, and at 1x on a manual clock), and the final books must equal the live ones.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { bookHash } from '../../../src-main/replay/book-hash';
import type { ReplaySession } from '../../../src-main/replay/session';
import type { FrameTap, StreamConnector } from '../../../src-main/venues/kit';
import { binanceDriver } from '../../support/fake-venues/binance';
import { bybitDriver } from '../../support/fake-venues/bybit';
import { coinbaseDriver } from '../../support/fake-venues/coinbase';
import { fastEnv, type FakeVenueControl, type VenueDriver } from '../../support/fake-venues/driver';
import { hyperliquidDriver } from '../../support/fake-venues/hyperliquid';
import { krakenDriver } from '../../support/fake-venues/kraken';
import { lighterDriver } from '../../support/fake-venues/lighter';
import { okxDriver } from '../../support/fake-venues/okx';
import { waitFor } from '../../support/fake-venues/server';
import { recordingHarness, replayAll } from '../../support/recording';

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

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const clean of cleanups.splice(0).reverse()) await clean();
});

/** The connector offers a live book with as many levels as the venue's truth shows (top 20). */
function liveBook(connector: StreamConnector, fake: FakeVenueControl): boolean {
  const book = connector.book(fake.symbol);
  if (!book) return false;
  const truth = fake.truthTop(20);
  return book.bids.top(20).length === truth.bids.length && book.asks.top(20).length === truth.asks.length;
}

describe.each(drivers)('$venue: recorded session replays into the same books', (driver) => {
  it('gives the live fingerprints at every frame, twice, at max and at 1x', async () => {
    const fake = await driver.start();
    cleanups.push(() => fake.server.stop());
    const harness = await recordingHarness();
    cleanups.push(() => harness.close());
    const live: string[] = [];
    let connector: StreamConnector | null = null;
    const tap: FrameTap = {
      get active() {
        return harness.recorder.active;
      },
      frame(venue, stream, payload, at) {
        live.push(bookHash(connector?.bookState(fake.symbol) ?? null));
        harness.recorder.frame(venue, stream, payload, at);
      },
    };
    connector = driver.connector(fake, fastEnv(driver.urls(fake), { tap }));
    const c = connector;
    cleanups.push(() => c.stop());
    harness.recorder.setTargets([c], null);
    const started = harness.recorder.start('conformance');
    expect(started.ok).toBe(true);
    const id = started.ok ? started.value.id! : 0;

    expect((await c.watch(fake.symbol)).ok).toBe(true);
    await waitFor(() => fake.server.open().length > 0, 3000, 'socket');
    fake.emit(3);
    await waitFor(() => c.book(fake.symbol) !== null && liveBook(c, fake), 5000, 'initial sync');
    fake.emitTrade();
    fake.emit(4);
    fake.dropOne();
    // A lost update shows at the next message (Kraken: at the next one that changes its top 10).
    const resyncs = () => Object.values(c.health().books[0]!.resyncs).reduce((a, b) => a + b, 0);
    for (let i = 0; i < 20 && resyncs() === 0; i++) {
      fake.emit(1);
      await new Promise((r) => setTimeout(r, 30));
    }
    // (Kraken only sees a loss through its top-10 checksum: a change below it can go unnoticed.)
    if (driver.sequenced !== false && driver.gapCause !== 'checksum') expect(resyncs()).toBeGreaterThan(0);
    await waitFor(() => c.book(fake.symbol) !== null && liveBook(c, fake), 5000, 'resynced');
    fake.emit(5);
    await new Promise((r) => setTimeout(r, 150));
    const liveFinal = bookHash(c.bookState(fake.symbol));
    expect(harness.recorder.stop().ok).toBe(true);
    c.stop();
    await harness.writer.flush();

    const observe = (session: ReplaySession) => bookHash(session.connectors[0]!.bookState(fake.symbol));
    const fast = await replayAll(harness.dataDir, id, 'max', observe);
    expect(fast.items).toBe(live.length);
    expect(fast.before).toEqual(live);
    expect(fast.final).toBe(liveFinal);
    expect(liveFinal).not.toBe(bookHash(null));

    const again = await replayAll(harness.dataDir, id, 1, observe, 5);
    expect(again.before).toEqual(fast.before);
    expect(again.final).toBe(fast.final);
  });
});

describe.each([binanceDriver(false), okxDriver])('$venue: recording started mid-session', (driver) => {
  it('reconnects once, and the replay matches the live book from its first live book on', async () => {
    const fake = await driver.start();
    cleanups.push(() => fake.server.stop());
    const harness = await recordingHarness();
    cleanups.push(() => harness.close());
    const live: string[] = [];
    let connector: StreamConnector | null = null;
    const tap: FrameTap = {
      get active() {
        return harness.recorder.active;
      },
      frame(venue, stream, payload, at) {
        live.push(bookHash(connector?.bookState(fake.symbol) ?? null));
        harness.recorder.frame(venue, stream, payload, at);
      },
    };
    connector = driver.connector(fake, fastEnv(driver.urls(fake), { tap }));
    const c = connector;
    cleanups.push(() => c.stop());
    harness.recorder.setTargets([c], null);
    expect((await c.watch(fake.symbol)).ok).toBe(true);
    await waitFor(() => fake.server.open().length > 0, 3000, 'socket');
    fake.emit(3);
    await waitFor(() => liveBook(c, fake), 5000, 'initial sync');
    const connectionsBefore = c.health().reconnects;

    const started = harness.recorder.start('mid-session');
    expect(started.ok).toBe(true);
    await waitFor(() => c.health().reconnects > connectionsBefore, 5000, 'reconnect for the recording');
    await waitFor(() => fake.server.open().length > 0, 3000, 'socket again');
    fake.emit(4);
    await waitFor(() => liveBook(c, fake), 5000, 'resync after the reconnect');
    fake.emit(6);
    await new Promise((r) => setTimeout(r, 150));
    const liveFinal = bookHash(c.bookState(fake.symbol));
    expect(harness.recorder.stop().ok).toBe(true);
    c.stop();
    await harness.writer.flush();

    const replayed = await replayAll(harness.dataDir, started.ok ? started.value.id! : 0, 'max', (session) =>
      JSON.stringify(session.connectors[0]!.bookState(fake.symbol)?.status ?? 'none'),
    );
    const hashes = await replayAll(harness.dataDir, started.ok ? started.value.id! : 0, 'max', (session) =>
      bookHash(session.connectors[0]!.bookState(fake.symbol)),
    );
    expect(hashes.items).toBe(live.length);
    const firstLive = replayed.before.indexOf('"live"');
    expect(firstLive).toBeGreaterThan(0);
    expect(hashes.before.slice(firstLive)).toEqual(live.slice(firstLive));
    expect(hashes.final).toBe(liveFinal);
  });
});

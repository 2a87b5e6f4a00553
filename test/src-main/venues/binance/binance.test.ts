/**
 * Binance REST-snapshot specifics against the fake: the snapshot/diff race (a snapshot older than
 * the buffered stream is fetched again), HTTP 429 with Retry-After honoured (no request before
 * it expires), and bounded snapshot retries (three quick, then exponential backoff).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createBinanceConnector } from '../../../../src-main/venues/binance/connector';
import type { StreamConnector } from '../../../../src-main/venues/kit';
import { FakeBinance } from '../../../support/fake-venues/binance';
import { fastEnv } from '../../../support/fake-venues/driver';
import { FakeServer, waitFor } from '../../../support/fake-venues/server';

describe('Binance connector REST discipline', () => {
  let server: FakeServer;
  let fake: FakeBinance;
  let connector: StreamConnector;
  afterEach(async () => {
    connector.stop();
    await server.stop();
  });

  async function start() {
    server = await FakeServer.start();
    fake = new FakeBinance(server);
    connector = createBinanceConnector(fastEnv({ wsUrl: server.wsUrl('/stream'), restUrl: server.httpUrl }));
  }
  const depthCalls = () => server.restLog.filter((r) => r.path === '/api/v3/depth');
  const inSync = () => {
    const book = connector.book('BTCUSDT');
    const truth = fake.state().truth.top(20);
    return (
      book !== null &&
      JSON.stringify(book.bids.top(20).map((l) => [l.ticks, l.lots])) === JSON.stringify(truth.bids) &&
      JSON.stringify(book.asks.top(20).map((l) => [l.ticks, l.lots])) === JSON.stringify(truth.asks)
    );
  };

  it('refetches a snapshot that is older than the first buffered event', async () => {
    await start();
    fake.emit(10); // history at the venue before we subscribe
    fake.depthPlan.push('old');
    expect((await connector.watch('BTCUSDT')).ok).toBe(true);
    await waitFor(() => server.open().length > 0, 2000);
    fake.emit(3);
    await waitFor(inSync, 3000, 'in sync');
    const calls = depthCalls();
    expect(calls.length).toBe(2);
    expect(connector.health().books[0]!.resyncs.gap).toBe(0);
    expect(connector.lastId('BTCUSDT')).toBe(fake.state().id);
  });

  it('honours HTTP 429 Retry-After: no depth request until it has passed', async () => {
    await start();
    fake.retryAfterSeconds = 1;
    fake.depthPlan.push('429');
    expect((await connector.watch('BTCUSDT')).ok).toBe(true);
    await waitFor(() => server.open().length > 0, 2000);
    fake.emit(3);
    await waitFor(() => depthCalls().length >= 1, 2000, 'first depth call');
    await waitFor(
      () => connector.bookState('BTCUSDT')!.status === 'invalid',
      1000,
      'invalid while rate limited',
    );
    const denied = depthCalls()[0]!;
    expect(denied.status).toBe(429);
    // The REST fallback path refuses locally too, without touching the venue.
    const fallback = await connector.depth('BTCUSDT', 5);
    expect(fallback.ok || fallback.error.code).toBe('RATE_LIMITED');
    fake.emit(2);
    await waitFor(inSync, 4000, 'in sync after Retry-After');
    const calls = depthCalls();
    expect(calls.length).toBe(2);
    expect(calls[1]!.at - denied.at).toBeGreaterThanOrEqual(950);
  });

  it('retries a failing snapshot three times quickly, then backs off', async () => {
    await start();
    fake.depthPlan.push('500', '500', '500', '500', '500');
    expect((await connector.watch('BTCUSDT')).ok).toBe(true);
    await waitFor(() => server.open().length > 0, 2000);
    fake.emit(3);
    await waitFor(() => depthCalls().length >= 6, 4000, 'six depth calls');
    await waitFor(inSync, 3000, 'in sync after failures');
    const at = depthCalls().map((c) => c.at);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    // Quick retries after 0, 20 and 40 ms; then exponential backoff from 40 ms, jittered into
    // [d/2, d] (the test's random() is 0.5, so 30 ms then 60 ms): each wait doubles.
    expect(gaps.slice(0, 3).every((g) => g < 150)).toBe(true);
    // Timers never fire early, so these lower bounds hold on a loaded machine too.
    expect(gaps[3]!).toBeGreaterThanOrEqual(29);
    expect(gaps[4]!).toBeGreaterThanOrEqual(59);
  });
});

describe('Binance connector under a busy stream while REST fails', () => {
  it('does not turn every buffered diff into a snapshot request', async () => {
    const server = await FakeServer.start();
    const fake = new FakeBinance(server);
    const connector = createBinanceConnector(
      fastEnv({ wsUrl: server.wsUrl('/stream'), restUrl: server.httpUrl }),
    );
    try {
      fake.depthPlan.push(...Array.from({ length: 50 }, () => '500' as const));
      expect((await connector.watch('BTCUSDT')).ok).toBe(true);
      await waitFor(() => server.open().length > 0, 2000);
      fake.pump(2);
      await new Promise((r) => setTimeout(r, 600));
      fake.stopPump();
      const calls = server.restLog.filter((r) => r.path === '/api/v3/depth').length;
      // ~300 diffs arrived; requests follow the schedule (3 quick, then 40/80/160/300 ms).
      expect(calls).toBeGreaterThanOrEqual(4);
      expect(calls).toBeLessThanOrEqual(9);
      expect(connector.bookState('BTCUSDT')!.status).toBe('invalid');
    } finally {
      connector.stop();
      await server.stop();
    }
  });
});

describe('Binance connector REST audit', () => {
  it('compares the live book with REST snapshots and counts matches, without resyncing on a mismatch', async () => {
    const server = await FakeServer.start();
    const fake = new FakeBinance(server);
    const connector = createBinanceConnector(
      fastEnv({ wsUrl: server.wsUrl('/stream'), restUrl: server.httpUrl }, { auditEveryMs: 60 }),
    );
    try {
      expect((await connector.watch('BTCUSDT')).ok).toBe(true);
      await waitFor(() => server.open().length > 0, 2000);
      fake.emit(5);
      await waitFor(() => connector.book('BTCUSDT'), 3000, 'live');
      const audits = () => connector.health().books[0]!.audits;
      await waitFor(() => audits().runs >= 2, 3000, 'two audits');
      expect(audits().matched).toBe(audits().runs);
      // The venue's REST answer lags (an old snapshot): counted as a mismatch, not a resync.
      const before = audits();
      fake.depthPlan.push('old');
      await waitFor(() => audits().runs > before.runs + 1, 3000, 'audit of an old snapshot');
      expect(audits().matched).toBeLessThan(audits().runs);
      expect(Object.values(connector.health().books[0]!.resyncs).every((n) => n === 0)).toBe(true);
      expect(connector.book('BTCUSDT')).not.toBeNull();
    } finally {
      connector.stop();
      await server.stop();
    }
  });
});

/**
 * Offline is normal (issue 4, point 7): the real composition root with every live venue enabled
 * and every endpoint on a host that drops each connection (no network). The app starts, the
 * simulated venue works, each live venue shows offline with its next retry, and over ten
 * simulated minutes nothing loops or floods: attempts per venue follow the backoff and the log
 * stays a handful of lines per venue.
 */
import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeApp } from '../../../src-main/app/compose';
import { endpointEnvName } from '../../../src-main/config/endpoints';
import { SettingsSchema } from '../../../src-main/config/settings';
import { ManualClock, ManualTimers, type Logger, type LogFields } from '../../../src-main/core/ports';
import { VENUE_CATALOG } from '../../../src-main/venues/catalog';
import type { VenueHealth, VenueInfo } from '../../../src-shared/contract';
import { SOURCE_WORKER } from '../../support/store-worker';

const ctx = { transport: 'test', principal: 'user' } as const;

class CountingLogger implements Logger {
  readonly lines: Array<{ level: string; message: string; fields: LogFields }> = [];
  constructor(private readonly bindings: LogFields = {}) {}
  private push(level: string, message: string, fields: LogFields = {}) {
    this.lines.push({ level, message, fields: { ...this.bindings, ...fields } });
  }
  debug(m: string, f?: LogFields) {
    this.push('debug', m, f);
  }
  info(m: string, f?: LogFields) {
    this.push('info', m, f);
  }
  warn(m: string, f?: LogFields) {
    this.push('warn', m, f);
  }
  error(m: string, f?: LogFields) {
    this.push('error', m, f);
  }
  child(bindings: LogFields): Logger {
    const child = new CountingLogger({ ...this.bindings, ...bindings });
    (child as { lines: unknown }).lines = this.lines;
    return child;
  }
}

const realSleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('offline start', () => {
  const live = VENUE_CATALOG.filter((v) => v.kind === 'live');
  const saved = { ...process.env };
  let blackhole: Server;
  let attempts = 0;

  beforeAll(async () => {
    // Every connection is reset as soon as it speaks: nothing ever answers (as with no route to
    // the venue, the attempt fails at once; counted here).
    blackhole = createServer((socket) => {
      attempts += 1;
      socket.on('error', () => {});
      socket.once('data', () => socket.resetAndDestroy());
    });
    await new Promise<void>((r) => blackhole.listen(0, '127.0.0.1', r));
    const port = (blackhole.address() as AddressInfo).port;
    for (const v of live) {
      process.env[endpointEnvName(v.id, 'ws')] = `ws://127.0.0.1:${port}/ws`;
      process.env[endpointEnvName(v.id, 'rest')] = `http://127.0.0.1:${port}`;
    }
  });
  afterAll(async () => {
    process.env = { ...saved };
    await new Promise<void>((r) => blackhole.close(() => r()));
  });

  it('starts, trades on the simulated venue, shows live venues offline with their next retry, and never floods', async () => {
    const log = new CountingLogger();
    const clock = new ManualClock(1_700_000_000_000, 0);
    const timers = new ManualTimers();
    const settings = SettingsSchema.parse({
      venues: Object.fromEntries(live.map((v) => [v.id, { enabled: true, symbols: ['BTCUSDT'] }])),
      sim: { persistence: 'memory' },
    });
    const app = composeApp({
      runtime: 'headless',
      version: 't',
      dataDir: mkdtempSync(join(tmpdir(), 'depthline-offline-')),
      settings,
      clock,
      timers,
      log,
      storeWorker: SOURCE_WORKER,
    });
    const tick = async (ms: number) => {
      clock.advance(ms);
      timers.advance(ms);
      await realSleep(3);
    };
    try {
      await app.ready;
      // Ten simulated minutes offline, a second at a time, with real time for sockets to fail.
      for (let s = 0; s < 600; s++) await tick(1000);

      // Attempts still under way settle in real time (the clock stands still meanwhile).
      const healthNow = () => {
        const opened = app.implementation.streams['market.health']({}, () => {}, ctx);
        if (!opened.ok) throw new Error(opened.error.message);
        const snapshot = opened.value.snapshot() as unknown as { venues: VenueHealth[] };
        opened.value.dispose();
        return live.map((v) => snapshot.venues.find((x) => x.venue === v.id)!);
      };
      for (let i = 0; i < 500 && healthNow().some((h) => (h.nextRetryAt ?? 0) <= clock.now()); i++) {
        await realSleep(10);
      }
      for (const h of healthNow()) {
        expect(h.state).toBe('down');
        expect(h.lastError).toMatch(/failed/);
        expect(h.nextRetryAt).toBeGreaterThan(clock.now());
        expect(h.nextRetryAt! - clock.now()).toBeLessThanOrEqual(60_000);
      }
      const venues = await app.server.call('venues.list', {}, ctx);
      expect(venues.ok).toBe(true);
      const list = venues.ok ? (venues.value as VenueInfo[]) : [];
      expect(list.find((v) => v.id === 'sim')?.status).toBe('live');
      for (const v of live) expect(list.find((x) => x.id === v.id)?.status).toBe('down');

      // The simulated venue trades.
      const order = await app.server.call(
        'trading.place',
        {
          venue: 'sim',
          symbol: 'BTC-USD',
          side: 'buy',
          type: 'limit',
          tif: 'GTC',
          price: '1000',
          quantity: '0.01',
        },
        ctx,
      );
      expect(order.ok && order.value).toMatchObject({ status: 'accepted' });

      // No crash loop, no flood: attempts follow the backoff (the caps are 30 s for sockets and
      // 60 s for metadata: about ten minutes / cap plus the first doublings per venue), and the log
      // says each venue is unreachable once or twice, not on every attempt.
      expect(attempts).toBeGreaterThanOrEqual(live.length);
      expect(attempts / live.length).toBeLessThan(30);
      const loud = log.lines.filter((l) => l.level !== 'debug');
      const perVenue = new Map<string, number>();
      for (const l of loud) {
        const venue = String(l.fields.venue ?? 'app');
        perVenue.set(venue, (perVenue.get(venue) ?? 0) + 1);
      }
      // Each venue says once that it is unreachable; retries are debug lines.
      for (const v of live) expect(perVenue.get(v.id) ?? 0).toBeGreaterThanOrEqual(1);
      expect(Math.max(...perVenue.values())).toBeLessThanOrEqual(3);
      expect(log.lines.filter((l) => l.level === 'error')).toEqual([]);
    } finally {
      await app.stop();
    }
  }, 60_000);
});

/**
 * The composition root wires market data from settings: live venues stay off (no connector, no
 * socket) unless enabled; an enabled venue uses DEPTHLINE_<VENUE>_WS_URL / _REST_URL and watches
 * the symbols settings list from start-up; stopping the app closes its venue sockets.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { composeApp, type AppEnvironment } from '../../../src-main/app/compose';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { silentLogger } from '../../../src-main/core/ports';
import { defaultSettings, SettingsSchema } from '../../../src-main/config/settings';
import type { VenueInfo } from '../../../src-shared/contract';
import { FakeBinance } from '../../support/fake-venues/binance';
import { FakeServer, waitFor } from '../../support/fake-venues/server';

const ctx = { transport: 'test', principal: 'user' } as const;
const env = (settings = defaultSettings()): AppEnvironment => ({
  runtime: 'headless',
  version: 't',
  dataDir: '/nonexistent',
  settings,
  clock: systemClock,
  timers: nodeTimers,
  log: silentLogger,
});

describe('composeApp market data', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('keeps every live venue off by default', async () => {
    const app = composeApp(env());
    const watch = await app.server.call('market.watch', { venue: 'binance', symbol: 'BTCUSDT' }, ctx);
    expect(watch.ok || watch.error.code).toBe('UNAVAILABLE');
    const venues = await app.server.call('venues.list', {}, ctx);
    expect(
      venues.ok && (venues.value as VenueInfo[]).filter((v) => v.kind === 'live' && v.status !== 'disabled'),
    ).toEqual([]);
    await app.stop();
  });

  it('connects an enabled venue at its configured endpoints and watches the configured symbols', async () => {
    const server = await FakeServer.start();
    const fake = new FakeBinance(server);
    process.env.DEPTHLINE_BINANCE_WS_URL = server.wsUrl('/stream');
    process.env.DEPTHLINE_BINANCE_REST_URL = server.httpUrl;
    const settings = SettingsSchema.parse({ venues: { binance: { enabled: true, symbols: ['BTCUSDT'] } } });
    const app = composeApp(env(settings));
    try {
      await waitFor(
        () => server.connections.flatMap((c) => c.received).some((m) => m.includes('btcusdt@depth')),
        3000,
      );
      fake.emit(3);
      let status: string | undefined;
      for (let i = 0; i < 300 && status !== 'live'; i++) {
        const venues = await app.server.call('venues.list', {}, ctx);
        status = venues.ok
          ? (venues.value as VenueInfo[]).find((v) => v.id === 'binance')?.status
          : undefined;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(status).toBe('live');
      await app.stop();
      await waitFor(() => server.open().length === 0, 2000, 'socket closed on stop');
    } finally {
      await server.stop();
    }
  });
});

/**
 * Recording and replay through the contract, over the real composition root with a fake Binance
 * enabled (real time, the SQLite store): start a recording, script the venue's book and prints,
 * stop; the recording is listed; loading it makes `replay:binance` (and `replay:sim`) venues and a
 * paper venue over the replay; played as fast as possible its book ends as the live one did; a
 * market order on `paper:replay:binance` fills at the replayed best ask; seek goes back to the start.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RequestInput, RequestName, RequestOutput } from '../../../src-shared/contract';
import { composeApp } from '../../../src-main/app/compose';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { SettingsSchema } from '../../../src-main/config/settings';
import { silentLogger } from '../../../src-main/core/ports';
import { openReadonly } from '../../../src-main/store/db';
import { waitFor } from '../../support/fake-venues/server';
import { follow } from '../../support/follow-stream';
import { ScriptedBinance, SYMBOL } from '../../support/scripted-binance';
import { SOURCE_WORKER } from '../../support/store-worker';

const ctx = { transport: 'test', principal: 'user' } as const;
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

describe('recording and replay through the contract', () => {
  it('records a live venue, replays it into the same book, and paper-trades on the replay', async () => {
    const fake = await ScriptedBinance.start();
    stops.push(() => fake.stop());
    fake.setBook(
      [
        [9990, 100],
        [9980, 200],
      ],
      [
        [10010, 150],
        [10020, 300],
      ],
    );
    const settings = SettingsSchema.parse({
      venues: {
        binance: { enabled: true, wsUrl: fake.server.wsUrl('/stream'), restUrl: fake.server.httpUrl },
      },
    });
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-replay-contract-'));
    const app = composeApp({
      runtime: 'headless',
      version: 't',
      dataDir,
      settings,
      clock: systemClock,
      timers: nodeTimers,
      log: silentLogger,
      storeWorker: SOURCE_WORKER,
    });
    stops.push(() => app.stop());
    await app.ready;
    await app.history.ready;
    const call = async <N extends RequestName>(
      name: N,
      input: RequestInput<N>,
    ): Promise<RequestOutput<N>> => {
      const reply = await app.server.call(name, input, ctx);
      if (!reply.ok) throw new Error(`${name}: ${reply.error.code} ${reply.error.message}`);
      return reply.value as RequestOutput<N>;
    };

    const started = await call('recording.start', { label: 'contract test' });
    expect(started).toMatchObject({ recording: true, label: 'contract test', venues: ['binance', 'sim'] });
    const live = follow(app.server, 'market.book', { venue: 'binance', symbol: SYMBOL, depth: 10 });
    stops.push(async () => live.dispose());
    await waitFor(() => live.state?.status === 'live', 8000, 'live book');
    fake.diff([[9995, 50]], [[10010, 0]]);
    fake.trade(10020, 10, 'buy');
    fake.diff([], [[10015, 70]]);
    await waitFor(() => live.state?.asks[0]?.price === '1001.5', 5000, 'last diff applied');
    const liveBook = { bids: live.state!.bids, asks: live.state!.asks };
    await new Promise((r) => setTimeout(r, 200));
    const stopped = await call('recording.stop', {});
    expect(stopped.recording).toBe(false);
    expect(stopped.frames).toBeGreaterThan(5);
    // Answered once stored: the list read right after shows the recording ended (the UI's Load).
    const listed = await call('replay.recordings', {});
    expect(listed.recordings.find((r) => r.id === started.id)?.endedTs).not.toBeNull();

    await app.history.history.flush();
    // The live print is market history too (with its candles), recorded or not.
    const market = openReadonly({ file: join(dataDir, 'market.sqlite'), role: 'market' });
    expect(market.prepare("SELECT price, size, side FROM prints WHERE venue = 'binance'").all()).toEqual([
      { price: '1002.00000000', size: '0.01000000', side: 'buy' }, // as the venue wrote them
    ]);
    expect(
      market
        .prepare("SELECT count(*) AS n FROM candles WHERE venue = 'binance' AND instrument = ?")
        .get(SYMBOL),
    ).toEqual({ n: 5 });
    market.close();
    const { recordings } = await call('replay.recordings', {});
    expect(recordings[0]).toMatchObject({
      id: started.id,
      label: 'contract test',
      venues: ['binance', 'sim'],
    });
    expect(recordings[0]!.frames).toBe(stopped.frames);

    const loaded = await call('replay.load', { id: started.id! });
    expect(loaded.loaded).toMatchObject({
      venues: ['replay:binance', 'replay:sim'],
      paperVenues: ['paper:replay:binance', 'paper:replay:sim'],
    });
    expect(loaded).toMatchObject({ status: 'paused', position: 0 });
    const status = follow(app.server, 'replay.status', {});
    stops.push(async () => status.dispose());
    await call('replay.play', { speed: 'max' });
    await waitFor(() => status.state?.replay.status === 'ended', 10_000, 'replay to end');
    expect(status.state!.replay.position).toBe(status.state!.replay.total);

    const replayed = follow(app.server, 'market.book', {
      venue: 'replay:binance',
      symbol: SYMBOL,
      depth: 10,
    });
    stops.push(async () => replayed.dispose());
    await waitFor(() => replayed.state?.status === 'live', 3000, 'replayed book');
    expect({ bids: replayed.state!.bids, asks: replayed.state!.asks }).toEqual(liveBook);

    const venues = await call('trading.venues', {});
    expect(venues.map((v) => v.venue)).toContain('paper:replay:binance');
    const placed = await call('trading.place', {
      venue: 'paper:replay:binance',
      symbol: SYMBOL,
      side: 'buy',
      type: 'market',
      tif: 'IOC',
      quantity: '0.01',
    });
    expect(placed).toMatchObject({ status: 'accepted', order: { filledQuantity: '0.01' } });
    const fills = follow(app.server, 'trading.fills', { venue: 'paper:replay:binance' });
    stops.push(async () => fills.dispose());
    await waitFor(() => (fills.state?.fills.length ?? 0) > 0, 3000, 'paper fill');
    expect(fills.state!.fills[0]).toMatchObject({ price: '1001.5', quantity: '0.01', side: 'buy' });

    expect(await call('replay.seek', { position: 0 })).toMatchObject({ status: 'paused', position: 0 });
    expect((await call('replay.unload', {})).loaded).toBeNull();
    expect((await call('trading.venues', {})).map((v) => v.venue)).not.toContain('paper:replay:binance');
  });
});

/**
 * A burst of requests in one socket read (the real server, over loopback): every answer comes
 * before the portfolio_update they caused, each order's order_response before its order_placed,
 * and the burst costs ONE portfolio_update per agent, equal to the portfolio after the whole
 * burst. Run over the fake venue (answers synchronously) and the real simulated venue with its
 * SQLite journal (answers once durable, events after the commit).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { SettingsSchema } from '../../../src-main/config/settings';
import { silentLogger } from '../../../src-main/core/ports';
import type { VenuePort } from '../../../src-main/gateway/venue-port';
import { SimRuntime } from '../../../src-main/sim/runtime';
import { startTestGateway, type Msg, type TestBot } from '../../support/gateway-harness';
import { SOURCE_WORKER } from '../../support/store-worker';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

const BURST = 5;

/**
 * Sends `BURST` resting buys in one TCP write; returns the types of everything that followed
 * (until the portfolio_update, plus a moment for a late extra one) and the messages themselves.
 */
async function burst(bot: TestBot): Promise<{ types: string[]; portfolio: Msg }> {
  bot.drain();
  const start = bot.seen.length;
  const socket = (bot.ws as unknown as { _socket: { cork(): void; uncork(): void } })._socket;
  socket.cork();
  for (let i = 0; i < BURST; i++) {
    bot.send({
      type: 'add_order',
      symbol_id: 'BTC-USD',
      side: 'buy',
      price: `${100 + i}`,
      quantity: '0.01',
      req_id: 100 + i,
    });
  }
  socket.uncork();
  const portfolio = await bot.next('portfolio_update', 5000);
  await new Promise((r) => setTimeout(r, 150));
  return { types: bot.seen.slice(start), portfolio };
}

async function run(venue: VenuePort | undefined) {
  const h = await startTestGateway(venue ? { venue } : {});
  cleanup.push(() => h.close());
  const { bot } = await h.agent('burst', '100000');
  await bot.next('portfolio_update'); // the registration's own
  const { types, portfolio } = await burst(bot);
  const firstPortfolio = types.indexOf('portfolio_update');
  expect(types.filter((t) => t === 'order_response')).toHaveLength(BURST);
  expect(types.filter((t) => t === 'portfolio_update')).toHaveLength(1);
  expect(types.lastIndexOf('order_response')).toBeLessThan(firstPortfolio);
  expect(bot.schemaErrors).toEqual([]);
  // The one portfolio_update already holds every order of the burst: nothing changed since.
  const now = await bot.request({ type: 'get_portfolio' });
  expect({ ...now, time: 0, req_id: 0 }).toEqual({ ...portfolio, time: 0, req_id: 0 });
  expect(portfolio.locked_cash).not.toBe('0');
  return { types };
}

describe('a burst of orders in one read', () => {
  it('fake venue: answers first, then one portfolio_update reflecting the whole burst', async () => {
    await run(undefined);
  });

  it('real simulated venue, SQLite journal: the same once every order is durable', async () => {
    const sim = new SimRuntime({
      settings: SettingsSchema.parse({}).sim,
      persistence: {
        kind: 'sqlite',
        dataDir: mkdtempSync(join(tmpdir(), 'depthline-burst-')),
        worker: SOURCE_WORKER,
      },
      clock: systemClock,
      timers: nodeTimers,
      log: silentLogger,
      autoRun: false,
    });
    await sim.start();
    cleanup.push(() => sim.stop());
    const { types } = await run(sim.port);
    // Every order of the burst was pushed as order_placed, after the answers.
    expect(types.filter((t) => t === 'order_placed')).toHaveLength(BURST);
  });
});

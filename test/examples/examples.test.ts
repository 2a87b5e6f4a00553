/**
 * The example bots run against the real gateway. The TypeScript market maker trades on the real
 * simulated venue (its built-in agents take its quotes); the Python momentum bot runs as a child
 * process when python3 exists, over the gateway's fake venue, whose tape the test scripts.
 */
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { DecimalString } from '../../src-shared/domain';
import { runMarketMaker } from '../../examples/market-maker';
import { nodeTimers, systemClock } from '../../src-main/app/node-ports';
import { SettingsSchema } from '../../src-main/config/settings';
import { silentLogger } from '../../src-main/core/ports';
import { SimRuntime } from '../../src-main/sim/runtime';
import { startTestGateway } from '../support/gateway-harness';
import type { FakeVenue } from '../support/gateway-fake-venue';

let cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

const d = (s: string) => s as DecimalString;

function seedHouse(fake: FakeVenue): string {
  const house = fake.addBuiltinAgent('house', '1000000', { BTC: '100' });
  fake.seedOrder({
    agentId: house,
    symbol: 'BTC-USD',
    side: 'buy',
    orderType: 'limit',
    price: d('99'),
    quantity: d('1'),
    timeInForce: 'GTC',
  });
  fake.seedOrder({
    agentId: house,
    symbol: 'BTC-USD',
    side: 'sell',
    orderType: 'limit',
    price: d('101'),
    quantity: d('1'),
    timeInForce: 'GTC',
  });
  return house;
}

describe('examples/market-maker.ts', () => {
  it('quotes on the simulated venue, gets filled by its agents, requotes and cleans up', async () => {
    // The real simulated venue, its agents trading on real timers at 20x speed.
    const sim = new SimRuntime({
      settings: SettingsSchema.parse({ sim: { speed: 20 } }).sim,
      persistence: { kind: 'memory' },
      clock: systemClock,
      timers: nodeTimers,
      log: silentLogger,
    });
    await sim.start();
    cleanup.push(() => sim.stop());
    const h = await startTestGateway({ venue: sim.port });
    cleanup.push(() => h.close());
    // What the venue itself says each agent did: accepted orders and fills.
    const placed = new Map<string, number>();
    const filled = new Map<string, number>();
    const bump = (m: Map<string, number>, id: string) => m.set(id, (m.get(id) ?? 0) + 1);
    const stopCounting = sim.port.onEvent((e) => {
      if (e.kind === 'order_placed') bump(placed, e.order.agentId);
      if (e.kind === 'order_filled') bump(filled, e.fill.agentId);
    });
    cleanup.push(async () => stopCounting());
    await new Promise((r) => setTimeout(r, 300)); // the market makers' first quotes
    const lines: string[] = [];
    const stats = await runMarketMaker({
      url: h.gw.url,
      token: h.gw.token,
      name: 'mm-test',
      symbol: 'BTC-USD',
      capital: '100000',
      spreadTicks: 5,
      fallbackMid: '65000',
      intervalMs: 40,
      cycles: 25,
      log: (line) => void lines.push(line),
    });
    expect(stats.cycles).toBe(25);
    expect(stats.placed).toBeGreaterThanOrEqual(25);
    expect(stats.fills).toBeGreaterThan(0);
    // Two races a correct market maker meets on a live book: a quote fills while its cancel is on
    // the way (UNKNOWN_ORDER), and the book moved since its last snapshot so a post-only quote
    // would trade (POST_ONLY_WOULD_TAKE). Nothing else.
    const races = new Set(['UNKNOWN_ORDER', 'POST_ONLY_WOULD_TAKE']);
    expect(Object.keys(stats.errors).filter((code) => !races.has(code))).toEqual([]);
    expect(stats.errors.UNKNOWN_ORDER ?? 0).toBeLessThan(stats.fills + 1);
    expect(stats.unanswered).toBe(0);
    expect(lines[0]).toMatch(/registered mm-test/);
    expect(stats.closedByServer).toBeNull();
    // Its orders are the venue's: every acknowledged quote was accepted there, every fill it saw
    // happened there, and it left nothing resting.
    expect(placed.get(stats.agentId)).toBe(stats.placed);
    expect(filled.get(stats.agentId)).toBe(stats.fills);
    const fills = sim.venue.recentFills(stats.agentId, 10_000);
    expect(fills.ok && fills.value.length).toBe(stats.fills);
    expect(sim.venue.openOrders(stats.agentId)).toEqual({ ok: true, value: [] });
    expect(sim.engine.validate()).toEqual([]);
  }, 20_000);
});

describe('examples/market-maker.ts when the user disconnects it', () => {
  it('stops, reporting the 4001 close, with nothing left unanswered', async () => {
    const sim = new SimRuntime({
      settings: SettingsSchema.parse({}).sim,
      persistence: { kind: 'memory' },
      clock: systemClock,
      timers: nodeTimers,
      log: silentLogger,
    });
    await sim.start();
    cleanup.push(() => sim.stop());
    const h = await startTestGateway({ venue: sim.port });
    cleanup.push(() => h.close());
    const lines: string[] = [];
    const run = runMarketMaker({
      url: h.gw.url,
      token: h.gw.token,
      name: 'mm-cut',
      symbol: 'BTC-USD',
      capital: '100000',
      spreadTicks: 50,
      fallbackMid: '65000',
      intervalMs: 20,
      cycles: 100_000,
      log: (line) => void lines.push(line),
    });
    // Wait until it is registered and has a quote resting, then close it as the UI's disconnect does.
    let agentId = '';
    for (let i = 0; i < 200 && !agentId; i++) {
      await new Promise((r) => setTimeout(r, 20));
      agentId = h.gw.agents.list().find((a) => a.name === 'mm-cut')?.agentId ?? '';
    }
    for (let i = 0; i < 200; i++) {
      const open = sim.venue.openOrders(agentId);
      if (open.ok && open.value.length > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(h.gw.agents.disconnect(agentId)).toBe(true);
    const stats = await run;
    expect(stats.closedByServer).toEqual({ code: 4001, reason: 'disconnected by the user' });
    expect(stats.unanswered).toBe(0);
    expect(lines.at(-2)).toMatch(/closed the connection: 4001/);
  }, 20_000);
});

const python = spawnSync('python3', ['--version']).status === 0;

describe('examples/momentum.py', () => {
  it.skipIf(!python)(
    'registers, follows rising trades with a market buy and exits cleanly',
    async () => {
      const h = await startTestGateway();
      cleanup.push(() => h.close());
      const house = seedHouse(h.fake);
      const child = spawn(
        'python3',
        [
          resolve(import.meta.dirname, '../../examples/momentum.py'),
          '--url',
          h.gw.url,
          '--seconds',
          '4',
          '--long',
          '10',
          '--short',
          '3',
        ],
        { env: { ...process.env, DEPTHLINE_GATEWAY_TOKEN: h.gw.token }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      // Rising prints: the house trades with itself one tick higher each time.
      let cents = 9950;
      const tape = setInterval(() => {
        cents += 2;
        const price = d((cents / 100).toFixed(2));
        h.fake.seedOrder({
          agentId: house,
          symbol: 'BTC-USD',
          side: 'sell',
          orderType: 'limit',
          price,
          quantity: d('0.01'),
          timeInForce: 'GTC',
        });
        h.fake.seedOrder({
          agentId: house,
          symbol: 'BTC-USD',
          side: 'buy',
          orderType: 'limit',
          price,
          quantity: d('0.01'),
          timeInForce: 'IOC',
        });
      }, 40);
      cleanup.push(async () => clearInterval(tape));
      expect(await exited).toBe(0);
      const summary = JSON.parse(out.trim().split('\n').at(-1)!) as {
        agent_id: string;
        orders: number;
        errors: object;
      };
      expect(err).toMatch(/registered momentum-py/);
      expect(summary.agent_id).toMatch(/^a\d+$/);
      expect(summary.orders).toBeGreaterThan(0);
      expect(summary.errors).toEqual({});
      expect(h.fake.invariantErrors()).toEqual([]);
    },
    20_000,
  );

  it.skipIf(!python)(
    'stops when the user disconnects it, saying so (4001)',
    async () => {
      const h = await startTestGateway();
      cleanup.push(() => h.close());
      const child = spawn(
        'python3',
        [resolve(import.meta.dirname, '../../examples/momentum.py'), '--url', h.gw.url, '--seconds', '20'],
        { env: { ...process.env, DEPTHLINE_GATEWAY_TOKEN: h.gw.token }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
      let agentId: string | undefined;
      for (let i = 0; i < 250 && agentId === undefined; i++) {
        await new Promise((r) => setTimeout(r, 20));
        agentId = h.gw.agents.list().find((a) => a.name === 'momentum-py' && a.connected)?.agentId;
      }
      expect(h.gw.agents.disconnect(agentId!)).toBe(true);
      expect(await exited).toBe(0);
      expect(err).toMatch(/server closed the connection \(4001\)/);
      const summary = JSON.parse(out.trim().split('\n').at(-1)!) as { closed_by_server: string };
      expect(summary.closed_by_server).toMatch(/4001/);
    },
    20_000,
  );
});

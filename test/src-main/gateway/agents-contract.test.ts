/**
 * The gateway through the UI contract: gateway.info (address, token, status), the gateway.agents
 * stream (venue PnL merged with connection and pause state), pause and disconnect; and the app
 * composition: both entry points' shared root starts the gateway on the placeholder venue, which
 * refuses trading with UNAVAILABLE, and a port in use fails the gateway without failing the app.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { composeApp } from '../../../src-main/app/compose';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { defaultSettings } from '../../../src-main/config/settings';
import { silentLogger } from '../../../src-main/core/ports';
import { GatewayRuntime } from '../../../src-main/gateway/runtime';
import { partialImplementation } from '../../support/partial-contract';
import { ContractServer } from '../../../src-main/rpc/server';
import { createGatewayService } from '../../../src-main/services/gateway-service';
import { createSystemService } from '../../../src-main/services/system-service';
import { VENUE_CATALOG } from '../../../src-main/venues/catalog';
import type { GatewayAgent, SimAgentRow, StreamEvent } from '../../../src-shared/contract';
import { FakeMarketData } from '../../support/gateway-fake-market-data';
import { FakeVenue } from '../../support/gateway-fake-venue';
import { TestBot } from '../../support/gateway-harness';
import { SOURCE_WORKER } from '../../support/store-worker';

const ctx = { transport: 'test', principal: 'user' } as const;
let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function runtime(port = 0) {
  const venue = new FakeVenue({ now: () => Date.now() });
  const rt = new GatewayRuntime({
    port,
    dataDir: mkdtempSync(join(tmpdir(), 'depthline-gw-')),
    venue,
    marketData: new FakeMarketData(),
    clock: systemClock,
    timers: nodeTimers,
    log: silentLogger,
  });
  cleanup.push(() => rt.stop());
  const service = createGatewayService(rt);
  const system = createSystemService({
    clock: systemClock,
    timers: nodeTimers,
    runtime: 'headless',
    version: 'test',
    settings: defaultSettings(),
    catalog: VENUE_CATALOG,
  });
  const server = new ContractServer(
    partialImplementation({
      requests: { ...system.requests, ...service.requests },
      streams: { ...system.streams, ...service.streams },
    }),
    silentLogger,
  );
  return { rt, venue, server };
}

async function bot(url: string, token: string): Promise<TestBot> {
  const ws = new WebSocket(url, { headers: { Authorization: `Bearer ${token}` } });
  const b = new TestBot(ws);
  await new Promise((r) => ws.once('open', r));
  await b.next('agents_snapshot');
  cleanup.push(() => ws.terminate());
  return b;
}

describe('gateway contract', () => {
  it('reports where bots connect, with the token that is in the 0600 file', async () => {
    const { rt, server } = await runtime();
    expect(await server.call('gateway.info', {}, ctx)).toMatchObject({
      ok: true,
      value: { status: 'stopped' },
    });
    const starting = rt.start();
    expect(rt.info().status).toBe('starting');
    const running = (await starting)!;
    const info = await server.call('gateway.info', {}, ctx);
    expect(info).toEqual({
      ok: true,
      value: {
        status: 'running',
        url: running.url,
        port: running.port,
        token: running.token,
        tokenFile: running.tokenFile,
        venue: 'sim',
        trading: true,
        connections: 0,
        error: null,
      },
    });
    expect(readFileSync(running.tokenFile!, 'utf8').trim()).toBe(running.token);
  });

  it('streams agents with connection state and PnL, and pauses and disconnects them', async () => {
    const { rt, venue, server } = await runtime();
    const running = (await rt.start())!;
    const events: StreamEvent[] = [];
    server.open('gateway.agents', {}, ctx, { send: (e) => void events.push(e), congested: () => false });
    expect(events[0]).toMatchObject({ kind: 'snapshot', data: { agents: [] } });

    const alice = await bot(running.url, running.token);
    const reg = await alice.request({ type: 'agent_register', name: 'alice', starting_capital: '1000' });
    const agentId = reg.agent_id as string;
    await new Promise((r) => setTimeout(r, 600));
    expect(events.at(-1)).toMatchObject({
      kind: 'delta',
      data: {
        agents: [
          {
            agentId,
            name: 'alice',
            kind: 'external',
            connected: true,
            paused: false,
            equity: '1000',
            pnl: '0',
          },
        ],
      },
    });

    expect(await server.call('gateway.setAgentPaused', { agentId, paused: true }, ctx)).toEqual({
      ok: true,
      value: { agentId, paused: true },
    });
    const order = { type: 'add_order', symbol_id: 'BTC-USD', side: 'buy', price: '10', quantity: '0.01' };
    expect(await alice.request(order)).toMatchObject({ type: 'error', code: 'AGENT_PAUSED' });
    await server.call('gateway.setAgentPaused', { agentId, paused: false }, ctx);
    expect(await alice.request(order)).toMatchObject({ type: 'order_response' });

    // Disconnecting cancels the bot's open orders (the one resting buy), then closes with 4001.
    expect(await server.call('gateway.disconnectAgent', { agentId }, ctx)).toEqual({
      ok: true,
      value: { agentId, disconnected: true, canceledOrders: 1 },
    });
    expect((await alice.closed).code).toBe(4001);
    expect(venue.openOrders(agentId)).toEqual({ ok: true, value: [] });
    expect(await server.call('gateway.disconnectAgent', { agentId }, ctx)).toEqual({
      ok: true,
      value: { agentId, disconnected: false, canceledOrders: null },
    });
    await new Promise((r) => setTimeout(r, 600));
    expect(events.at(-1)).toMatchObject({ data: { agents: [{ agentId, connected: false }] } });
    const [row] = (events.at(-1) as { data: { agents: GatewayAgent[] } }).data.agents;
    expect(row!.disconnectedAt).toBeGreaterThanOrEqual(row!.connectedAt!);
    expect(
      await server.call('gateway.setAgentPaused', { agentId: 'nobody', paused: true }, ctx),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('a port in use fails the gateway with a reason, not the app', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise<void>((r) => blocker.close(() => r())));
    const port = (blocker.address() as { port: number }).port;
    const { rt, server } = await runtime(port);
    expect(await rt.start()).toBeNull();
    const info = await server.call('gateway.info', {}, ctx);
    expect(info).toMatchObject({ ok: true, value: { status: 'failed', url: null, token: null } });
    if (info.ok) expect(String((info.value as { error: string }).error)).toMatch(/EADDRINUSE/);
  });
});

describe('composition root', () => {
  it('starts the gateway on the simulated venue: bots register and trading is on', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-app-'));
    const app = composeApp(
      {
        runtime: 'headless',
        version: 'test',
        dataDir,
        settings: defaultSettings(),
        clock: systemClock,
        timers: nodeTimers,
        log: silentLogger,
      },
      { gatewayPort: 0 },
    );
    cleanup.push(() => app.stop());
    const running = (await app.startGateway())!;
    expect(running.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/$/);
    const token = readFileSync(join(dataDir, 'gateway.token'), 'utf8').trim();
    const b = await bot(running.url, token);
    await app.ready;
    const reply = await b.request({ type: 'agent_register', name: 'x', starting_capital: '1' });
    expect(reply).toMatchObject({ type: 'agent_registered', name: 'x', resumed: false });
    const info = await app.server.call('gateway.info', {}, ctx);
    expect(info).toMatchObject({ ok: true, value: { status: 'running', trading: true, connections: 1 } });
  });

  it('the real app: pause, then disconnect a bot from the UI contract; its orders are canceled', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'depthline-app-'));
    const app = composeApp(
      {
        runtime: 'headless',
        version: 'test',
        dataDir,
        settings: defaultSettings(),
        clock: systemClock,
        timers: nodeTimers,
        log: silentLogger,
        storeWorker: SOURCE_WORKER,
      },
      { gatewayPort: 0 },
    );
    cleanup.push(() => app.stop());
    const running = (await app.startGateway())!;
    const b = await bot(running.url, running.token);
    const reg = await b.request({ type: 'agent_register', name: 'ui-bot', starting_capital: '1000' });
    const agentId = reg.agent_id as string;
    const order = { type: 'add_order', symbol_id: 'SOL-USD', side: 'buy', price: '1', quantity: '1' };
    expect(await b.request(order)).toMatchObject({ type: 'order_response', status: 'open' });
    const rowOf = async () => {
      const rows: SimAgentRow[] = [];
      const sub = app.server.open('sim.agents', {}, ctx, {
        send: (e) => {
          if (e.kind === 'snapshot') rows.push(...(e.data as { agents: SimAgentRow[] }).agents);
        },
        congested: () => false,
      });
      sub?.dispose();
      return rows.find((r) => r.agentId === agentId)!;
    };
    expect(await rowOf()).toMatchObject({ name: 'ui-bot', kind: 'external', connected: true, paused: false });

    expect(await app.server.call('sim.setAgentPaused', { agentId, paused: true }, ctx)).toMatchObject({
      ok: true,
    });
    expect(await b.request(order)).toMatchObject({ type: 'error', code: 'AGENT_PAUSED' });
    expect(await rowOf()).toMatchObject({ paused: true, connected: true });

    const before = Date.now();
    expect(await app.server.call('gateway.disconnectAgent', { agentId }, ctx)).toEqual({
      ok: true,
      value: { agentId, disconnected: true, canceledOrders: 1 },
    });
    expect(await b.closed).toEqual({ code: 4001, reason: 'disconnected by the user' });
    expect(app.sim.venue.openOrders(agentId)).toEqual({ ok: true, value: [] });
    const row = await rowOf();
    expect(row).toMatchObject({ connected: false, paused: true });
    expect(row.connectionSince).toBeGreaterThanOrEqual(before - 5);
  });
});

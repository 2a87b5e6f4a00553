/**
 * The agents' gateway in the real headless host: `npm run serve` prints DEPTHLINE_GATEWAY after
 * DEPTHLINE_URL, writes the 0600 token file, and a bot with that token is welcomed with trading on
 * (the simulated venue is ready before the gateway opens), registers and places an order.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { serve, type Served } from './support/serve';

describe('npm run serve starts the agents gateway', () => {
  let served: Served;

  beforeAll(async () => {
    served = await serve();
  });

  afterAll(async () => {
    await served?.stop();
  });

  it('prints its URL after DEPTHLINE_URL and accepts a bot with the token from the data dir', async () => {
    const deadline = Date.now() + 10_000;
    while (!/DEPTHLINE_GATEWAY /.test(served.stdout()) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    // The build prints first; the machine-readable lines follow.
    const lines = served
      .stdout()
      .split('\n')
      .filter((line) => line.startsWith('DEPTHLINE_'));
    expect(lines[0]).toMatch(/^DEPTHLINE_URL http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines[1]).toMatch(/^DEPTHLINE_GATEWAY ws:\/\/127\.0\.0\.1:\d+\/$/);
    const url = lines[1]!.split(' ')[1]!;
    const tokenFile = join(served.dataDir, 'gateway.token');
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    const token = readFileSync(tokenFile, 'utf8').trim();
    expect(served.output()).not.toContain(token);

    const ws = new WebSocket(url);
    const messages: Array<Record<string, unknown>> = [];
    ws.on('message', (data: Buffer) =>
      messages.push(JSON.parse(data.toString('utf8')) as Record<string, unknown>),
    );
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ type: 'auth', token }));
    ws.send(JSON.stringify({ type: 'agent_register', name: 'e2e', starting_capital: '100', req_id: 1 }));
    const registered = Date.now() + 5000;
    while (!messages.some((m) => m.req_id === 1) && Date.now() < registered)
      await new Promise((r) => setTimeout(r, 20));
    // Registration is answered once stored; then the connection is that agent.
    ws.send(
      JSON.stringify({
        type: 'add_order',
        symbol_id: 'SOL-USD',
        side: 'buy',
        price: '1',
        quantity: '1',
        req_id: 2,
      }),
    );
    const until = Date.now() + 5000;
    while (!messages.some((m) => m.req_id === 2) && Date.now() < until)
      await new Promise((r) => setTimeout(r, 20));
    ws.close();
    expect(messages[0]).toMatchObject({ type: 'welcome', trading: true, venue: 'sim' });
    expect(messages.map((m) => m.type).slice(0, 5)).toEqual([
      'welcome',
      'instruments',
      'orderbooks',
      'news_history',
      'agents_snapshot',
    ]);
    expect(messages.find((m) => m.req_id === 1)).toMatchObject({ type: 'agent_registered', name: 'e2e' });
    expect(messages.find((m) => m.req_id === 2)).toMatchObject({
      type: 'order_response',
      status: 'open',
      symbol_id: 'SOL-USD',
      price: '1',
    });
  });
});

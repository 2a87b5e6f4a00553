import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { type WebSocket } from 'ws';
import { closeCode, nextMessage, startTestHost } from '../../support/host-harness';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function host(limits?: Parameters<typeof startTestHost>[0]) {
  const h = await startTestHost(limits);
  cleanup.push(() => h.host.close());
  return h;
}

function get(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('headless host HTTP', () => {
  it('listens on loopback only', async () => {
    const { host: h } = await host();
    expect(h.address.address).toBe('127.0.0.1');
  });

  it('serves index.html with the session token, CSP and no caching', async () => {
    const { host: h, token } = await host();
    const res = await get(h.port, '/');
    expect(res.status).toBe(200);
    expect(res.body).toContain(`<meta name="depthline-session" content="${token}" />`);
    expect(res.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(res.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect(res.headers['cache-control']).toBe('no-store');
    expect((await get(h.port, '/app.js')).status).toBe(200);
    expect((await get(h.port, '/missing.js')).status).toBe(404);
  });

  it.each(['attacker.example', 'attacker.example:80', '127.0.0.1.evil.com', 'localhost:1'])(
    'refuses Host %s (DNS rebinding) and never hands out the token',
    async (hostHeader) => {
      const { host: h, token } = await host();
      const res = await get(h.port, '/', { Host: hostHeader });
      expect(res.status).toBe(403);
      expect(res.body).not.toContain(token);
    },
  );

  it('survives a request with 2,000 headers', async () => {
    const { host: h } = await host();
    const headers: Record<string, string> = {};
    for (let i = 0; i < 2000; i++) headers[`x-h-${i}`] = 'v';
    await get(h.port, '/', headers).catch(() => undefined);
    expect((await get(h.port, '/')).status).toBe(200);
  });
});

describe('headless host contract socket', () => {
  it('accepts the page origin with the token and speaks the contract', async () => {
    const { dial } = await host();
    const dialed = await dial();
    expect(dialed.status).toBe('open');
    if (dialed.status !== 'open') return;
    cleanup.push(() => dialed.ws.close());
    expect(dialed.ws.protocol).toBe('depthline.v1');
    dialed.ws.send(JSON.stringify({ t: 'call', id: 1, name: 'system.info', input: {} }));
    expect(await nextMessage(dialed.ws)).toMatchObject({ t: 'reply', id: 1, result: { ok: true } });
    dialed.ws.send(JSON.stringify({ t: 'sub', id: 2, name: 'system.clock', params: {} }));
    expect(await nextMessage(dialed.ws)).toMatchObject({
      t: 'event',
      id: 2,
      event: { kind: 'snapshot', seq: 1 },
    });
  });

  it.each([
    ['no token', { token: null }, 401],
    ['a wrong token', { token: 'guess' }, 401],
    ['a token of the right length but wrong', { token: 'x'.repeat(20) }, 401],
    ['Origin https://evil.example', { origin: 'https://evil.example' }, 403],
    ['Origin http://localhost.evil.com', { origin: 'http://localhost.evil.com' }, 403],
    ['Origin http://127.0.0.1.evil.com', { origin: 'http://127.0.0.1.evil.com' }, 403],
    ['Origin null', { origin: 'null' }, 403],
    ['no Origin at all', { origin: null }, 403],
    ['Host attacker.example', { host: 'attacker.example' }, 403],
  ] as const)('refuses a handshake with %s before the upgrade', async (_label, opts, status) => {
    const h = await host();
    expect(await h.dial(opts)).toEqual({ status });
  });

  it('refuses an Origin on another port', async () => {
    const h = await host();
    expect(await h.dial({ origin: `http://127.0.0.1:${h.host.port + 1}` })).toEqual({ status: 403 });
  });

  it.each([
    ['non-JSON text', (ws: WebSocket) => ws.send('{not json'), 1007],
    ['a binary frame', (ws: WebSocket) => ws.send(Buffer.from([1, 2, 3]), { binary: true }), 1003],
    [
      'invalid UTF-8',
      (ws: WebSocket) => ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false }),
      1007,
    ],
  ])('closes the socket on %s with the right code', async (_label, send, code) => {
    const { dial } = await host();
    const dialed = await dial();
    if (dialed.status !== 'open') throw new Error('dial failed');
    const closed = closeCode(dialed.ws);
    send(dialed.ws);
    expect(await closed).toBe(code);
  });

  it('closes with 1009 when a frame exceeds maxPayload', async () => {
    const { dial } = await host({
      maxPayloadBytes: 1024,
      maxConnections: 4,
      messagesPerSecond: 100,
      burst: 100,
      heartbeatMs: 60_000,
    });
    const dialed = await dial();
    if (dialed.status !== 'open') throw new Error('dial failed');
    const closed = closeCode(dialed.ws);
    dialed.ws.send(
      JSON.stringify({ t: 'call', id: 1, name: 'system.info', input: { pad: 'x'.repeat(4096) } }),
    );
    expect(await closed).toBe(1009);
  });

  it('closes with 1008 when a client floods past its rate limit', async () => {
    const { dial } = await host({
      maxPayloadBytes: 65536,
      maxConnections: 4,
      messagesPerSecond: 10,
      burst: 20,
      heartbeatMs: 60_000,
    });
    const dialed = await dial();
    if (dialed.status !== 'open') throw new Error('dial failed');
    const closed = closeCode(dialed.ws);
    for (let i = 0; i < 200; i++)
      dialed.ws.send(JSON.stringify({ t: 'call', id: i, name: 'venues.list', input: {} }));
    expect(await closed).toBe(1008);
  });

  it('refuses the connection past the cap with 503', async () => {
    const { dial } = await host({
      maxPayloadBytes: 65536,
      maxConnections: 2,
      messagesPerSecond: 100,
      burst: 100,
      heartbeatMs: 60_000,
    });
    const a = await dial();
    const b = await dial();
    for (const d of [a, b]) if (d.status === 'open') cleanup.push(() => d.ws.close());
    expect([a.status, b.status]).toEqual(['open', 'open']);
    expect(await dial()).toEqual({ status: 503 });
  });

  it('keeps serving after a malformed envelope and answers it with INVALID_INPUT', async () => {
    const { dial } = await host();
    const dialed = await dial();
    if (dialed.status !== 'open') throw new Error('dial failed');
    cleanup.push(() => dialed.ws.close());
    dialed.ws.send(JSON.stringify({ t: 'call', id: 5, name: 'system.info', input: { evil: true } }));
    expect(await nextMessage(dialed.ws)).toMatchObject({
      id: 5,
      result: { ok: false, error: { code: 'INVALID_INPUT' } },
    });
    dialed.ws.send(JSON.stringify({ t: 'call', id: 6, name: 'system.info', input: {} }));
    expect(await nextMessage(dialed.ws)).toMatchObject({ id: 6, result: { ok: true } });
  });
});

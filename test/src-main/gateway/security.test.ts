/**
 * reliability.md section C against the real gateway on a loopback port: bind address, Origin and
 * Host checks before the upgrade, the token (header, auth message, timeout), frame limits and
 * close codes, the GHSA-96hv fragment PoC, 2,000 headers, rate limit, connection cap, heartbeats
 * and slow consumers.
 */
import { statSync, readFileSync, existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Logger, LogFields } from '../../../src-main/core/ports';
import { frame, getWithHeaders, rawHandshake, serverClosed } from '../../support/gateway-raw';
import { startTestGateway } from '../../support/gateway-harness';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

async function gateway(options: Parameters<typeof startTestGateway>[0] = {}) {
  const h = await startTestGateway(options);
  cleanup.push(() => h.close());
  return h;
}

function recordingLogger(lines: string[]): Logger {
  const write = (message: string, fields?: LogFields) =>
    void lines.push(`${message} ${JSON.stringify(fields ?? {})}`);
  const log: Logger = { debug: write, info: write, warn: write, error: write, child: () => log };
  return log;
}

describe('binding and handshake', () => {
  it('listens on 127.0.0.1 only and answers plain HTTP with 426', async () => {
    const h = await gateway();
    expect(h.gw.address.address).toBe('127.0.0.1');
    expect(h.gw.url).toBe(`ws://127.0.0.1:${h.gw.port}/`);
    const res = await fetch(`http://127.0.0.1:${h.gw.port}/`);
    expect(res.status).toBe(426);
  });

  it.each([
    'https://evil.example',
    'http://localhost.evil.com',
    'http://127.0.0.1.evil.com',
    'null',
    'http://127.0.0.1:5174',
    'http://127.0.0.1',
  ])('refuses Origin %s with 403 before the upgrade (no connection is created)', async (origin) => {
    const h = await gateway({ allowedOrigins: ['http://127.0.0.1:5173'] });
    expect(await h.dial({ origin })).toEqual({ status: 403 });
    expect(h.gw.connectionCount).toBe(0);
  });

  it('accepts no Origin (non-browser bots) and an allowed loopback Origin', async () => {
    const h = await gateway({ allowedOrigins: ['http://127.0.0.1:5173'] });
    expect((await h.dial()).status).toBe('open');
    expect((await h.dial({ origin: 'http://127.0.0.1:5173' })).status).toBe('open');
  });

  it('refuses a non-loopback Host (DNS rebinding) and accepts the three loopback names', async () => {
    const h = await gateway();
    for (const host of ['attacker.example', `attacker.example:${h.gw.port}`, `127.0.0.1:${h.gw.port + 1}`]) {
      expect(await h.dial({ host })).toEqual({ status: 403 });
    }
    for (const host of [`127.0.0.1:${h.gw.port}`, `localhost:${h.gw.port}`, `[::1]:${h.gw.port}`]) {
      expect((await h.dial({ host })).status).toBe('open');
    }
    expect(await h.dial({ path: '/other' })).toEqual({ status: 404 });
  });

  it.each([
    ['a wrong bearer token', { Authorization: 'Bearer wrong' }],
    ['a token of the right length but wrong', { Authorization: `Bearer ${'A'.repeat(43)}` }],
    ['another scheme', { Authorization: 'Basic dXNlcjpwYXNz' }],
    ['an empty header', { Authorization: '' }],
  ])('refuses %s with 401 before the upgrade', async (_label, headers) => {
    const h = await gateway();
    expect(await h.dial({ auth: 'none', headers })).toEqual({ status: 401 });
    expect(h.gw.connectionCount).toBe(0);
  });

  it('without a header: the auth message opens the session, a wrong one or silence closes with 1008', async () => {
    const h = await gateway({ limits: { authTimeoutMs: 300 } });
    const good = await h.dial({ auth: 'message' });
    if (good.status !== 'open') throw new Error('dial failed');
    expect(await good.bot.next('welcome')).toMatchObject({ protocol: 1 });

    const wrong = await h.dial({ auth: 'message', token: 'not-the-token' });
    if (wrong.status !== 'open') throw new Error('dial failed');
    expect(await wrong.bot.next('error')).toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await wrong.bot.closed).code).toBe(1008);

    const silent = await h.dial({ auth: 'none' });
    if (silent.status !== 'open') throw new Error('dial failed');
    const started = Date.now();
    expect((await silent.bot.closed).code).toBe(1008);
    expect(Date.now() - started).toBeLessThan(1500);
    expect(silent.bot.inbox).toEqual([expect.objectContaining({ code: 'UNAUTHORIZED' })]);
  });

  it('writes a fresh 0600 token file per start, never logs the token, and removes the file on stop', async () => {
    const lines: string[] = [];
    const a = await startTestGateway({ log: recordingLogger(lines) });
    const b = await startTestGateway();
    try {
      expect(a.gw.token).not.toBe(b.gw.token);
      expect(Buffer.from(a.gw.token, 'base64url').length).toBeGreaterThanOrEqual(16);
      const file = a.gw.tokenFile!;
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readFileSync(file, 'utf8').trim()).toBe(a.gw.token);
      await a.dial({ auth: 'none', headers: { Authorization: 'Bearer nope' } });
      (await a.connect()).send({ type: 'auth', token: a.gw.token });
      await new Promise((r) => setTimeout(r, 50));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.join('\n')).not.toContain(a.gw.token);
      expect(a.gw.url).not.toContain(a.gw.token);
    } finally {
      await a.close();
      await b.close();
    }
    expect(existsSync(a.gw.tokenFile!)).toBe(false);
  });
});

describe('frames', () => {
  it.each([
    ['non-JSON text: an error, the connection stays', (ws: WebSocket) => ws.send('{nope'), 'BAD_JSON', null],
    [
      'a binary frame: an error, then 1003',
      (ws: WebSocket) => ws.send(Buffer.from('{}'), { binary: true }),
      'BINARY_FRAME',
      1003,
    ],
  ])('%s', async (_label, send, code, closeCode) => {
    const h = await gateway();
    const bot = await h.connect();
    const started = performance.now();
    send(bot.ws);
    expect(await bot.next('error')).toMatchObject({ code });
    expect(performance.now() - started).toBeLessThan(100);
    if (closeCode === null) expect(await bot.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
    else expect((await bot.closed).code).toBe(closeCode);
  });

  it('closes with 1007 on invalid UTF-8 and 1009 above maxPayload (10^5 nesting levels included)', async () => {
    const h = await gateway();
    const a = await h.connect();
    a.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), { binary: false });
    expect((await a.closed).code).toBe(1007);
    const b = await h.connect();
    b.send('['.repeat(100_000) + ']'.repeat(100_000));
    expect((await b.closed).code).toBe(1009);
    const c = await h.connect();
    c.send('['.repeat(30_000) + ']'.repeat(30_000));
    expect(await c.next('error')).toMatchObject({ code: 'INVALID_MESSAGE' });
    expect(await c.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  });

  it('GHSA-96hv PoC: endless 1-byte fin:false fragments close the connection with bounded RSS', async () => {
    const h = await gateway();
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const sockets = await Promise.all(Array.from({ length: 20 }, () => rawHandshake(h.gw.port, h.gw.token)));
    const codes = await Promise.all(
      sockets.map((socket) => {
        const closed = serverClosed(socket);
        const parts = [frame(0x1, Buffer.from('['), false)];
        for (let i = 0; i < 20_000; i++) parts.push(frame(0x0, Buffer.from(' '), false));
        socket.write(Buffer.concat(parts), () => undefined);
        return closed;
      }),
    );
    expect(codes.every((code) => code === 1008)).toBe(true);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024);
    expect((await h.dial()).status).toBe('open');
  });

  it('survives a request with 2,000 headers and keeps serving', async () => {
    const h = await gateway();
    const status = await getWithHeaders(h.gw.port, 2000);
    expect(status).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    expect((await h.dial()).status).toBe('open');
  });
});

describe('limits', () => {
  it('closes a flooding connection with 1008 after a RATE_LIMITED error', async () => {
    const h = await gateway({ limits: { messagesPerSecond: 20, burst: 40 } });
    const bot = await h.connect();
    for (let i = 0; i < 200; i++) bot.send({ type: 'ping' });
    expect((await bot.closed).code).toBe(1008);
    expect(bot.inbox.filter((m) => m.type === 'error')).toEqual([
      expect.objectContaining({ code: 'RATE_LIMITED' }),
    ]);
  });

  it('refuses the (max+1)th connection with 503', async () => {
    const h = await gateway({ limits: { maxConnections: 3 } });
    for (let i = 0; i < 3; i++) expect((await h.dial()).status).toBe('open');
    expect(await h.dial()).toEqual({ status: 503 });
    expect(h.gw.connectionCount).toBe(3);
  });

  it('terminates a peer that stops answering pings within 2 x the interval; a live one stays', async () => {
    const heartbeatMs = 200;
    const h = await gateway({ limits: { heartbeatMs } });
    const live = await h.connect();
    const dead = new WebSocket(h.gw.url, {
      headers: { Authorization: `Bearer ${h.gw.token}` },
      autoPong: false,
    });
    await new Promise((r) => dead.once('open', r));
    const opened = Date.now();
    const code = await new Promise<number>((r) => dead.once('close', (c: number) => r(c)));
    expect(code).toBe(1006);
    expect(Date.now() - opened).toBeLessThanOrEqual(2 * heartbeatMs + 150);
    await new Promise((r) => setTimeout(r, 3 * heartbeatMs));
    expect(live.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('drops a consumer that never reads, with bounded memory', async () => {
    const h = await gateway({ limits: { maxBufferedBytes: 256 * 1024 } });
    const slow = await h.connect();
    const fine = await h.connect();
    (slow.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    global.gc?.();
    const rssBefore = process.memoryUsage().rss;
    const headline = 'x'.repeat(4096);
    for (let round = 0; round < 400 && h.gw.connectionCount > 1; round++) {
      for (let i = 0; i < 50; i++) h.fake.publishNews(headline);
      await new Promise((r) => setImmediate(r));
      fine.drain();
    }
    expect(h.gw.connectionCount).toBe(1);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(50 * 1024 * 1024);
    expect(await fine.request({ type: 'ping' })).toMatchObject({ type: 'pong' });
  });
});

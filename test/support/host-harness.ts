/** Starts the real headless host (HTTP + contract socket) on a random loopback port for a test. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { TOKEN_PROTOCOL_PREFIX, WIRE_PROTOCOL } from '../../src-shared/contract';
import { silentLogger } from '../../src-main/core/ports';
import { nodeTimers } from '../../src-main/app/node-ports';
import type { ContractSocketLimits } from '../../src-main/host/contract-socket';
import { startHost } from '../../src-main/host/http-server';
import { systemApp } from './system-app';

export async function startTestHost(socketLimits?: ContractSocketLimits) {
  const rendererDir = mkdtempSync(join(tmpdir(), 'depthline-renderer-'));
  writeFileSync(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  writeFileSync(join(rendererDir, 'app.js'), 'console.log(1)');
  const app = systemApp();
  const token = 'test-token-' + Math.random().toString(36).slice(2);
  const host = await startHost({
    port: 0,
    rendererDir,
    token,
    server: app.server,
    log: silentLogger,
    timers: nodeTimers,
    ...(socketLimits ? { socketLimits } : {}),
  });
  const origin = `http://127.0.0.1:${host.port}`;
  const wsUrl = `ws://127.0.0.1:${host.port}/contract`;

  /** Opens a socket with the given overrides; resolves on open or with the refusal status. */
  function dial(
    opts: { token?: string | null; origin?: string | null; host?: string; protocols?: string[] } = {},
  ): Promise<{ ws: WebSocket; status: 'open' } | { status: number }> {
    const presented = opts.token === undefined ? token : opts.token;
    const protocols = opts.protocols ?? [
      WIRE_PROTOCOL,
      ...(presented ? [TOKEN_PROTOCOL_PREFIX + presented] : []),
    ];
    const headers: Record<string, string> = {};
    if (opts.host) headers.Host = opts.host;
    const o = opts.origin === undefined ? origin : opts.origin;
    const ws = new WebSocket(wsUrl, protocols, { headers, ...(o === null ? {} : { origin: o }) });
    return new Promise((resolve) => {
      ws.once('open', () => resolve({ ws, status: 'open' }));
      ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
      ws.once('error', () => resolve({ status: -1 }));
    });
  }

  return { host, token, origin, wsUrl, dial, app };
}

export function nextMessage(ws: WebSocket): Promise<unknown> {
  return new Promise((resolve) =>
    ws.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8')))),
  );
}

export function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code: number) => resolve(code)));
}

/**
 * The headless host's HTTP server: serves the built renderer from 127.0.0.1 only and upgrades
 * /contract to the contract socket. Every response carries the CSP and anti-framing headers;
 * a request whose Host is not loopback is refused (DNS rebinding). index.html is served with the
 * session token in a meta tag and is never cached.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import sirv from 'sirv';
import { SESSION_META_NAME } from '../../src-shared/contract';
import { CONTENT_SECURITY_POLICY } from '../config/csp';
import type { Logger, Timers } from '../core/ports';
import type { ContractServer } from '../rpc/server';
import { createContractSocket, type ContractSocketLimits } from './contract-socket';
import { isAllowedHost } from './loopback-policy';

export interface HostOptions {
  readonly port: number;
  readonly rendererDir: string;
  readonly token: string;
  readonly server: ContractServer;
  readonly log: Logger;
  readonly timers: Timers;
  readonly socketLimits?: ContractSocketLimits;
}

export interface RunningHost {
  readonly url: string;
  readonly port: number;
  readonly address: AddressInfo;
  close(): Promise<void>;
}

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

export function startHost(options: HostOptions): Promise<RunningHost> {
  const indexHtml = injectSession(
    readFileSync(join(options.rendererDir, 'index.html'), 'utf8'),
    options.token,
  );
  const assets = sirv(options.rendererDir, { etag: true, dotfiles: false, extensions: [] });
  let boundPort = options.port;

  const socket = createContractSocket({
    server: options.server,
    token: options.token,
    port: () => boundPort,
    log: options.log,
    timers: options.timers,
    ...(options.socketLimits ? { limits: options.socketLimits } : {}),
  });

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    if (!isAllowedHost(req.headers.host, boundPort)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('Forbidden host\n');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : indexHtml);
      return;
    }
    assets(req, res, () => {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found\n');
    });
  });
  http.on('upgrade', (req, duplex, head: Buffer) => socket.handleUpgrade(req, duplex, head));
  // Bound request headers and slow-loris style clients.
  http.maxHeadersCount = 100;
  http.headersTimeout = 10_000;
  http.requestTimeout = 30_000;

  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, '127.0.0.1', () => {
      const address = http.address() as AddressInfo;
      boundPort = address.port;
      const url = `http://127.0.0.1:${boundPort}/`;
      options.log.info('host listening', { url });
      resolve({
        url,
        port: boundPort,
        address,
        close: () =>
          new Promise<void>((done) => {
            socket.close();
            http.closeAllConnections();
            http.close(() => done());
          }),
      });
    });
  });
}

function injectSession(html: string, token: string): string {
  const meta = `<meta name="${SESSION_META_NAME}" content="${token}" />`;
  if (!html.includes('</head>')) throw new Error('renderer index.html has no </head>');
  return html.replace('</head>', `  ${meta}\n  </head>`);
}

/**
 * Backoff: exponential, jittered into [d/2, d], capped, reset after a stable period. REST:
 * Retry-After in seconds or as an HTTP date; while blocked nothing is sent.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../../../src-main/app/node-ports';
import { silentLogger } from '../../../../src-main/core/ports';
import { Backoff, RestClient, retryAfterMs } from '../../../../src-main/venues/kit';

describe('Backoff', () => {
  it('stays within [d/2, d] of a doubling, capped ceiling for any jitter', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (rs) => {
          let i = 0;
          const backoff = new Backoff(
            { initialMs: 1000, maxMs: 30_000, stableMs: 60_000 },
            () => rs[i] ?? 0.5,
          );
          for (i = 0; i < rs.length; i++) {
            const ceiling = Math.min(30_000, 1000 * 2 ** i);
            const delay = backoff.next();
            expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
            expect(delay).toBeLessThanOrEqual(ceiling);
          }
        },
      ),
    );
  });

  it('differs between clients (jitter) and resets only after a stable connection', () => {
    const a = new Backoff({ initialMs: 1000, maxMs: 30_000, stableMs: 60_000 }, () => 0.1);
    const b = new Backoff({ initialMs: 1000, maxMs: 30_000, stableMs: 60_000 }, () => 0.9);
    expect(a.next()).not.toBe(b.next());
    for (let i = 0; i < 10; i++) a.next();
    expect(a.next()).toBeGreaterThanOrEqual(15_000);
    a.noteUptime(59_000);
    expect(a.next()).toBeGreaterThanOrEqual(15_000);
    a.noteUptime(60_000);
    expect(a.next()).toBeLessThanOrEqual(1000);
  });
});

describe('Retry-After', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterMs('3', 0)).toBe(3000);
    expect(retryAfterMs(' 120 ', 0)).toBe(120_000);
    const now = Date.parse('Wed, 21 Oct 2026 07:28:00 GMT');
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', 0)).toBeNull();
    expect(retryAfterMs(null, 0)).toBeNull();
  });

  it('blocks every request to the venue until Retry-After has passed, sending nothing', async () => {
    let hits = 0;
    const server = createServer((_req, res) => {
      hits += 1;
      if (hits === 1) res.writeHead(429, { 'retry-after': '1' }).end('{}');
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":1}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const rest = new RestClient({ baseUrl: () => url, clock: systemClock, log: silentLogger });
    const first = await rest.get('/x');
    expect(first.ok || first.error.code).toBe('RATE_LIMITED');
    expect(rest.blockedForMs()).toBeGreaterThan(900);
    const second = await rest.get('/x');
    expect(second.ok || second.error.code).toBe('RATE_LIMITED');
    expect(hits).toBe(1);
    await new Promise((r) => setTimeout(r, rest.blockedForMs() + 10));
    const third = await rest.get('/x');
    expect(third.ok && third.value.body).toEqual({ ok: 1 });
    expect(hits).toBe(2);
    await new Promise<void>((r) => server.close(() => r()));
  });
});

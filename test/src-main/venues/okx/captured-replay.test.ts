/**
 * Real OKX v5 traffic (cryptofeed capture, 2022: `books` with CRC32 checksums, before seqId)
 * through the real OKX parser, sync rules and book core: every frame's checksum must match. The
 * same replay with corrupted checksums must FAIL (ccxt #30156: a verifier that never fails proves
 * nothing). Also replayed end to end through the connector and a fake venue.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { Grid } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';
import { createOkxConnector, okxAdapter } from '../../../../src-main/venues/okx/connector';
import { verifyOkxChecksum } from '../../../../src-main/venues/okx/parse';
import { BookSync, okxRules, type StreamConnector, type SyncOutcome } from '../../../../src-main/venues/kit';
import { readWsCapture } from '../../../support/captured';
import { fastEnv } from '../../../support/fake-venues/driver';
import { FakeServer, waitFor } from '../../../support/fake-venues/server';

const frames = readWsCapture('OKX.ws.1.0');
const INSTRUMENTS = ['BTC-USD-220527', 'UNI-USD-SWAP', 'BTC-USDT'];
const grid = new Grid({ tickSize: '0.0001' as DecimalString, lotSize: '0.00000001' as DecimalString });

function replay(texts: readonly string[]) {
  const syncs = new Map(
    INSTRUMENTS.map((i) => [
      i,
      new BookSync(grid, { mode: 'stream-snapshot', rules: okxRules, depth: 400, verify: verifyOkxChecksum }),
    ]),
  );
  const outcomes: Array<{ instId: string; outcome: SyncOutcome }> = [];
  let verified = 0;
  for (const text of texts) {
    const parsed = okxAdapter.parse(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) continue;
    for (const f of parsed.value) {
      if (f.kind !== 'depth') continue;
      const outcome = syncs.get(f.symbol)!.onStream(f.message);
      outcomes.push({ instId: f.symbol, outcome });
      if (outcome.kind === 'applied' && f.message.checksum) verified += 1;
    }
  }
  return { syncs, outcomes, verified };
}

const bookFrames = frames.filter((f) => f.text.includes('"channel":"books"') && f.text.includes('"action"'));

describe('captured OKX books', () => {
  it('every one of the captured checksums matches', () => {
    expect(bookFrames.length).toBeGreaterThan(280);
    const { outcomes, verified, syncs } = replay(frames.map((f) => f.text));
    expect(outcomes.filter((o) => o.outcome.kind !== 'applied')).toEqual([]);
    expect(verified).toBe(bookFrames.length);
    for (const sync of syncs.values()) expect(sync.valid).toBe(true);
  });

  it('FAILS when one checksum in the capture is corrupted, on exactly that frame', () => {
    const target = bookFrames[120]!.text;
    const corrupted = frames.map((f) =>
      f.text === target
        ? f.text.replace(/"checksum":(-?\d+)/, (_m, n: string) => `"checksum":${Number(n) + 1}`)
        : f.text,
    );
    const { outcomes } = replay(corrupted);
    const faults = outcomes.filter((o) => o.outcome.kind === 'fault');
    expect(faults.length).toBeGreaterThanOrEqual(1);
    expect(faults[0]!.outcome).toMatchObject({ kind: 'fault', cause: 'checksum' });
  });

  it('FAILS when a level is corrupted (one size changed in one update)', () => {
    const target = bookFrames.find(
      (f) => f.text.includes('"action":"update"') && f.text.includes('BTC-USDT'),
    )!.text;
    const corrupted = frames.map((f) =>
      f.text === target ? f.text.replace(/\["(\d+\.?\d*)","(\d+\.?\d*)"/, '["$1","9$2"') : f.text,
    );
    const { outcomes } = replay(corrupted);
    expect(outcomes.some((o) => o.outcome.kind === 'fault' && o.outcome.cause === 'checksum')).toBe(true);
  });

  describe('through the real connector and a replaying fake OKX', () => {
    let server: FakeServer;
    let connector: StreamConnector;
    afterEach(async () => {
      connector?.stop();
      await server?.stop();
    });

    it('reaches live books with no resync and the final checksum of the capture', async () => {
      server = await FakeServer.start();
      server.route((_req, url) =>
        url.pathname === '/api/v5/public/instruments'
          ? {
              body: {
                code: '0',
                data:
                  url.searchParams.get('instType') === 'SPOT'
                    ? INSTRUMENTS.map((instId) => ({
                        instId,
                        tickSz: '0.0001',
                        lotSz: '0.00000001',
                        state: 'live',
                      }))
                    : [],
              },
            }
          : null,
      );
      let replayed = false;
      server.onMessage((conn, text) => {
        if (text === 'ping') return conn.ws.send('pong');
        const all = server.connections.flatMap((c) => c.received).join(' ');
        if (replayed || !INSTRUMENTS.every((i) => all.includes(`"channel":"books","instId":"${i}"`))) return;
        replayed = true;
        for (const f of frames) conn.ws.send(f.text);
      });
      connector = createOkxConnector(
        fastEnv({ wsUrl: server.wsUrl('/ws/v5/public'), restUrl: server.httpUrl }, { silenceMs: 10_000 }),
      );
      for (const i of INSTRUMENTS) expect((await connector.watch(i)).ok).toBe(true);
      const lastChecksum = (instId: string) => {
        const last = bookFrames.filter((f) => f.text.includes(`"instId":"${instId}"`)).at(-1)!.text;
        return Number(/"checksum":(-?\d+)/.exec(last)![1]);
      };
      for (const i of INSTRUMENTS) {
        await waitFor(
          () => {
            const book = connector.book(i);
            if (!book) return false;
            // The reader exposes sides; rebuild the checksum string the same way as the verifier.
            const bids = book.bids.top(25);
            const asks = book.asks.top(25);
            const parts: string[] = [];
            for (let k = 0; k < Math.max(bids.length, asks.length); k++) {
              if (bids[k]) parts.push(bids[k]!.price, bids[k]!.size);
              if (asks[k]) parts.push(asks[k]!.price, asks[k]!.size);
            }
            return crc(parts.join(':')) === lastChecksum(i);
          },
          5000,
          i,
        );
      }
      for (const b of connector.health().books) {
        expect(b.status).toBe('live');
        expect(Object.values(b.resyncs).reduce((x, y) => x + y, 0)).toBe(0);
      }
    });
  });
});

/** node:zlib's CRC-32, signed: an implementation independent of the one under test. */
const crc = (s: string) => zlibCrc32(s) | 0;

/**
 * Hyperliquid specifics against the fake: one shared socket for every watched coin (10
 * connections per IP), the `{"method":"ping"}` keepalive, late l2Book pushes dropped by time, and
 * REST `POST /info` l2Book as the depth fallback (an unknown coin answers null).
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  hyperliquidAdapter,
  createHyperliquidConnector,
} from '../../../../src-main/venues/hyperliquid/connector';
import { BookSync, snapshotOnlyRules, type StreamConnector } from '../../../../src-main/venues/kit';
import { Grid } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';
import { fastEnv } from '../../../support/fake-venues/driver';
import { startHyperliquidFake } from '../../../support/fake-venues/hyperliquid';
import { waitFor } from '../../../support/fake-venues/server';

describe('Hyperliquid connector', () => {
  let fake: Awaited<ReturnType<typeof startHyperliquidFake>>;
  let connector: StreamConnector;
  afterEach(async () => {
    connector.stop();
    await fake.fake.server.stop();
  });

  async function start() {
    fake = await startHyperliquidFake(['BTC', 'ETH', 'SOL']);
    const server = fake.fake.server;
    connector = createHyperliquidConnector(fastEnv({ wsUrl: server.wsUrl('/ws'), restUrl: server.httpUrl }));
  }

  it('shares one socket across every watched coin and pings to keep it alive', async () => {
    await start();
    for (const coin of ['btc', 'ETH', 'SOL']) expect((await connector.watch(coin)).ok).toBe(true);
    await waitFor(() => connector.book('BTC'), 3000, 'BTC live');
    const server = fake.fake.server;
    await waitFor(() => server.connections[0]!.received.some((m) => m === '{"method":"ping"}'), 2000, 'ping');
    expect(server.connections).toHaveLength(1);
    const subscriptions = server.connections[0]!.received.filter((m) => m.includes('"subscribe"'));
    expect(subscriptions.filter((m) => m.includes('l2Book'))).toHaveLength(3);
  });

  it('serves REST /info l2Book when there is no live stream book, and reports unknown coins', async () => {
    await start();
    const depth = await connector.depth('BTC', 5);
    expect(depth.ok && depth.value.source).toBe('rest');
    if (depth.ok) {
      expect(depth.value.bids).toHaveLength(5);
      expect(depth.value.bids[0]!.count).toBeGreaterThan(0);
    }
    const rest = await hyperliquidAdapter.fetchSnapshot(
      connector.rest,
      { ...(await firstInstrument()), symbol: 'DOGE' },
      5,
    );
    expect(rest.ok).toBe(false);
    if (!rest.ok) expect(rest.error.code).toBe('NOT_FOUND');
  });

  async function firstInstrument() {
    const list = await connector.instruments();
    if (!list.ok) throw new Error('no instruments');
    return list.value[0]!;
  }

  it('drops an l2Book push older than the book it would replace', () => {
    const grid = new Grid({ tickSize: '0.1' as DecimalString, lotSize: '0.001' as DecimalString });
    const sync = new BookSync(grid, { mode: 'stream-snapshot', rules: snapshotOnlyRules });
    const push = (time: number, px: string) =>
      hyperliquidAdapter.parse(
        JSON.stringify({
          channel: 'l2Book',
          data: { coin: 'BTC', time, levels: [[{ px, sz: '1', n: 1 }], []] },
        }),
      );
    const a = push(2000, '100.1');
    const b = push(1000, '99.9');
    if (!a.ok || !b.ok || a.value[0]!.kind !== 'depth' || b.value[0]!.kind !== 'depth')
      throw new Error('parse');
    expect(sync.onStream(a.value[0]!.message).kind).toBe('applied');
    expect(sync.onStream(b.value[0]!.message)).toEqual({ kind: 'dropped', reason: 'stale' });
    expect(sync.book.bestBid()!.price).toBe('100.1');
  });
});

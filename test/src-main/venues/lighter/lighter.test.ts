/**
 * Lighter specifics: deltas before the subscribed snapshot are dropped; continuity is
 * begin_nonce == previous nonce whatever the offsets do; a break resubscribes (unsubscribe then
 * subscribe); REST orderBookOrders (individual orders) is summed per price exactly.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Grid } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';
import { createLighterConnector, lighterAdapter } from '../../../../src-main/venues/lighter/connector';
import {
  BookSync,
  lighterRules,
  type DepthMessage,
  type StreamConnector,
} from '../../../../src-main/venues/kit';
import { fastEnv } from '../../../support/fake-venues/driver';
import { startLighterFake } from '../../../support/fake-venues/lighter';
import { waitFor } from '../../../support/fake-venues/server';

const frame = (type: string, nonce: number, begin: number, offset: number, bids: Array<[string, string]>) =>
  JSON.stringify({
    type,
    channel: 'order_book:1',
    offset,
    timestamp: 1776000000475,
    order_book: {
      code: 0,
      asks: [],
      bids: bids.map(([price, size]) => ({ price, size })),
      offset,
      nonce,
      begin_nonce: begin,
    },
  });

const depth = (text: string): DepthMessage => {
  const parsed = lighterAdapter.parse(text);
  if (!parsed.ok || parsed.value[0]?.kind !== 'depth') throw new Error('not a depth frame');
  return parsed.value[0].message;
};

describe('Lighter sync rules on real-shaped frames', () => {
  const grid = new Grid({ tickSize: '0.1' as DecimalString, lotSize: '0.00001' as DecimalString });

  it('drops updates before the snapshot, then chains by nonce with non-contiguous offsets', () => {
    const sync = new BookSync(grid, { mode: 'stream-snapshot', rules: lighterRules });
    expect(sync.onStream(depth(frame('update/order_book', 90, 80, 1, [['75300.6', '1']]))).kind).toBe(
      'dropped',
    );
    expect(
      sync.onStream(depth(frame('subscribed/order_book', 100, 0, 52072043, [['75300.6', '0.05']]))).kind,
    ).toBe('applied');
    // Offset jumps 52072043 -> 52072055: irrelevant; begin_nonce links.
    expect(
      sync.onStream(depth(frame('update/order_book', 152, 100, 52072055, [['75300.6', '0.00000']]))).kind,
    ).toBe('applied');
    expect(sync.book.bestBid()).toBeUndefined();
    expect(
      sync.onStream(depth(frame('update/order_book', 160, 152, 52072056, [['75300.5', '0.3']]))).kind,
    ).toBe('applied');
    expect(
      sync.onStream(depth(frame('update/order_book', 170, 161, 52072057, [['75300.4', '0.3']]))),
    ).toMatchObject({
      kind: 'fault',
      cause: 'gap',
    });
  });
});

describe('Lighter connector', () => {
  let fake: Awaited<ReturnType<typeof startLighterFake>>;
  let connector: StreamConnector;
  afterEach(async () => {
    connector.stop();
    await fake.fake.server.stop();
  });

  it('resubscribes with unsubscribe then subscribe on a nonce break', async () => {
    fake = await startLighterFake();
    const server = fake.fake.server;
    connector = createLighterConnector(fastEnv({ wsUrl: server.wsUrl('/stream'), restUrl: server.httpUrl }));
    expect((await connector.watch('eth')).ok).toBe(true);
    await waitFor(() => connector.book('ETH'), 3000, 'live');
    fake.control.dropOne();
    fake.control.emit(1);
    await waitFor(() => connector.health().books[0]!.resyncs.gap === 1, 3000, 'gap');
    await waitFor(() => connector.book('ETH'), 3000, 'live again');
    const sent = server.connections[0]!.received;
    const unsub = sent.indexOf('{"type":"unsubscribe","channel":"order_book/0"}');
    expect(unsub).toBeGreaterThan(0);
    expect(sent.slice(unsub + 1)).toContain('{"type":"subscribe","channel":"order_book/0"}');
  });

  it('sums REST orderBookOrders per price into levels', async () => {
    fake = await startLighterFake();
    const server = fake.fake.server;
    connector = createLighterConnector(fastEnv({ wsUrl: server.wsUrl('/stream'), restUrl: server.httpUrl }));
    const depthResult = await connector.depth('ETH', 5);
    expect(depthResult.ok).toBe(true);
    if (!depthResult.ok) return;
    expect(depthResult.value.source).toBe('rest');
    const truth = fake.fake.truth.top(5);
    expect(depthResult.value.bids.map((l) => [l.price, l.size])).toEqual(
      truth.bids.map(([t, l]) => [String(t / 10), String(l / 1000)]),
    );
  });
});

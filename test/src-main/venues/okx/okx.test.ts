/**
 * OKX-specific rules against the fake OKX: checksum 0 (live since 2026-06-23) is never a
 * mismatch; a real checksum that disagrees triggers a resync; a sequence reset whose prevSeqId
 * still links is applied, a broken link is a gap.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { StreamConnector } from '../../../../src-main/venues/kit';
import { createOkxConnector } from '../../../../src-main/venues/okx/connector';
import { fastEnv } from '../../../support/fake-venues/driver';
import { startOkxFake } from '../../../support/fake-venues/okx';
import { waitFor } from '../../../support/fake-venues/server';

type Fake = Awaited<ReturnType<typeof startOkxFake>>;

describe('OKX connector', () => {
  let fake: Fake;
  let connector: StreamConnector;
  afterEach(async () => {
    connector.stop();
    await fake.fake.server.stop();
  });

  async function start(options: Parameters<typeof startOkxFake>[0]) {
    fake = await startOkxFake(options);
    connector = createOkxConnector(
      fastEnv({ wsUrl: fake.fake.server.wsUrl('/ws/v5/public'), restUrl: fake.fake.server.httpUrl }),
    );
    expect((await connector.watch('btc-usdt')).ok).toBe(true);
    await waitFor(() => connector.book('BTC-USDT'), 3000, 'live book');
  }

  const matchesTruth = () => {
    const book = connector.book('BTC-USDT');
    if (!book) return false;
    const truth = fake.fake.truth.top(25);
    return (
      JSON.stringify(book.bids.top(25).map((l) => [l.ticks, l.lots])) === JSON.stringify(truth.bids) &&
      JSON.stringify(book.asks.top(25).map((l) => [l.ticks, l.lots])) === JSON.stringify(truth.asks)
    );
  };
  const totalResyncs = () => Object.values(connector.health().books[0]!.resyncs).reduce((a, b) => a + b, 0);

  it('accepts checksum 0 on every frame (post-2026-06-23 feed) and validates by seqId only', async () => {
    await start({ checksum: 'zero' });
    fake.control.emit(200);
    await waitFor(matchesTruth, 3000, 'in sync');
    expect(totalResyncs()).toBe(0);
  });

  it('verifies real checksums and resyncs when the local book disagrees', async () => {
    await start({ checksum: 'real' });
    fake.control.emit(50);
    await waitFor(matchesTruth, 3000, 'in sync');
    expect(totalResyncs()).toBe(0);
    // The venue changes a level but the frame that says so is corrupted in transit: it carries
    // the venue's true checksum but a different size for the level.
    const statuses: string[] = [];
    connector.onBookChange(() => statuses.push(connector.bookState('BTC-USDT')!.status));
    const frame = fake.fake.change([['bid', 9_999, 7]], true);
    fake.fake.server.broadcast(frame.replace('"0.007"', '"0.008"'));
    await waitFor(() => connector.health().books[0]!.resyncs.checksum === 1, 3000, 'checksum resync');
    expect(statuses).toContain('resyncing');
    await waitFor(matchesTruth, 3000, 'resynced');
  });

  it('applies a sequence reset whose prevSeqId still links (seqId < prevSeqId)', async () => {
    await start({ checksum: 'real' });
    fake.options.resetNext = true;
    fake.control.emit(5);
    await waitFor(matchesTruth, 3000, 'in sync after reset');
    expect(totalResyncs()).toBe(0);
    expect(connector.lastId('BTC-USDT')).toBeLessThan(100);
  });

  it('treats a broken prevSeqId link as a gap and resubscribes for a new snapshot', async () => {
    await start({ checksum: 'zero' });
    const snapshots = fake.fake.snapshots;
    fake.control.dropOne();
    fake.control.emit(1);
    await waitFor(() => connector.health().books[0]!.resyncs.gap === 1, 3000, 'gap');
    await waitFor(() => fake.fake.snapshots > snapshots && matchesTruth(), 3000, 'resubscribed and in sync');
    const sent = fake.fake.server.connections.flatMap((c) => c.received);
    expect(sent.some((m) => m.includes('"op":"unsubscribe"') && m.includes('"books"'))).toBe(true);
  });

  it('sends the text ping keepalive and takes pong as liveness', async () => {
    await start({ checksum: 'zero' });
    await waitFor(() => fake.fake.server.connections[0]!.received.includes('ping'), 2000, 'ping');
  });
});

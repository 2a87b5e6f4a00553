/**
 * Kraken v2 specifics: numbers parsed as exact decimal text; the checksum string of the docs'
 * worked example; truncation to the subscribed depth; a venue checksum that disagrees triggers a
 * resync through the real connector.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { L2Book } from '../../../../src-main/core/book';
import { Grid } from '../../../../src-main/core/num';
import type { DecimalString } from '../../../../src-shared/domain';
import { BookSync, connectionSequencedRules, type StreamConnector } from '../../../../src-main/venues/kit';
import { createKrakenConnector } from '../../../../src-main/venues/kraken/connector';
import { krakenChecksumString, parseExact, parseKrakenFrame } from '../../../../src-main/venues/kraken/parse';
import { fastEnv } from '../../../support/fake-venues/driver';
import { startKrakenFake } from '../../../support/fake-venues/kraken';
import { waitFor } from '../../../support/fake-venues/server';

describe('Kraken parsing and checksum', () => {
  it('keeps prices and quantities as the exact decimal text on the wire', () => {
    expect(parseExact('{"price":45285.2,"qty":0.00100000,"checksum":123}')).toEqual({
      price: '45285.2',
      qty: '0.00100000',
      checksum: 123,
    });
    expect(parseExact('{"qty":1e-5,"price":1.5E+3}')).toEqual({ qty: '0.00001', price: '1500' });
    const frame = parseKrakenFrame(
      '{"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":64000.1,"qty":0.0}],"asks":[],"checksum":42,"timestamp":"2026-01-01T00:00:01.123456Z"}]}',
    );
    expect(frame.ok && frame.value[0]).toMatchObject({
      kind: 'depth',
      message: {
        kind: 'delta',
        bids: [{ price: '64000.1', size: '0.0' }],
        checksum: 42,
        venueTime: 1767225601123,
      },
    });
  });

  it('writes each level with the pair precision, without the point and leading zeros (docs example)', () => {
    const grid = new Grid({ tickSize: '0.1' as DecimalString, lotSize: '0.00000001' as DecimalString });
    const book = new L2Book(grid);
    book.applySnapshot([{ price: '45283.5', size: '0.1' }], [{ price: '45285.2', size: '0.001' }]);
    // Asks first (low to high), then bids (high to low); 0.001 at 8 decimals is "0.00100000".
    expect(krakenChecksumString(book)).toBe('452852100000' + '4528351' + '0000000');
  });

  it('truncates the book to the subscribed depth (Kraken never deletes out-of-scope levels)', () => {
    const grid = new Grid({ tickSize: '1' as DecimalString, lotSize: '1' as DecimalString });
    const sync = new BookSync(grid, { mode: 'stream-snapshot', rules: connectionSequencedRules, depth: 3 });
    sync.onStream({
      kind: 'snapshot',
      bids: ['10', '9', '8'].map((price) => ({ price, size: '1' })),
      asks: [],
    });
    sync.onStream({ kind: 'delta', bids: [{ price: '11', size: '1' }], asks: [] });
    expect(sync.book.bids.all().map((l) => l.price)).toEqual(['11', '10', '9']);
  });
});

describe('Kraken connector', () => {
  let fake: Awaited<ReturnType<typeof startKrakenFake>>;
  let connector: StreamConnector;
  afterEach(async () => {
    connector.stop();
    await fake.fake.server.stop();
  });

  it('verifies every checksum and resyncs when the venue disagrees', async () => {
    fake = await startKrakenFake();
    const server = fake.fake.server;
    connector = createKrakenConnector(fastEnv({ wsUrl: server.wsUrl('/v2'), restUrl: server.httpUrl }));
    expect((await connector.watch('btc/usd')).ok).toBe(true);
    await waitFor(() => connector.book('BTC/USD'), 3000, 'live');
    fake.control.emit(30);
    const total = () => Object.values(connector.health().books[0]!.resyncs).reduce((a, b) => a + b, 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(total()).toBe(0);
    fake.options.corruptNextChecksum = true;
    fake.control.emit(1);
    await waitFor(() => connector.health().books[0]!.resyncs.checksum === 1, 3000, 'checksum resync');
    await waitFor(() => connector.book('BTC/USD'), 3000, 'live again');
    const depth = await connector.depth('BTC/USD', 5);
    expect(depth.ok && depth.value.source).toBe('stream');
  });
});

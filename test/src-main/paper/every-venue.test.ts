/**
 * A paper venue works on every live venue's connector: against each fake exchange (the fakes the
 * connector conformance suite uses), `paper:<id>` becomes available on the venue's own metadata,
 * a paper market buy fills at the live book's best ask with that venue's default taker fee, and a
 * gap in the feed blocks new paper orders until the book is live again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../src-shared/domain';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { SettingsSchema } from '../../../src-main/config/settings';
import { silentLogger } from '../../../src-main/core/ports';
import { createPaperVenues, type PaperVenues } from '../../../src-main/paper/create';
import { DEFAULT_PAPER_FEES } from '../../../src-main/paper/fees';
import type { StreamConnector } from '../../../src-main/venues/kit';
import { binanceDriver } from '../../support/fake-venues/binance';
import { bybitDriver } from '../../support/fake-venues/bybit';
import { coinbaseDriver } from '../../support/fake-venues/coinbase';
import { fastEnv, type FakeVenueControl, type VenueDriver } from '../../support/fake-venues/driver';
import { hyperliquidDriver } from '../../support/fake-venues/hyperliquid';
import { krakenDriver } from '../../support/fake-venues/kraken';
import { lighterDriver } from '../../support/fake-venues/lighter';
import { okxDriver } from '../../support/fake-venues/okx';
import { waitFor } from '../../support/fake-venues/server';
import { resolve } from '../../support/paper';

const drivers: VenueDriver[] = [
  binanceDriver(false),
  binanceDriver(true),
  okxDriver,
  hyperliquidDriver,
  bybitDriver,
  lighterDriver,
  coinbaseDriver,
  krakenDriver,
];

describe.each(drivers)('paper:$venue', (driver) => {
  let fake: FakeVenueControl;
  let connector: StreamConnector;
  let paper: PaperVenues;

  afterEach(async () => {
    paper.stop();
    connector.stop();
    await fake.server.stop();
  });

  it('trades on the live book with the venue fee, and refuses while the book is not live', async () => {
    fake = await driver.start();
    connector = driver.connector(fake, fastEnv(driver.urls(fake)));
    const settings = SettingsSchema.parse({
      venues: { [driver.venue]: { enabled: true, symbols: [fake.symbol] } },
    });
    paper = createPaperVenues({
      settings,
      connectors: new Map([[driver.venue, connector]]),
      clock: systemClock,
      timers: nodeTimers,
      log: silentLogger,
    });
    const venue = paper.venues[0]!;
    expect(venue.venueId).toBe(`paper:${driver.venue}`);
    await paper.start(null);
    await waitFor(() => fake.server.open().length > 0, 3000, 'socket');
    await waitFor(
      () => {
        fake.emit(1);
        return connector.book(fake.symbol);
      },
      5000,
      'a live book',
    );
    const [spec] = venue.instruments();
    const { agentId } = await resolve(
      venue.registerAgent({ name: 'p', startingCapital: '1000000' as DecimalString }),
    );
    const best = connector.book(fake.symbol)!.asks.best()!;
    const placed = await resolve(
      venue.placeOrder({
        agentId,
        symbol: spec!.symbol,
        side: 'buy',
        orderType: 'market',
        quantity: spec!.lotSize,
        timeInForce: 'IOC',
      }),
    );
    expect(placed).toMatchObject({ status: 'filled', paper: true });
    const fills = await resolve(venue.recentFills(agentId, 10));
    const grid = connector.book(fake.symbol)!.instrument.grid;
    expect(fills[0]!.price).toBe(grid.price.fromSteps(best.ticks));
    const fee = DEFAULT_PAPER_FEES[driver.venue]!.taker;
    expect(Number(fills[0]!.fee)).toBeCloseTo(
      Number(fills[0]!.price) * Number(spec!.lotSize) * Number(fee),
      6,
    );

    // A lost message: the book is not live until it resyncs, and paper refuses meanwhile.
    const refusals: string[] = [];
    const off = connector.onBookChange(() => {
      if (connector.book(fake.symbol)) return;
      const r = venue.placeOrder({
        agentId,
        symbol: spec!.symbol,
        side: 'buy',
        orderType: 'market',
        quantity: spec!.lotSize,
        timeInForce: 'IOC',
      });
      if (!(r instanceof Promise) && !r.ok) refusals.push(r.error.code);
    });
    fake.dropOne();
    fake.emit(1);
    await waitFor(() => refusals.length > 0 || driver.sequenced === false, 3000, 'a refusal while resyncing');
    off();
    if (driver.sequenced !== false) expect(refusals[0]).toBe('UNAVAILABLE');
  });
});

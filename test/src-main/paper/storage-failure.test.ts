/**
 * A paper venue whose ledger writes fail stops: the call whose rows failed answers UNAVAILABLE
 * (never a success that would not survive a restart), later calls are refused, and prints no
 * longer change anything in memory.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../src-shared/domain';
import { appError, err, ok } from '../../../src-shared/result';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { silentLogger } from '../../../src-main/core/ports';
import { createPaperVenues, type PaperVenues } from '../../../src-main/paper/create';
import { EMPTY_VENUE_STATE } from '../../../src-main/store/read/venue-state';
import type { StreamConnector } from '../../../src-main/venues/kit';
import { waitFor } from '../../support/fake-venues/server';
import { paperSettings, resolve } from '../../support/paper';
import { ScriptedBinance, SYMBOL } from '../../support/scripted-binance';

const d = (s: string) => s as DecimalString;

describe('paper venue storage failure', () => {
  let exchange: ScriptedBinance;
  let connector: StreamConnector;
  let paper: PaperVenues;
  let failing = false;

  beforeEach(async () => {
    exchange = await ScriptedBinance.start();
    exchange.setBook([[10_000, 1_000]], [[10_010, 1_500]]);
    connector = exchange.connector();
    paper = createPaperVenues({
      settings: paperSettings(),
      connectors: new Map([['binance', connector]]),
      clock: systemClock,
      timers: nodeTimers,
      log: silentLogger,
    });
    let ticket = 0;
    const sink = {
      write: () => ++ticket,
      whenCommitted: () =>
        Promise.resolve(
          failing ? err(appError('UNAVAILABLE', 'SQLITE_FULL: database or disk is full')) : ok(undefined),
        ),
    };
    await paper.start({ sink, read: () => EMPTY_VENUE_STATE });
    await waitFor(() => connector.book(SYMBOL) !== null, 5000, 'a live book');
  });
  afterEach(async () => {
    paper.stop();
    connector.stop();
    await exchange.stop();
  });

  it('answers UNAVAILABLE for the failed write and refuses everything after', async () => {
    const venue = paper.venues[0]!;
    const { agentId } = await resolve(venue.registerAgent({ name: 'a', startingCapital: d('10000') }));
    const bid = await resolve(
      venue.placeOrder({
        agentId,
        symbol: SYMBOL,
        side: 'buy',
        orderType: 'limit',
        price: d('1000.5'),
        quantity: d('1'),
        timeInForce: 'GTC',
      }),
    );
    failing = true;
    const failed = await venue.placeOrder({
      agentId,
      symbol: SYMBOL,
      side: 'buy',
      orderType: 'market',
      quantity: d('0.1'),
      timeInForce: 'IOC',
    });
    expect(failed).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringMatching(/SQLITE_FULL/) },
    });
    expect(venue.available).toBe(false);
    expect(venue.portfolio(agentId)).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE' } });
    // A print through the resting bid changes nothing any more.
    const fills: string[] = [];
    venue.onEvent((e) => e.kind === 'order_filled' && fills.push(e.fill.orderId));
    exchange.trade(9_990, 5_000, 'sell');
    await new Promise((r) => setTimeout(r, 200));
    expect(fills).not.toContain(bid.orderId);
  });
});

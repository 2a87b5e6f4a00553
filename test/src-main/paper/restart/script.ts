/**
 * The paper session both restart tests run: a paper venue on the fake Binance with the real store
 * writer, an agent that trades (taker fills, resting orders on both sides, a stop, a bracket), and
 * the observable state a restart must reproduce exactly.
 */
import type { DecimalString } from '../../../../src-shared/domain';
import { nodeTimers, systemClock } from '../../../../src-main/app/node-ports';
import { silentLogger } from '../../../../src-main/core/ports';
import type { OrderView, PlaceOrderRequest, VenuePort } from '../../../../src-main/gateway/venue-port';
import { createPaperVenues, type PaperVenues } from '../../../../src-main/paper/create';
import { openPaperStore, type OpenedPaperStore } from '../../../../src-main/paper/store';
import { createBinanceConnector } from '../../../../src-main/venues/binance/connector';
import type { StreamConnector } from '../../../../src-main/venues/kit';
import { fastEnv } from '../../../support/fake-venues/driver';
import { waitFor } from '../../../support/fake-venues/server';
import { SYMBOL } from '../../../support/scripted-binance';
import { SOURCE_WORKER } from '../../../support/store-worker';
import { paperSettings, resolve } from '../../../support/paper';

const d = (s: string) => s as DecimalString;

export interface Session {
  readonly venue: VenuePort;
  readonly paper: PaperVenues;
  readonly connector: StreamConnector;
  readonly opened: OpenedPaperStore;
  stop(): Promise<void>;
}

export async function openSession(
  dataDir: string,
  urls: { wsUrl: string; restUrl: string },
): Promise<Session> {
  const connector = createBinanceConnector(fastEnv(urls));
  const paper = createPaperVenues({
    settings: paperSettings(),
    connectors: new Map([['binance', connector]]),
    clock: systemClock,
    timers: nodeTimers,
    log: silentLogger,
  });
  const opened = await openPaperStore({ dataDir, writer: SOURCE_WORKER });
  await paper.start(opened.store);
  await waitFor(() => connector.book(SYMBOL) !== null, 5000, 'a live book');
  return {
    venue: paper.venues[0]!,
    paper,
    connector,
    opened,
    stop: async () => {
      paper.stop();
      connector.stop();
      await opened.close();
    },
  };
}

const order = (agentId: string, over: Partial<PlaceOrderRequest>): PlaceOrderRequest => ({
  agentId,
  symbol: SYMBOL,
  side: 'buy',
  orderType: 'limit',
  quantity: d('1'),
  timeInForce: 'GTC',
  ...over,
});

/** Trades on a book of asks at 1001/1002 and bids at 1000/999; returns the agent id. */
export async function trade(venue: VenuePort): Promise<string> {
  const { agentId } = await resolve(venue.registerAgent({ name: 'alice', startingCapital: d('10000') }));
  await resolve(
    venue.placeOrder(order(agentId, { orderType: 'market', timeInForce: 'IOC', quantity: d('2') })),
  );
  await resolve(venue.placeOrder(order(agentId, { price: d('999.5'), quantity: d('1.5') })));
  await resolve(venue.placeOrder(order(agentId, { side: 'sell', price: d('1005'), quantity: d('0.5') })));
  const canceled = await resolve(venue.placeOrder(order(agentId, { price: d('990'), quantity: d('1') })));
  await resolve(venue.cancelOrder({ agentId, symbol: SYMBOL, orderId: canceled.orderId }));
  await resolve(
    venue.placeOrder(
      order(agentId, {
        side: 'sell',
        orderType: 'stop_market',
        triggerPrice: d('995'),
        quantity: d('1'),
        timeInForce: 'IOC',
      }),
    ),
  );
  await resolve(
    venue.placeOrder(
      order(agentId, {
        price: d('998'),
        quantity: d('0.3'),
        bracket: { takeProfit: d('1010'), stopLoss: d('990') },
      }),
    ),
  );
  return agentId;
}

/** What a restart must reproduce: balances, open orders (paper and trigger), recent fills. */
export async function observable(venue: VenuePort, agentId: string): Promise<string> {
  const { time: _t, ...portfolio } = await resolve(venue.portfolio(agentId));
  const open = (await resolve(venue.openOrders(agentId))).map(
    ({ queue: _q, noFillReason: _r, ...rest }: OrderView) => ({ ...rest, noFill: _r === 'trigger_pending' }),
  );
  const fills = await resolve(venue.recentFills(agentId, 100));
  return JSON.stringify({ portfolio, open, fills }, null, 1);
}

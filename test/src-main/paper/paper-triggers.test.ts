/**
 * Trigger orders on a paper venue fed by the fake Binance: a stop fires on the live venue's print
 * and its market order walks the live book; a bracket's legs follow the entry's partial fills
 * (which come from prints and the queue model), one leg firing cancels the other.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DecimalString } from '../../../src-shared/domain';
import { nodeTimers, systemClock } from '../../../src-main/app/node-ports';
import { silentLogger } from '../../../src-main/core/ports';
import type {
  OrderView,
  PlaceOrderRequest,
  VenueEvent,
  VenuePort,
} from '../../../src-main/gateway/venue-port';
import { createPaperVenues, type PaperVenues } from '../../../src-main/paper/create';
import type { StreamConnector } from '../../../src-main/venues/kit';
import { waitFor } from '../../support/fake-venues/server';
import { paperSettings, resolve } from '../../support/paper';
import { ScriptedBinance, SYMBOL } from '../../support/scripted-binance';

const d = (s: string) => s as DecimalString;

describe('trigger orders on a paper venue', () => {
  let exchange: ScriptedBinance;
  let connector: StreamConnector;
  let paper: PaperVenues;
  let venue: VenuePort;
  let events: VenueEvent[];
  let alice: string;

  beforeEach(async () => {
    exchange = await ScriptedBinance.start();
    exchange.setBook(
      [
        [10_000, 1_000],
        [9_990, 2_000],
      ],
      [
        [10_010, 1_500],
        [10_020, 2_500],
      ],
    );
    connector = exchange.connector();
    paper = createPaperVenues({
      settings: paperSettings(),
      connectors: new Map([['binance', connector]]),
      clock: systemClock,
      timers: nodeTimers,
      log: silentLogger,
    });
    venue = paper.venues[0]!;
    events = [];
    venue.onEvent((e) => events.push(e));
    await paper.start(null);
    await waitFor(() => connector.book(SYMBOL) !== null, 5000, 'a live book');
    alice = (await resolve(venue.registerAgent({ name: 'alice', startingCapital: d('10000') }))).agentId;
  });

  afterEach(async () => {
    paper.stop();
    connector.stop();
    await exchange.stop();
  });

  const order = (over: Partial<PlaceOrderRequest>): PlaceOrderRequest => ({
    agentId: alice,
    symbol: SYMBOL,
    side: 'buy',
    orderType: 'limit',
    quantity: d('1'),
    timeInForce: 'GTC',
    ...over,
  });
  const of = (id: string) =>
    events.filter(
      (e) =>
        (e.kind === 'order_placed' && e.order.orderId === id) ||
        (e.kind === 'order_filled' && e.fill.orderId === id) ||
        (e.kind === 'order_canceled' && e.canceled.orderId === id),
    );
  const latest = (id: string): OrderView | undefined =>
    events.flatMap((e) => (e.kind === 'order_placed' && e.order.orderId === id ? [e.order] : [])).at(-1);

  it('a stop-market sell fires on the live print and sells into the live bids', async () => {
    await resolve(venue.placeOrder(order({ orderType: 'market', timeInForce: 'IOC' })));
    exchange.trade(10_010, 100, 'buy');
    await waitFor(() => events.some((e) => e.kind === 'trade'));
    const stop = await resolve(
      venue.placeOrder(
        order({ side: 'sell', orderType: 'stop_market', triggerPrice: d('999'), timeInForce: 'IOC' }),
      ),
    );
    expect(stop).toMatchObject({
      paper: true,
      noFillReason: 'trigger_pending',
      trigger: { type: 'stop_market', state: 'pending' },
    });
    exchange.trade(9_995, 100, 'sell'); // above the stop
    exchange.trade(9_990, 100, 'sell'); // reaches it
    await waitFor(() => of(stop.orderId).some((e) => e.kind === 'order_filled'), 3000, 'the stop to fill');
    const fill = of(stop.orderId).find((e) => e.kind === 'order_filled');
    expect(fill).toMatchObject({
      fill: { price: '1000', quantity: '1', liquidity: 'taker', fee: '1', paper: true },
    });
    expect(latest(stop.orderId)).toMatchObject({ trigger: { state: 'triggered' } });
  });

  it('bracket legs follow partial fills of the entry, and the take-profit cancels the stop-loss', async () => {
    const entry = await resolve(
      venue.placeOrder(order({ price: d('1000.5'), bracket: { takeProfit: d('1003'), stopLoss: d('995') } })),
    );
    await waitFor(() => events.filter((e) => e.kind === 'order_placed' && e.order.trigger).length === 2);
    const legs = events.flatMap((e) => (e.kind === 'order_placed' && e.order.trigger ? [e.order] : []));
    const [tp, sl] = [
      legs.find((l) => l.trigger?.type === 'take_profit')!,
      legs.find((l) => l.trigger?.type === 'stop_loss')!,
    ];
    expect(tp).toMatchObject({
      quantity: '0',
      trigger: { state: 'waiting_entry', parentOrderId: entry.orderId },
    });
    exchange.trade(10_005, 400, 'sell'); // the entry is first in its queue: fills 0.4
    await waitFor(() => latest(sl.orderId)?.quantity === '0.4', 3000, 'legs sized to 0.4');
    expect(latest(tp.orderId)).toMatchObject({ quantity: '0.4', trigger: { state: 'pending' } });
    exchange.trade(10_005, 1_000, 'sell');
    await waitFor(() => latest(tp.orderId)?.quantity === '1', 3000, 'legs sized to 1');
    exchange.trade(10_030, 100, 'buy'); // through the take-profit
    await waitFor(
      () => of(tp.orderId).some((e) => e.kind === 'order_filled'),
      3000,
      'the take-profit to fill',
    );
    expect(of(sl.orderId).at(-1)).toMatchObject({ kind: 'order_canceled' });
    const btc = (await resolve(venue.portfolio(alice))).holdings.find((h) => h.asset === 'BTC');
    expect(btc).toBeUndefined();
  });
});

/**
 * The venue's instruments with their grids, and the gateway's own check of an order against them
 * (done before the venue sees it, so most bad orders are answered without touching venue state).
 * An off-grid value is refused with the reason, never rounded. The index re-reads the venue's list
 * on a miss (at most once a second), so instruments the venue adds later become tradable.
 */
import type { DecimalString } from '../../src-shared/domain';
import { decimalsOf, Grid, toScaled, type GridResult } from '../core/num';
import type { Logger } from '../core/ports';
import type { ResolvedAddOrder } from './protocol/decode';
import { gatewayError, type GatewayError, type GatewayErrorCode } from './protocol/errors';
import type { InstrumentSpec, PlaceOrderRequest, VenuePort } from './venue-port';

export interface Instrument {
  readonly spec: InstrumentSpec;
  readonly grid: Grid;
  /** minSize in lots, rounded up. */
  readonly minLots: number;
}

export class InstrumentIndex {
  private bySymbol = new Map<string, Instrument>();
  private lastRefresh = -Infinity;

  constructor(
    private readonly venue: VenuePort,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {
    this.refresh();
  }

  get(symbol: string): Instrument | undefined {
    const found = this.bySymbol.get(symbol);
    if (found || this.now() - this.lastRefresh < 1000) return found;
    this.refresh();
    return this.bySymbol.get(symbol);
  }

  specs(): readonly InstrumentSpec[] {
    return [...this.bySymbol.values()].map((i) => i.spec);
  }

  refresh(): void {
    this.lastRefresh = this.now();
    const next = new Map<string, Instrument>();
    for (const spec of this.venue.instruments()) {
      try {
        const grid = new Grid({ tickSize: spec.tickSize, lotSize: spec.lotSize });
        next.set(spec.symbol, { spec, grid, minLots: minLots(grid, spec.minSize) });
      } catch (cause) {
        this.log.error('venue instrument has an invalid grid; not tradable', {
          symbol: spec.symbol,
          cause: String(cause),
        });
      }
    }
    this.bySymbol = next;
  }
}

function minLots(grid: Grid, minSize: DecimalString): number {
  const decimals = Math.max(grid.size.decimals, decimalsOf(minSize));
  const min = toScaled(minSize, decimals);
  if (min === null || min <= 0n) return 1;
  const unit = grid.size.units * 10n ** BigInt(decimals - grid.size.decimals);
  return Number((min + unit - 1n) / unit);
}

export type OrderCheck = { ok: true; request: PlaceOrderRequest } | { ok: false; error: GatewayError };

/** Order-type rules, then price and quantity on the grid; returns the venue request on success. */
export function checkOrder(agentId: string, instrument: Instrument, order: ResolvedAddOrder): OrderCheck {
  const orderType = order.order_type ?? 'limit';
  const tif = order.time_in_force ?? (orderType === 'market' ? 'IOC' : 'GTC');
  const { grid, spec } = instrument;
  let price: DecimalString | undefined;
  if (orderType === 'limit') {
    if (order.price === undefined) return bad('INVALID_MESSAGE', 'price: required for limit orders');
    const ticks = grid.priceToTicks(order.price);
    if (!ticks.ok) return bad(...priceProblem(ticks, order.price, spec.tickSize));
    price = grid.ticksToPrice(ticks.value);
  } else {
    if (order.price !== undefined) return bad('INVALID_MESSAGE', 'price: must be omitted for market orders');
    if (tif !== 'IOC' && tif !== 'FOK') {
      return bad('INVALID_MESSAGE', 'time_in_force: market orders are IOC or FOK');
    }
  }
  const lots = grid.sizeToLots(order.quantity);
  if (!lots.ok) return bad(...quantityProblem(lots, order.quantity, spec.lotSize));
  if (lots.value < instrument.minLots) {
    return bad('BELOW_MIN_SIZE', `quantity ${order.quantity} is below min_size ${spec.minSize}`);
  }
  const request: PlaceOrderRequest = {
    agentId,
    symbol: spec.symbol,
    side: order.side,
    orderType,
    quantity: grid.lotsToSize(lots.value),
    timeInForce: tif,
    ...(price === undefined ? {} : { price }),
    ...(order.client_order_id === undefined ? {} : { clientOrderId: order.client_order_id }),
  };
  return { ok: true, request };
}

function priceProblem(result: GridResult, price: string, tick: string): [GatewayErrorCode, string] {
  if (result.ok) throw new Error('not a failure');
  switch (result.error) {
    case 'OFF_GRID':
      return ['OFF_TICK', `price ${price} is not a multiple of tick_size ${tick}`];
    case 'NOT_POSITIVE':
      return ['INVALID_PRICE', `price ${price} must be greater than 0`];
    case 'TOO_LARGE':
      return ['INVALID_PRICE', `price ${price} is too large`];
    case 'MALFORMED':
      return ['INVALID_PRICE', `price ${price.slice(0, 24)} is not a plain decimal`];
  }
}

function quantityProblem(result: GridResult, quantity: string, lot: string): [GatewayErrorCode, string] {
  if (result.ok) throw new Error('not a failure');
  switch (result.error) {
    case 'OFF_GRID':
      return ['OFF_LOT', `quantity ${quantity} is not a multiple of lot_size ${lot}`];
    case 'NOT_POSITIVE':
      return ['INVALID_QUANTITY', `quantity ${quantity} must be greater than 0`];
    case 'TOO_LARGE':
      return ['INVALID_QUANTITY', `quantity ${quantity} is too large`];
    case 'MALFORMED':
      return ['INVALID_QUANTITY', `quantity ${quantity.slice(0, 24)} is not a plain decimal`];
  }
}

/** Starting capital: a positive decimal with at most 18 integer and 18 fractional digits. */
export function checkAmount(
  amount: string,
): { ok: true; value: DecimalString } | { ok: false; error: GatewayError } {
  const match = /^(0|[1-9][0-9]{0,17})(?:\.([0-9]{1,18}))?$/.exec(amount);
  if (!match || !/[1-9]/.test(amount)) {
    return bad(
      'INVALID_AMOUNT',
      `starting_capital ${amount.slice(0, 24)} must be a positive decimal below 1e18`,
    );
  }
  return { ok: true, value: amount as DecimalString };
}

function bad(code: GatewayErrorCode, msg: string): { ok: false; error: GatewayError } {
  return { ok: false, error: gatewayError(code, msg) };
}

/**
 * Checks of trigger requests before anything changes: the instrument and its grid, quantity, the
 * trigger and limit prices, time in force, and prices that make sense for a bracket. Each failure
 * is a VenueReject with the port's codes; nothing is rounded.
 */
import type { DecimalString } from '../../../src-shared/domain';
import { decimalsOf, Grid, toScaled, type GridResult } from '../../core/num';
import type { TriggerBook, TriggerSide } from '../../core/triggers';
import type {
  InstrumentSpec,
  PlaceOrderRequest,
  VenueReject,
  VenueRejectCode,
} from '../../gateway/venue-port';

export type Checked<T> = { ok: true; value: T } | { ok: false; error: VenueReject };

const fail = <T>(code: VenueRejectCode, message: string): Checked<T> => ({
  ok: false,
  error: { code, message },
});

export interface Market {
  readonly spec: InstrumentSpec;
  readonly grid: Grid;
  readonly minLots: number;
}

export function marketOf(spec: InstrumentSpec): Market {
  const grid = new Grid(spec);
  const decimals = Math.max(grid.size.decimals, decimalsOf(spec.minSize));
  const min = toScaled(spec.minSize, decimals) ?? 0n;
  const unit = grid.size.units * 10n ** BigInt(decimals - grid.size.decimals);
  return { spec, grid, minLots: Math.max(1, Number((min + unit - 1n) / unit)) };
}

export function priceTicks(grid: Grid, price: DecimalString | undefined, what: string): Checked<number> {
  if (price === undefined) return fail('INVALID_PRICE', `${what} is required`);
  return gridValue(grid.priceToTicks(price), 'OFF_TICK', 'INVALID_PRICE', `${what} ${price}`);
}

function gridValue(
  result: GridResult,
  off: VenueRejectCode,
  bad: VenueRejectCode,
  what: string,
): Checked<number> {
  if (result.ok) return { ok: true, value: result.value };
  return result.error === 'OFF_GRID'
    ? fail(off, `${what} is off the grid`)
    : fail(bad, `${what} is not valid`);
}

export interface CheckedStop {
  readonly kind: 'stop_market' | 'stop_limit';
  readonly triggerTicks: number;
  readonly limitTicks: number | undefined;
  readonly qty: number;
}

export function checkStop(market: Market, book: TriggerBook, req: PlaceOrderRequest): Checked<CheckedStop> {
  const kind = req.orderType;
  if (kind !== 'stop_market' && kind !== 'stop_limit') throw new Error('not a stop order');
  if (req.bracket !== undefined)
    return fail('INVALID_PRICE', 'brackets attach to limit or market entries, not to stop orders');
  const qty = gridValue(
    market.grid.sizeToLots(req.quantity),
    'OFF_LOT',
    'INVALID_QUANTITY',
    `quantity ${req.quantity}`,
  );
  if (!qty.ok) return qty;
  if (qty.value < market.minLots)
    return fail('BELOW_MIN_SIZE', `quantity ${req.quantity} is below the minimum ${market.spec.minSize}`);
  const trigger = priceTicks(market.grid, req.triggerPrice, 'triggerPrice');
  if (!trigger.ok) return trigger;
  let limitTicks: number | undefined;
  if (kind === 'stop_limit') {
    const limit = priceTicks(market.grid, req.price, 'price (the limit a stop_limit releases)');
    if (!limit.ok) return limit;
    limitTicks = limit.value;
  } else {
    if (req.price !== undefined) return fail('INVALID_PRICE', 'stop_market orders have no price');
    if (req.timeInForce !== 'IOC' && req.timeInForce !== 'FOK')
      return fail('INVALID_PRICE', 'stop_market orders release market orders: IOC or FOK');
  }
  if (book.wouldFire(req.symbol, kind, req.side, trigger.value)) {
    const last = market.grid.ticksToPrice(book.lastPrice(req.symbol)!);
    return fail('INVALID_PRICE', `triggerPrice ${req.triggerPrice} is already reached (last trade ${last})`);
  }
  return { ok: true, value: { kind, triggerTicks: trigger.value, limitTicks, qty: qty.value } };
}

export interface CheckedBracket {
  readonly takeProfit: number | undefined;
  readonly stopLoss: number | undefined;
}

/**
 * Bracket prices must be on the grid and on the right sides: after a buy entry the take-profit is
 * above the stop-loss and above the entry's limit (or last trade price for a market entry), the
 * stop-loss below it; after a sell entry the other way round.
 */
export function checkBracket(
  market: Market,
  book: TriggerBook,
  req: PlaceOrderRequest,
): Checked<CheckedBracket> {
  const bracket = req.bracket!;
  if (bracket.takeProfit === undefined && bracket.stopLoss === undefined)
    return fail('INVALID_PRICE', 'a bracket needs a takeProfit, a stopLoss or both');
  const tp =
    bracket.takeProfit === undefined ? null : priceTicks(market.grid, bracket.takeProfit, 'takeProfit');
  if (tp && !tp.ok) return tp;
  const sl = bracket.stopLoss === undefined ? null : priceTicks(market.grid, bracket.stopLoss, 'stopLoss');
  if (sl && !sl.ok) return sl;
  const reference = req.price !== undefined ? market.grid.priceToTicks(req.price) : null;
  const ref = reference?.ok ? reference.value : book.lastPrice(req.symbol);
  const up = (side: TriggerSide) => (side === 'buy' ? 1 : -1);
  const dir = up(req.side);
  if (tp && ref !== undefined && (tp.value - ref) * dir <= 0)
    return fail(
      'INVALID_PRICE',
      `takeProfit ${bracket.takeProfit} must be ${dir > 0 ? 'above' : 'below'} the entry price`,
    );
  if (sl && ref !== undefined && (ref - sl.value) * dir <= 0)
    return fail(
      'INVALID_PRICE',
      `stopLoss ${bracket.stopLoss} must be ${dir > 0 ? 'below' : 'above'} the entry price`,
    );
  if (tp && sl && (tp.value - sl.value) * dir <= 0)
    return fail('INVALID_PRICE', 'takeProfit and stopLoss are on the wrong sides of each other');
  return { ok: true, value: { takeProfit: tp?.value, stopLoss: sl?.value } };
}

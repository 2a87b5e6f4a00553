/**
 * The venue's answers in the VenuePort's closed vocabulary: engine rejection reasons and grid
 * conversion failures mapped to VenueRejectCodes, each with one sentence a bot author can act on.
 */
import type { DecimalString, Side } from '../../src-shared/domain';
import type { RejectReason } from '../core/engine';
import type { Grid, GridResult } from '../core/num';
import type { VenueReject, VenueRejectCode, VenueResult } from '../gateway/venue-port';

export function rejected<T>(code: VenueRejectCode, message: string): VenueResult<T> {
  return { ok: false, error: { code, message } };
}

export function accepted<T>(value: T): VenueResult<T> {
  return { ok: true, value };
}

/** Price text -> ticks, or the rejection. */
export function toTicks(grid: Grid, price: string): VenueResult<number> {
  return fromGrid(grid.priceToTicks(price), 'INVALID_PRICE', 'OFF_TICK', () =>
    gridMessage('price', price, 'tick size', grid.ticksToPrice(1)),
  );
}

/** Quantity text -> lots, or the rejection. */
export function toLots(grid: Grid, quantity: string): VenueResult<number> {
  return fromGrid(grid.sizeToLots(quantity), 'INVALID_QUANTITY', 'OFF_LOT', () =>
    gridMessage('quantity', quantity, 'lot size', grid.lotsToSize(1)),
  );
}

function fromGrid(
  result: GridResult,
  invalid: VenueRejectCode,
  offGrid: VenueRejectCode,
  offGridMessage: () => string,
): VenueResult<number> {
  if (result.ok) return accepted(result.value);
  if (result.error === 'OFF_GRID') return rejected(offGrid, offGridMessage());
  const what = invalid === 'INVALID_PRICE' ? 'price' : 'quantity';
  const why = result.error === 'TOO_LARGE' ? 'is too large' : 'must be a positive plain decimal';
  return rejected(invalid, `the ${what} ${why}`);
}

function gridMessage(what: string, value: string, step: string, size: DecimalString): string {
  return `${what} ${value} is not a multiple of ${step} ${size}`;
}

export interface RejectContext {
  readonly side?: Side;
  readonly symbol?: string;
  readonly orderId?: string;
  readonly minSize?: DecimalString;
}

export function fromEngine(reason: RejectReason, ctx: RejectContext = {}): VenueReject {
  const [code, message] = describe(reason, ctx);
  return { code, message };
}

function describe(reason: RejectReason, ctx: RejectContext): [VenueRejectCode, string] {
  switch (reason) {
    case 'UNKNOWN_ACCOUNT':
      return ['UNKNOWN_AGENT', 'the agent is not registered on this venue'];
    case 'DUPLICATE_ACCOUNT':
    case 'INVALID_ACCOUNT':
      return ['AGENT_NAME_TAKEN', 'that agent name cannot be registered'];
    case 'UNKNOWN_ASSET':
    case 'INVALID_AMOUNT':
    case 'AMOUNT_TOO_LARGE':
      return ['INVALID_AMOUNT', 'the amount is malformed, not positive or too large'];
    case 'UNKNOWN_INSTRUMENT':
      return ['UNKNOWN_SYMBOL', `no instrument ${ctx.symbol ?? ''}`.trim()];
    case 'INVALID_ORDER':
      return ['INVALID_PRICE', 'market orders carry no price and are IOC or FOK; limit orders need a price'];
    case 'INVALID_PRICE':
      return ['INVALID_PRICE', 'the price must be a positive number of ticks'];
    case 'OFF_TICK':
      return ['OFF_TICK', 'the price is not a multiple of the tick size'];
    case 'INVALID_QUANTITY':
      return ['INVALID_QUANTITY', 'the quantity must be positive (and, when amending, above what is filled)'];
    case 'OFF_LOT':
      return ['OFF_LOT', 'the quantity is not a multiple of the lot size'];
    case 'BELOW_MIN_SIZE':
    case 'BELOW_MIN_NOTIONAL':
      return ['BELOW_MIN_SIZE', `the quantity is below the minimum size ${ctx.minSize ?? ''}`.trim()];
    case 'DUPLICATE_CLIENT_ORDER_ID':
      return ['DUPLICATE_CLIENT_ORDER_ID', 'an open order of yours already uses that client order id'];
    case 'WOULD_CROSS':
      return ['POST_ONLY_WOULD_TAKE', 'a post-only order at that price would trade immediately'];
    case 'INSUFFICIENT_FUNDS':
      return ctx.side === 'sell'
        ? ['INSUFFICIENT_BALANCE', 'you do not hold that much free base to sell (cash accounts cannot short)']
        : ['INSUFFICIENT_FUNDS', 'the order costs more (fees included) than your free cash'];
    case 'UNKNOWN_ORDER':
      return ['UNKNOWN_ORDER', `order ${ctx.orderId ?? ''} is not open (unknown, filled or canceled)`];
    case 'NOT_YOUR_ORDER':
      return ['NOT_YOUR_ORDER', `order ${ctx.orderId ?? ''} belongs to another agent`];
  }
}

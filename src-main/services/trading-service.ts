/**
 * The user's trading requests on any registered venue: place, amend, cancel, cancel all and
 * flatten, each answered with an outcome value (accepted with the order, or rejected with the
 * venue's code and sentence). The user is their own agent on each venue; orders are looked up among
 * the user's open orders, so another agent's order id is simply unknown here. Only bad input and
 * unknown venues are AppErrors.
 */
import type { OrderOutcome, TradingOrder, TradingRejectCode, TradingVenue } from '../../src-shared/contract';
import type { DecimalString } from '../../src-shared/domain';
import { appError, err, ok, type Result } from '../../src-shared/result';
import { decimalsOf, fromScaled, toScaled } from '../core/num';
import type { OrderView, VenueResult } from '../gateway/venue-port';
import type { RequestHandler } from '../rpc/handlers';
import { settle, type TradingRegistry, type TradingVenueEntry } from './trading-registry';

type Rejected = Extract<OrderOutcome, { status: 'rejected' }>;

export function rejectedOutcome(code: TradingRejectCode, message: string): Rejected {
  return { status: 'rejected', code, message, retryable: code === 'UNAVAILABLE' };
}

export function tradingOrder(o: OrderView): TradingOrder {
  return {
    orderId: o.orderId,
    ...(o.clientOrderId === undefined ? {} : { clientOrderId: o.clientOrderId }),
    symbol: o.symbol,
    side: o.side,
    orderType: o.orderType,
    timeInForce: o.timeInForce,
    ...(o.price === undefined ? {} : { price: o.price }),
    quantity: o.quantity,
    filledQuantity: o.filledQuantity,
    remainingQuantity: o.remainingQuantity,
    status: o.status,
    time: o.time,
    ...(o.trigger === undefined ? {} : { trigger: o.trigger }),
    ...(o.paper === undefined ? {} : { paper: o.paper }),
    ...(o.queue === undefined ? {} : { queue: o.queue }),
    ...(o.noFillReason === undefined ? {} : { noFillReason: o.noFillReason }),
  };
}

/** The port's bracket has no `undefined` members (exact optional properties). */
function bracketOf(b: { takeProfit?: DecimalString | undefined; stopLoss?: DecimalString | undefined }) {
  return {
    ...(b.takeProfit === undefined ? {} : { takeProfit: b.takeProfit }),
    ...(b.stopLoss === undefined ? {} : { stopLoss: b.stopLoss }),
  };
}

function outcome(result: VenueResult<OrderView>): OrderOutcome {
  return result.ok
    ? { status: 'accepted', order: tradingOrder(result.value) }
    : rejectedOutcome(result.error.code, result.error.message);
}

export function createTradingService(registry: TradingRegistry) {
  /**
   * Runs `fn` with the venue and the user's agent on it; an unknown venue is an AppError, a venue
   * that is not ready a retryable rejection.
   */
  const asUser = async <T>(
    venue: string,
    fn: (entry: TradingVenueEntry, agentId: string) => Promise<T | Rejected>,
  ): Promise<Result<T | Rejected>> => {
    const entry = registry.get(venue);
    if (!entry) return err(appError('NOT_FOUND', `no trading venue ${venue}`));
    const agentId = entry.userAgentId();
    if (agentId === null)
      return ok(rejectedOutcome('UNAVAILABLE', entry.unavailableReason() ?? `${venue} is starting`));
    return ok(await fn(entry, agentId));
  };

  const findOpen = async (entry: TradingVenueEntry, agentId: string, orderId: string) => {
    const open = await settle(entry.port.openOrders(agentId));
    return open.ok ? open.value.find((o) => o.orderId === orderId) : undefined;
  };

  const venues: RequestHandler<'trading.venues'> = () =>
    ok(
      [...registry.values()].map((e): TradingVenue => ({
        venue: e.venueId,
        name: e.name,
        kind: e.kind,
        available: e.port.available && e.userAgentId() !== null,
        reason: e.unavailableReason(),
        userAgentId: e.userAgentId(),
      })),
    );

  const place: RequestHandler<'trading.place'> = (input) =>
    asUser(input.venue, async (entry, agentId) => {
      const result = await settle(
        entry.port.placeOrder({
          agentId,
          symbol: input.symbol,
          side: input.side,
          orderType: input.type,
          timeInForce: input.tif,
          quantity: input.quantity,
          ...(input.price === undefined ? {} : { price: input.price }),
          ...(input.triggerPrice === undefined ? {} : { triggerPrice: input.triggerPrice }),
          ...(input.bracket === undefined ? {} : { bracket: bracketOf(input.bracket) }),
          ...(input.clientOrderId === undefined ? {} : { clientOrderId: input.clientOrderId }),
        }),
      );
      return outcome(result);
    });

  const amend: RequestHandler<'trading.amend'> = (input) =>
    asUser(input.venue, async (entry, agentId) => {
      const order = await findOpen(entry, agentId, input.orderId);
      if (!order) return rejectedOutcome('UNKNOWN_ORDER', `you have no open order ${input.orderId}`);
      const result = await settle(
        entry.port.amendOrder({
          agentId,
          symbol: order.symbol,
          orderId: input.orderId,
          ...(input.price === undefined ? {} : { price: input.price }),
          ...(input.quantity === undefined ? {} : { quantity: input.quantity }),
        }),
      );
      return outcome(result);
    });

  const cancel: RequestHandler<'trading.cancel'> = (input) =>
    asUser(input.venue, async (entry, agentId): Promise<OrderOutcome> => {
      const order = await findOpen(entry, agentId, input.orderId);
      if (!order) return rejectedOutcome('UNKNOWN_ORDER', `you have no open order ${input.orderId}`);
      const result = await settle(
        entry.port.cancelOrder({ agentId, symbol: order.symbol, orderId: input.orderId }),
      );
      if (!result.ok) return rejectedOutcome(result.error.code, result.error.message);
      return {
        status: 'accepted',
        order: { ...tradingOrder(order), status: 'canceled', remainingQuantity: '0' as DecimalString },
      };
    });

  const cancelAll: RequestHandler<'trading.cancelAll'> = (input) =>
    asUser(input.venue, async (entry, agentId) => {
      const result = await settle(
        entry.port.cancelAll({ agentId, ...(input.symbol === undefined ? {} : { symbol: input.symbol }) }),
      );
      return result.ok
        ? { status: 'accepted' as const, canceled: result.value.canceled }
        : rejectedOutcome(result.error.code, result.error.message);
    });

  const flatten: RequestHandler<'trading.flatten'> = (input) =>
    asUser(input.venue, async (entry, agentId) => {
      const spec = entry.port.instruments().find((i) => i.symbol === input.symbol);
      if (!spec) return rejectedOutcome('UNKNOWN_SYMBOL', `no instrument ${input.symbol} on ${input.venue}`);
      const portfolio = entry.port.portfolio(agentId);
      if (!portfolio.ok) return rejectedOutcome(portfolio.error.code, portfolio.error.message);
      const free =
        portfolio.value.holdings.find((h) => h.asset === spec.base)?.free ?? ('0' as DecimalString);
      const quantity = floorToStep(free, spec.lotSize);
      if (quantity === null || !atLeast(quantity, spec.minSize)) {
        return rejectedOutcome(
          'NOTHING_TO_FLATTEN',
          `you hold no free ${spec.base} to sell (at least ${spec.minSize})`,
        );
      }
      const result = await settle(
        entry.port.placeOrder({
          agentId,
          symbol: spec.symbol,
          side: 'sell',
          orderType: 'market',
          timeInForce: 'IOC',
          quantity,
        }),
      );
      return outcome(result);
    });

  return {
    requests: {
      'trading.venues': venues,
      'trading.place': place,
      'trading.amend': amend,
      'trading.cancel': cancel,
      'trading.cancelAll': cancelAll,
      'trading.flatten': flatten,
    },
  } as const;
}

/** `amount` rounded down to a whole multiple of `step`; null when that is zero. Exact. */
export function floorToStep(amount: string, step: string): DecimalString | null {
  const decimals = Math.max(decimalsOf(amount), decimalsOf(step));
  const a = toScaled(amount, decimals);
  const s = toScaled(step, decimals);
  if (a === null || s === null || s <= 0n) return null;
  const floored = a - (a % s);
  return floored > 0n ? fromScaled(floored, decimals) : null;
}

function atLeast(a: string, b: string): boolean {
  const decimals = Math.max(decimalsOf(a), decimalsOf(b));
  return (toScaled(a, decimals) ?? 0n) >= (toScaled(b, decimals) ?? 0n);
}

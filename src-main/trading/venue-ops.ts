/**
 * The order operations VenuePort gains in this round (amendOrder, cancelAll, openOrders,
 * recentFills), with exactly the shapes agreed with the simulated venue's port change. They are
 * declared here so the paper venue and the trigger layer can implement and forward them before
 * that change merges; afterwards `TradingVenuePort` is simply VenuePort.
 */
import type { DecimalString } from '../../src-shared/domain';
import type { Awaitable, FillView, OrderView, VenuePort, VenueResult } from '../gateway/venue-port';

export interface AmendOrderRequest {
  readonly agentId: string;
  readonly symbol: string;
  readonly orderId: string;
  readonly price?: DecimalString;
  /** New total quantity (filled part included). */
  readonly quantity?: DecimalString;
}

export interface CancelAllRequest {
  readonly agentId: string;
  readonly symbol?: string;
}

export interface VenueOrderOps {
  amendOrder(req: AmendOrderRequest): Awaitable<VenueResult<OrderView>>;
  cancelAll(req: CancelAllRequest): Awaitable<VenueResult<{ canceled: number }>>;
  openOrders(agentId: string): Awaitable<VenueResult<readonly OrderView[]>>;
  /** Most recent last, at most `limit`. */
  recentFills(agentId: string, limit: number): Awaitable<VenueResult<readonly FillView[]>>;
}

export type TradingVenuePort = VenuePort & VenueOrderOps;

/** Resolves an Awaitable without turning a synchronous answer into a Promise. */
export function andThen<T, U>(value: Awaitable<T>, next: (v: T) => U | Promise<U>): Awaitable<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

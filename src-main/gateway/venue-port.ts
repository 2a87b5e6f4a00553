/**
 * THE port between the agents' gateway and a trading venue (today: the simulated venue). It is
 * the contract the venue's services implement; the gateway never sees engine internals.
 *
 * Conventions every implementation must keep:
 * - Prices, sizes and amounts are canonical decimal strings (`DecimalString`: no exponent, no
 *   leading '+'); the gateway has already checked them against the instrument's grid, but the
 *   venue validates again (it is the owner of its invariants) and answers off-grid input with a
 *   rejection, never by rounding.
 * - Expected failures are values (`VenueResult` with a `VenueRejectCode`); a call that is rejected
 *   changes nothing (same state hash before and after). Throwing means a broken invariant.
 * - Ownership is enforced by the venue too: `cancelOrder` for another agent's order is
 *   `NOT_YOUR_ORDER` and changes nothing.
 * - Calls may answer synchronously or with a Promise. Promises resolve in call order. Events a
 *   call causes are emitted either synchronously inside the call or after its Promise resolved, so
 *   the gateway can send a command's response before the events it caused.
 * - `onEvent` listeners are called synchronously and must not be re-entered: the venue emits
 *   events after its state is consistent.
 * - Market data of this venue for `l2Book` / `trades` subscriptions goes through the
 *   MarketDataPort (venue id "sim"); this port only serves what bots trade with.
 * - test/support/venue-port-conformance.ts is a test suite any implementation can be run through.
 */
import type {
  VenueRejectCode,
  DecimalString,
  NoFillReason,
  OrderType,
  QueueConfidence,
  Side,
  TimeInForce,
} from '../../src-shared/domain';

export type Awaitable<T> = T | Promise<T>;

/** Resolves an Awaitable without turning a synchronous answer into a Promise. */
export function andThen<T, U>(value: Awaitable<T>, next: (v: T) => U | Promise<U>): Awaitable<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

export { VENUE_REJECT_CODES, type VenueRejectCode } from '../../src-shared/domain';

export interface VenueReject {
  readonly code: VenueRejectCode;
  /** One sentence a bot author can act on, e.g. "price 100.005 is not a multiple of 0.01". */
  readonly message: string;
}

export type VenueResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: VenueReject };

export interface InstrumentSpec {
  /** The venue's symbol, e.g. "BTC-USD"; bots send it as `symbol_id`. */
  readonly symbol: string;
  readonly base: string;
  readonly quote: string;
  readonly tickSize: DecimalString;
  readonly lotSize: DecimalString;
  /** Smallest order quantity (a multiple of lotSize). */
  readonly minSize: DecimalString;
}

export interface RegisterAgentRequest {
  readonly name: string;
  /** In the venue's settlement (quote) currency. */
  readonly startingCapital: DecimalString;
}

export interface RegisteredAgent {
  readonly agentId: string;
  /**
   * False when an agent of that name was registered through the gateway before (a bot that
   * reconnects gets its agent back; startingCapital is then ignored).
   */
  readonly created: boolean;
}

/**
 * Order types a port accepts. `stop_market` and `stop_limit` are trigger orders: they wait, off the
 * book, until the last trade price reaches `triggerPrice` (a buy stop fires when the price rises to
 * it, a sell stop when it falls to it), then release a market (IOC) or limit (GTC, at `price`)
 * order. Venues do not implement them themselves: the trigger layer (src-main/trading/triggers)
 * adds them, and brackets, to any VenuePort.
 */
export type PortOrderType = OrderType | 'stop_market' | 'stop_limit';

export interface PlaceOrderRequest {
  readonly agentId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly orderType: PortOrderType;
  /** Present for limit and stop_limit orders, absent for market and stop_market orders. */
  readonly price?: DecimalString;
  readonly quantity: DecimalString;
  /** Market orders are IOC or FOK. Stop orders: IOC (stop_market) or GTC (stop_limit). */
  readonly timeInForce: TimeInForce;
  readonly clientOrderId?: string;
  /** stop_market / stop_limit only (required there): the trade price that fires the order. */
  readonly triggerPrice?: DecimalString;
  /**
   * Limit or market orders only: take-profit and/or stop-loss legs closing what this entry opens.
   * Legs are sized to the entry's filled quantity (re-sized on partial fills), fire on trade
   * prices (take-profit when the price reaches the target, stop-loss when it reaches the stop),
   * release market orders, and cancel each other (OCO). An entry canceled with nothing filled
   * cancels its legs. Each leg is an order of its own (see OrderView.trigger).
   */
  readonly bracket?: { readonly takeProfit?: DecimalString; readonly stopLoss?: DecimalString };
}

export type OrderStatus = 'open' | 'filled' | 'canceled';

/** A trigger order or bracket leg, as shown on its OrderView. */
export interface TriggerInfo {
  readonly type: 'stop_market' | 'stop_limit' | 'take_profit' | 'stop_loss';
  readonly triggerPrice: DecimalString;
  /**
   * waiting_entry: a bracket leg whose entry has not filled yet (quantity "0");
   * pending: armed, waiting for its price; triggered: fired, the view now follows the order it
   * released (same orderId).
   */
  readonly state: 'waiting_entry' | 'pending' | 'triggered';
  /** Bracket legs: the entry order and the other leg. */
  readonly parentOrderId?: string;
  readonly siblingOrderId?: string;
}

/** A resting paper order's estimated place in the live venue's queue at its price. */
export interface QueueEstimate {
  /** Visible size ahead of it, in base units. */
  readonly ahead: DecimalString;
  readonly confidence: QueueConfidence;
}

/** The state of one order right after a call or event. */
export interface OrderView {
  readonly orderId: string;
  readonly agentId: string;
  readonly clientOrderId?: string;
  readonly symbol: string;
  readonly side: Side;
  readonly orderType: OrderType;
  readonly timeInForce: TimeInForce;
  readonly price?: DecimalString;
  readonly quantity: DecimalString;
  readonly filledQuantity: DecimalString;
  /** Quantity still resting on the book ("0" unless status is open). */
  readonly remainingQuantity: DecimalString;
  /** open = resting (possibly partly filled); canceled includes an IOC/market remainder. */
  readonly status: OrderStatus;
  readonly time: number;
  /**
   * A pending trigger order reports the type it will release (market for stop_market and legs,
   * limit for stop_limit) and says what it waits for here.
   */
  readonly trigger?: TriggerInfo;
  /** Paper venues: always true, so a paper order is never taken for a live one. */
  readonly paper?: true;
  /** Resting paper orders: estimated queue position (see src-main/core/paper/queue.ts). */
  readonly queue?: QueueEstimate;
  /** Open paper and trigger orders: why the order is not filling right now. */
  readonly noFillReason?: NoFillReason;
}

export interface CancelOrderRequest {
  readonly agentId: string;
  readonly symbol: string;
  readonly orderId: string;
}

export interface CanceledOrder {
  readonly orderId: string;
  readonly symbol: string;
  readonly canceledQuantity: DecimalString;
  readonly time: number;
}

export interface Holding {
  readonly asset: string;
  readonly free: DecimalString;
  readonly locked: DecimalString;
}

export interface PositionView {
  readonly symbol: string;
  /** Base held (free + locked). */
  readonly quantity: DecimalString;
  readonly averageCost?: DecimalString;
  readonly markPrice?: DecimalString;
  readonly unrealizedPnl?: DecimalString;
  /** Realised on this instrument (net of fees where the portfolio's total is). */
  readonly realizedPnl?: DecimalString;
}

export interface PortfolioView {
  readonly agentId: string;
  readonly quoteAsset: string;
  /** Free quote balance. */
  readonly cash: DecimalString;
  readonly lockedCash: DecimalString;
  readonly holdings: readonly Holding[];
  readonly positions: readonly PositionView[];
  readonly startingCapital: DecimalString;
  /** Cash + locked cash + positions at mark. */
  readonly equity: DecimalString;
  /** equity - startingCapital. */
  readonly pnl: DecimalString;
  readonly realizedPnl?: DecimalString;
  readonly unrealizedPnl?: DecimalString;
  readonly time: number;
  /** Paper venues: always true. */
  readonly paper?: true;
}

export interface AgentSummary {
  readonly agentId: string;
  readonly name: string;
  /** external = registered through the gateway; builtin = one of the venue's own agents. */
  readonly kind: 'external' | 'builtin';
  readonly equity: DecimalString;
  readonly pnl: DecimalString;
}

export interface NewsItem {
  readonly id: string;
  readonly time: number;
  readonly headline: string;
  readonly body?: string;
  /** Symbols the item is about; empty for market-wide news. */
  readonly symbols: readonly string[];
}

/** One aggregated price level, Hyperliquid-shaped: price, total size, number of orders. */
export interface BookLevel {
  readonly px: DecimalString;
  readonly sz: DecimalString;
  readonly n: number;
}

export interface BookView {
  readonly symbol: string;
  readonly time: number;
  /** Best first: bids descending, asks ascending. */
  readonly bids: readonly BookLevel[];
  readonly asks: readonly BookLevel[];
}

export interface TradeView {
  readonly tradeId: string;
  readonly symbol: string;
  readonly price: DecimalString;
  readonly quantity: DecimalString;
  /** The taker's side. */
  readonly aggressorSide: Side;
  readonly time: number;
}

export interface FillView {
  readonly orderId: string;
  readonly agentId: string;
  readonly clientOrderId?: string;
  readonly tradeId: string;
  readonly symbol: string;
  readonly side: Side;
  readonly price: DecimalString;
  readonly quantity: DecimalString;
  /** Quantity of the order still resting after this fill. */
  readonly remainingQuantity: DecimalString;
  readonly liquidity: 'maker' | 'taker';
  readonly fee: DecimalString;
  readonly feeAsset: string;
  readonly time: number;
  /** Paper venues: always true. */
  readonly paper?: true;
}

export type CancelReason = 'requested' | 'ioc_remainder' | 'venue';

/**
 * What happened on the venue. Private events carry the owning agent; public ones go to every
 * connected bot. `portfolio`, `book` and `agents` only say that something changed: the gateway
 * coalesces them and reads the current view when it next sends.
 */
export type VenueEvent =
  | { readonly kind: 'order_placed'; readonly order: OrderView }
  | { readonly kind: 'order_filled'; readonly fill: FillView }
  | {
      readonly kind: 'order_canceled';
      readonly agentId: string;
      readonly canceled: CanceledOrder;
      readonly reason: CancelReason;
    }
  | { readonly kind: 'trade'; readonly trade: TradeView }
  | { readonly kind: 'news'; readonly item: NewsItem }
  | { readonly kind: 'portfolio'; readonly agentId: string }
  | { readonly kind: 'book'; readonly symbol: string }
  | { readonly kind: 'agents' };

export interface AmendOrderRequest {
  readonly agentId: string;
  readonly symbol: string;
  readonly orderId: string;
  /** New limit price; a new price loses time priority. */
  readonly price?: DecimalString;
  /**
   * New TOTAL quantity (filled part included; must exceed what is filled). Reducing it at the same
   * price keeps time priority; a larger quantity loses it.
   */
  readonly quantity?: DecimalString;
}

export interface CancelAllRequest {
  readonly agentId: string;
  /** Only this instrument's orders; all of the agent's open orders when omitted. */
  readonly symbol?: string;
}

export interface VenuePort {
  /** The venue id bots trade on, e.g. "sim". */
  readonly venueId: string;
  /** False for the placeholder: the gateway then refuses trading with UNAVAILABLE. */
  readonly available: boolean;
  instruments(): readonly InstrumentSpec[];
  registerAgent(request: RegisterAgentRequest): Awaitable<VenueResult<RegisteredAgent>>;
  placeOrder(request: PlaceOrderRequest): Awaitable<VenueResult<OrderView>>;
  cancelOrder(request: CancelOrderRequest): Awaitable<VenueResult<CanceledOrder>>;
  /**
   * Changes a resting order's price and/or total quantity; answers the order as it stands after
   * the amend (it may have traded at a new price: `filled`, or `open` with a fill). Rejections as
   * for placing, plus UNKNOWN_ORDER / NOT_YOUR_ORDER; a rejected amend changes nothing.
   */
  amendOrder(request: AmendOrderRequest): Awaitable<VenueResult<OrderView>>;
  /** Cancels every open order of the agent (on one instrument when `symbol` is given). */
  cancelAll(request: CancelAllRequest): Awaitable<VenueResult<{ readonly canceled: number }>>;
  /** The agent's resting orders, oldest first. UNKNOWN_AGENT for an id the venue does not know. */
  openOrders(agentId: string): Awaitable<VenueResult<readonly OrderView[]>>;
  /** The agent's most recent fills, most recent last, at most `limit`. */
  recentFills(agentId: string, limit: number): Awaitable<VenueResult<readonly FillView[]>>;
  /** UNKNOWN_AGENT for an id the venue does not know. */
  portfolio(agentId: string): VenueResult<PortfolioView>;
  agents(): readonly AgentSummary[];
  /** Most recent last, at most `limit` items. */
  newsHistory(limit: number): readonly NewsItem[];
  /** Top `depth` levels per side for the given symbols (all instruments when omitted). */
  books(depth: number, symbols?: readonly string[]): readonly BookView[];
  /** Subscribe to every event; returns the function that unsubscribes. */
  onEvent(listener: (event: VenueEvent) => void): () => void;
}

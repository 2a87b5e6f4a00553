/**
 * Trading for the UI, on any venue the terminal can trade (today the simulated venue `sim`; paper
 * venues plug in through the same registry). The human user trades as their own agent ("you") with
 * its own account. Every order request answers an outcome VALUE: `accepted` with the order as it
 * stands, or `rejected` with a code from TRADING_REJECT_CODES and a sentence (a rejection is a
 * normal outcome, not an error; `retryable` rejections such as storage backpressure may be sent
 * again). Requests fail with an AppError only for bad input or an unknown venue.
 *
 * `trading.flatten {venue, symbol}` market-sells (IOC) all FREE base of that instrument that fits
 * the lot grid; base locked in open sell orders is not touched (cancel them first to sell it too).
 *
 * Streams are snapshot-then-deltas, coalesced to at most ~10 deltas per second:
 * orders (open orders; deltas upsert or remove by orderId), fills (recent, then appended), portfolio
 * (replaced), equity (a point every few seconds; yours, or an agent's when `agentId` is given).
 * Decimal strings everywhere.
 */
import { z } from 'zod';
import {
  DecimalStringSchema,
  OrderTypeSchema,
  PositiveDecimalSchema,
  SideSchema,
  TimeInForceSchema,
  VenueIdSchema,
  VENUE_REJECT_CODES,
  NoFillReasonSchema,
  QueueConfidenceSchema,
} from '../domain';
import { replaceWithDelta, request, stream } from './define';
import { MarketSymbolSchema } from './market';

export const TRADING_REJECT_CODES = [
  ...VENUE_REJECT_CODES,
  /** trading.flatten: no free base (on the lot grid, at least the minimum size) to sell. */
  'NOTHING_TO_FLATTEN',
] as const;
export const TradingRejectCodeSchema = z.enum(TRADING_REJECT_CODES);
export type TradingRejectCode = z.infer<typeof TradingRejectCodeSchema>;

const Millis = z.number().int().nonnegative();
const OrderIdSchema = z.string().regex(/^[1-9][0-9]{0,15}$/, 'order ids are positive integers');

export const TriggerInfoSchema = z.object({
  type: z.enum(['stop_market', 'stop_limit', 'take_profit', 'stop_loss']),
  triggerPrice: DecimalStringSchema,
  /** waiting_entry: a bracket leg before its entry filled; pending: armed; triggered: fired. */
  state: z.enum(['waiting_entry', 'pending', 'triggered']),
  parentOrderId: z.string().optional(),
  siblingOrderId: z.string().optional(),
});
export type TriggerInfo = z.infer<typeof TriggerInfoSchema>;

/** What the user may place: the engine's types plus stops, which the trigger layer holds. */
export const TradingOrderTypeSchema = z.enum(['limit', 'market', 'stop_market', 'stop_limit']);

export const TradingOrderSchema = z.object({
  orderId: z.string(),
  clientOrderId: z.string().optional(),
  symbol: z.string(),
  side: SideSchema,
  /** A pending stop shows the type it will release (market or limit). */
  orderType: OrderTypeSchema,
  timeInForce: TimeInForceSchema,
  price: DecimalStringSchema.optional(),
  quantity: DecimalStringSchema,
  filledQuantity: DecimalStringSchema,
  remainingQuantity: DecimalStringSchema,
  /** open = resting (possibly partly filled); canceled includes IOC remainders and expired FOKs. */
  status: z.enum(['open', 'filled', 'canceled']),
  time: Millis,
  /** Stops and bracket legs: what fires it and where it stands (see TriggerInfoSchema). */
  trigger: TriggerInfoSchema.optional(),
  /** Paper venues: always true, so a paper order is never taken for a live one. */
  paper: z.literal(true).optional(),
  /** Resting paper orders: estimated visible size ahead at its price, and how sure that is. */
  queue: z.object({ ahead: DecimalStringSchema, confidence: QueueConfidenceSchema }).optional(),
  /** Open paper and trigger orders: why the order is not filling right now. */
  noFillReason: NoFillReasonSchema.optional(),
});
export type TradingOrder = z.infer<typeof TradingOrderSchema>;

export const TradingFillSchema = z.object({
  orderId: z.string(),
  clientOrderId: z.string().optional(),
  tradeId: z.string(),
  symbol: z.string(),
  side: SideSchema,
  price: DecimalStringSchema,
  quantity: DecimalStringSchema,
  remainingQuantity: DecimalStringSchema,
  liquidity: z.enum(['maker', 'taker']),
  fee: DecimalStringSchema,
  feeAsset: z.string(),
  time: Millis,
});
export type TradingFill = z.infer<typeof TradingFillSchema>;

export const TradingPortfolioSchema = z.object({
  venue: z.string(),
  agentId: z.string(),
  quoteAsset: z.string(),
  /** Free quote balance. */
  cash: DecimalStringSchema,
  lockedCash: DecimalStringSchema,
  holdings: z.array(z.object({ asset: z.string(), free: DecimalStringSchema, locked: DecimalStringSchema })),
  positions: z.array(
    z.object({
      symbol: z.string(),
      /** Base held, free + locked. */
      quantity: DecimalStringSchema,
      /** Average cost of the traded position. */
      averageCost: DecimalStringSchema.optional(),
      markPrice: DecimalStringSchema.optional(),
      unrealizedPnl: DecimalStringSchema.optional(),
      /** Realised on this instrument so far (as the portfolio's realizedPnl counts it). */
      realizedPnl: DecimalStringSchema.optional(),
    }),
  ),
  startingCapital: DecimalStringSchema,
  equity: DecimalStringSchema,
  /** equity - startingCapital. */
  pnl: DecimalStringSchema,
  /** Net of fees. */
  realizedPnl: DecimalStringSchema.optional(),
  unrealizedPnl: DecimalStringSchema.optional(),
  time: Millis,
});
export type TradingPortfolio = z.infer<typeof TradingPortfolioSchema>;

const RejectedSchema = z.object({
  status: z.literal('rejected'),
  code: TradingRejectCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
});
export type TradingRejected = z.infer<typeof RejectedSchema>;

const OrderOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('accepted'), order: TradingOrderSchema }),
  RejectedSchema,
]);
export type OrderOutcome = z.infer<typeof OrderOutcomeSchema>;

const CancelAllOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('accepted'), canceled: z.number().int().nonnegative() }),
  RejectedSchema,
]);

export const TradingVenueSchema = z.object({
  venue: z.string(),
  name: z.string(),
  /** simulated = the built-in venue; paper = live prices, simulated fills. Both are PAPER money. */
  kind: z.enum(['simulated', 'paper']),
  available: z.boolean(),
  /** Why trading is not available right now. */
  reason: z.string().nullable(),
  userAgentId: z.string().nullable(),
});
export type TradingVenue = z.infer<typeof TradingVenueSchema>;

const Venue = { venue: VenueIdSchema };

export const tradingRequests = {
  'trading.venues': request({
    summary: 'Venues you can trade on, their kind (every one is paper money) and whether they take orders',
    input: z.object({}).strict(),
    output: z.array(TradingVenueSchema),
  }),
  'trading.place': request({
    summary: 'Place an order as yourself; answers the outcome (accepted with the order, or rejected)',
    input: z
      .object({
        ...Venue,
        symbol: MarketSymbolSchema,
        side: SideSchema,
        type: TradingOrderTypeSchema,
        /** Market orders: IOC or FOK. */
        tif: TimeInForceSchema,
        /** Limit and stop_limit orders. */
        price: PositiveDecimalSchema.optional(),
        /** stop_market and stop_limit: a buy fires when the last trade rises to it, a sell when it falls. */
        triggerPrice: PositiveDecimalSchema.optional(),
        /** Limit or market entries: take-profit and stop-loss legs, one-cancels-other. */
        bracket: z
          .object({
            takeProfit: PositiveDecimalSchema.optional(),
            stopLoss: PositiveDecimalSchema.optional(),
          })
          .strict()
          .optional(),
        quantity: PositiveDecimalSchema,
        clientOrderId: z
          .string()
          .regex(/^[\x21-\x7e]{1,64}$/)
          .optional(),
      })
      .strict(),
    output: OrderOutcomeSchema,
  }),
  'trading.amend': request({
    summary: 'Change an open order: a new price, a new total quantity (smaller keeps priority), or both',
    input: z
      .object({
        ...Venue,
        orderId: OrderIdSchema,
        price: PositiveDecimalSchema.optional(),
        quantity: PositiveDecimalSchema.optional(),
      })
      .strict(),
    output: OrderOutcomeSchema,
  }),
  'trading.cancel': request({
    summary: 'Cancel one of your open orders; answers it as canceled',
    input: z.object({ ...Venue, orderId: OrderIdSchema }).strict(),
    output: OrderOutcomeSchema,
  }),
  'trading.cancelAll': request({
    summary: 'Cancel all your open orders (on one instrument when symbol is given)',
    input: z.object({ ...Venue, symbol: MarketSymbolSchema.optional() }).strict(),
    output: CancelAllOutcomeSchema,
  }),
  'trading.flatten': request({
    summary: 'Market-sell (IOC) all free base of an instrument that fits its lot grid',
    input: z.object({ ...Venue, symbol: MarketSymbolSchema }).strict(),
    output: OrderOutcomeSchema,
  }),
} as const;

const OrdersSchema = z.object({ orders: z.array(TradingOrderSchema) });
const OrdersDeltaSchema = z.object({ upserts: z.array(TradingOrderSchema), removals: z.array(z.string()) });
const FillsSchema = z.object({ fills: z.array(TradingFillSchema) });
const EquityPointSchema = z.object({ time: Millis, equity: DecimalStringSchema });
export type EquityPoint = z.infer<typeof EquityPointSchema>;

export const FILLS_KEPT = 200;
export const EQUITY_POINTS_KEPT = 720;

/** Open orders: upserts replace by orderId (new ones appended), removals drop. */
export function reduceOrders(
  state: { orders: TradingOrder[] },
  delta: { upserts: TradingOrder[]; removals: string[] },
): { orders: TradingOrder[] } {
  const removed = new Set(delta.removals);
  const byId = new Map(delta.upserts.map((o) => [o.orderId, o]));
  const orders = state.orders.filter((o) => !removed.has(o.orderId)).map((o) => byId.get(o.orderId) ?? o);
  const known = new Set(orders.map((o) => o.orderId));
  for (const o of delta.upserts) if (!known.has(o.orderId) && !removed.has(o.orderId)) orders.push(o);
  return { orders };
}

export const tradingStreams = {
  'trading.orders': stream({
    summary: 'Your open orders on a venue: the list, then upserts and removals by orderId',
    params: z.object(Venue).strict(),
    snapshot: OrdersSchema,
    delta: OrdersDeltaSchema,
    reduce: reduceOrders,
  }),
  'trading.fills': stream({
    summary: 'Your recent fills on a venue (oldest first), then new ones appended',
    params: z.object(Venue).strict(),
    snapshot: FillsSchema,
    delta: FillsSchema,
    reduce: (state, delta) => ({ fills: [...state.fills, ...delta.fills].slice(-FILLS_KEPT) }),
  }),
  'trading.portfolio': stream({
    summary: 'Your cash, holdings, positions with average cost, realised/unrealised PnL and equity',
    params: z.object(Venue).strict(),
    snapshot: TradingPortfolioSchema,
    delta: TradingPortfolioSchema,
    reduce: replaceWithDelta,
  }),
  'trading.equity': stream({
    summary: 'Equity curve sampled every few seconds: yours, or an agent’s when agentId is given',
    params: z.object({ ...Venue, agentId: z.string().min(1).max(64).optional() }).strict(),
    snapshot: z.object({ agentId: z.string(), points: z.array(EquityPointSchema) }),
    delta: z.object({ agentId: z.string(), points: z.array(EquityPointSchema) }),
    reduce: (state, delta) => ({
      agentId: state.agentId,
      points: [...state.points, ...delta.points].slice(-EQUITY_POINTS_KEPT),
    }),
  }),
} as const;

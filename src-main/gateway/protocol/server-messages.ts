/**
 * Every message the gateway sends, as zod schemas. The gateway builds them with the typed
 * builders in outbound.ts and does not re-validate on the hot path; the tests check every message
 * a session emits against these schemas, so the documented shape and the real one cannot drift.
 * All prices, sizes and amounts are decimal strings; times are epoch milliseconds.
 */
import { z } from 'zod';
import {
  DecimalStringSchema,
  OrderTypeSchema,
  SideSchema,
  TimeInForceSchema,
} from '../../../src-shared/domain';
import { ChannelSchema, ReqIdSchema } from './client-messages';
import { GATEWAY_ERROR_CODE_LIST } from './errors';

const Dec = DecimalStringSchema;
const Time = z.number().int().nonnegative();
const reqId = { req_id: ReqIdSchema.optional() };

export const LevelSchema = z.object({ px: Dec, sz: Dec, n: z.number().int().nonnegative() }).strict();

const InstrumentSchema = z
  .object({
    symbol_id: z.string(),
    base: z.string(),
    quote: z.string(),
    tick_size: Dec,
    lot_size: Dec,
    min_size: Dec,
  })
  .strict();

const BookSchema = z
  .object({ symbol_id: z.string(), time: Time, bids: z.array(LevelSchema), asks: z.array(LevelSchema) })
  .strict();

const orderFields = {
  order_id: z.string(),
  agent_id: z.string(),
  client_order_id: z.string().optional(),
  symbol_id: z.string(),
  side: SideSchema,
  order_type: OrderTypeSchema,
  time_in_force: TimeInForceSchema,
  price: Dec.optional(),
  quantity: Dec,
  filled_quantity: Dec,
  remaining_quantity: Dec,
  status: z.enum(['open', 'filled', 'canceled']),
  time: Time,
};

const NewsFields = {
  id: z.string(),
  time: Time,
  headline: z.string(),
  body: z.string().optional(),
  symbols: z.array(z.string()),
};

export const SERVER_SCHEMAS = {
  welcome: z
    .object({
      type: z.literal('welcome'),
      protocol: z.literal(1),
      venue: z.string(),
      trading: z.boolean(),
      server_time: Time,
      limits: z
        .object({
          max_payload_bytes: z.number().int(),
          messages_per_second: z.number(),
          burst: z.number(),
          max_subscriptions: z.number().int(),
          heartbeat_ms: z.number().int(),
        })
        .strict(),
    })
    .strict(),
  pong: z.object({ type: z.literal('pong'), server_time: Time, ...reqId }).strict(),
  agent_registered: z
    .object({
      type: z.literal('agent_registered'),
      agent_id: z.string(),
      name: z.string(),
      resumed: z.boolean(),
      ...reqId,
    })
    .strict(),
  instruments: z
    .object({ type: z.literal('instruments'), venue: z.string(), instruments: z.array(InstrumentSchema) })
    .strict(),
  orderbooks: z
    .object({ type: z.literal('orderbooks'), venue: z.string(), books: z.array(BookSchema) })
    .strict(),
  order_response: z.object({ type: z.literal('order_response'), ...orderFields, ...reqId }).strict(),
  cancel_response: z
    .object({
      type: z.literal('cancel_response'),
      order_id: z.string(),
      symbol_id: z.string(),
      canceled_quantity: Dec,
      time: Time,
      ...reqId,
    })
    .strict(),
  order_placed: z.object({ type: z.literal('order_placed'), ...orderFields }).strict(),
  order_filled: z
    .object({
      type: z.literal('order_filled'),
      order_id: z.string(),
      client_order_id: z.string().optional(),
      trade_id: z.string(),
      symbol_id: z.string(),
      side: SideSchema,
      price: Dec,
      quantity: Dec,
      remaining_quantity: Dec,
      liquidity: z.enum(['maker', 'taker']),
      fee: Dec,
      fee_asset: z.string(),
      time: Time,
    })
    .strict(),
  order_canceled: z
    .object({
      type: z.literal('order_canceled'),
      order_id: z.string(),
      symbol_id: z.string(),
      canceled_quantity: Dec,
      reason: z.enum(['requested', 'ioc_remainder', 'venue']),
      time: Time,
    })
    .strict(),
  trade: z
    .object({
      type: z.literal('trade'),
      venue: z.string(),
      trade_id: z.string(),
      symbol_id: z.string(),
      price: Dec,
      quantity: Dec,
      aggressor_side: SideSchema,
      time: Time,
    })
    .strict(),
  portfolio_update: z
    .object({
      type: z.literal('portfolio_update'),
      agent_id: z.string(),
      quote_asset: z.string(),
      cash: Dec,
      locked_cash: Dec,
      holdings: z.array(z.object({ asset: z.string(), free: Dec, locked: Dec }).strict()),
      positions: z.array(
        z
          .object({
            symbol_id: z.string(),
            quantity: Dec,
            average_cost: Dec.optional(),
            mark_price: Dec.optional(),
            unrealized_pnl: Dec.optional(),
          })
          .strict(),
      ),
      starting_capital: Dec,
      equity: Dec,
      pnl: Dec,
      realized_pnl: Dec.optional(),
      unrealized_pnl: Dec.optional(),
      time: Time,
      ...reqId,
    })
    .strict(),
  agents_snapshot: z
    .object({
      type: z.literal('agents_snapshot'),
      agents: z.array(
        z
          .object({
            agent_id: z.string(),
            name: z.string(),
            kind: z.enum(['external', 'builtin']),
            connected: z.boolean(),
            equity: Dec,
            pnl: Dec,
          })
          .strict(),
      ),
    })
    .strict(),
  news: z.object({ type: z.literal('news'), ...NewsFields }).strict(),
  news_history: z
    .object({ type: z.literal('news_history'), items: z.array(z.object(NewsFields).strict()) })
    .strict(),
  subscribed: z
    .object({
      type: z.literal('subscribed'),
      channel: ChannelSchema,
      venue: z.string(),
      symbol: z.string(),
      nSigFigs: z.union([z.number().int(), z.null()]).optional(),
      depth: z.number().int().optional(),
      ...reqId,
    })
    .strict(),
  unsubscribed: z
    .object({
      type: z.literal('unsubscribed'),
      channel: ChannelSchema,
      venue: z.string(),
      symbol: z.string(),
      ...reqId,
    })
    .strict(),
  l2Book: z
    .object({
      type: z.literal('l2Book'),
      channel: z.literal('l2Book'),
      data: z
        .object({
          coin: z.string(),
          venue: z.string(),
          time: Time,
          levels: z.tuple([z.array(LevelSchema), z.array(LevelSchema)]),
          source: z.enum(['simulated', 'websocket', 'rest', 'replay']),
          status: z.enum(['live', 'stale', 'resyncing']),
        })
        .strict(),
    })
    .strict(),
  trades: z
    .object({
      type: z.literal('trades'),
      channel: z.literal('trades'),
      venue: z.string(),
      data: z.array(
        z
          .object({
            coin: z.string(),
            side: z.enum(['B', 'A']),
            px: Dec,
            sz: Dec,
            time: Time,
            tid: z.string(),
          })
          .strict(),
      ),
    })
    .strict(),
  error: z
    .object({
      type: z.literal('error'),
      code: z.enum(GATEWAY_ERROR_CODE_LIST),
      msg: z.string(),
      request: z.string().optional(),
      client_order_id: z.string().optional(),
      ...reqId,
    })
    .strict(),
} as const;

export type ServerMessageType = keyof typeof SERVER_SCHEMAS;
export type ServerMessageOf<T extends ServerMessageType> = z.input<(typeof SERVER_SCHEMAS)[T]>;
export type ServerMessage = { [T in ServerMessageType]: ServerMessageOf<T> }[ServerMessageType];

/**
 * Zod schemas of Lighter frames. Requests name channels with a slash (`order_book/1`), server
 * frames with a colon (`order_book:1`). Samples follow the real frames quoted in protocols.md §3
 * (tardis-node / nautilus captures).
 */
import { z } from 'zod';

const Str = z.string().max(64);
const Level = z.object({ price: Str, size: Str });

// {"type":"update/order_book","channel":"order_book:1","offset":52000012,"timestamp":1776000000475,
//  "order_book":{"code":0,"asks":[{"price":"75300.5","size":"0.00000"},{"price":"75300.7","size":"0.28"}],
//  "bids":[{"price":"75300.6","size":"0.05"}],"offset":52000012,"nonce":10382292188,"begin_nonce":10382292136}}
// The first frame, type "subscribed/order_book", is the full snapshot (begin_nonce 0).
export const OrderBookFrame = z.object({
  type: z.enum(['subscribed/order_book', 'update/order_book']),
  channel: z.string(),
  timestamp: z.number().optional(),
  order_book: z.object({
    asks: z.array(Level),
    bids: z.array(Level),
    nonce: z.number(),
    begin_nonce: z.number().optional(),
  }),
});

// {"type":"update/trade","channel":"trade:0","trades":[{"trade_id":14035051,"tx_hash":"0x..","type":"trade",
//  "market_id":0,"size":"0.1187","price":"3335.65","usd_amount":"395.94","is_maker_ask":false,"timestamp":1722339648}]}
export const TradeFrame = z.object({
  type: z.enum(['subscribed/trade', 'update/trade']),
  channel: z.string(),
  trades: z.array(
    z.looseObject({
      trade_id: z.union([z.number(), z.string()]),
      price: Str,
      size: Str,
      is_maker_ask: z.boolean(),
      timestamp: z.number(),
    }),
  ),
});

// {"type":"update/ticker","channel":"ticker:0","nonce":123,"ticker":{"s":"ETH","a":{"price":"3024.66","size":"1.2"},
//  "b":{"price":"3024.65","size":"0.5"},"last_updated_at":1776000000467930},"timestamp":1776000000475}
export const TickerFrame = z.object({
  type: z.enum(['subscribed/ticker', 'update/ticker']),
  channel: z.string(),
  nonce: z.number().optional(),
  timestamp: z.number().optional(),
  ticker: z.object({ a: Level.nullable(), b: Level.nullable() }),
});

// {"type":"error","error":{"code":30003,"message":"Already Subscribed"}}
export const ErrorFrame = z.object({
  type: z.literal('error'),
  error: z.object({ code: z.number(), message: z.string() }),
});

// GET /api/v1/orderBookDetails -> {"code":200,"order_book_details":[{"market_id":0,"symbol":"ETH","status":"active",
//  "size_decimals":4,"price_decimals":2,"min_base_amount":"0.0050",...}],"spot_order_book_details":[...]}
const Details = z.looseObject({
  market_id: z.number(),
  symbol: z.string(),
  status: z.string().optional(),
  size_decimals: z.number().int().min(0).max(18),
  price_decimals: z.number().int().min(0).max(18),
});
export const OrderBookDetails = z.object({
  code: z.number(),
  order_book_details: z.array(Details).optional(),
  spot_order_book_details: z.array(Details).optional(),
});

// GET /api/v1/orderBookOrders?market_id=0&limit=50 -> {"code":200,"total_asks":2,"asks":[{"order_index":1,
//  "order_id":"..","owner_account_index":7,"initial_base_amount":"1.0","remaining_base_amount":"0.6",
//  "price":"3024.66","order_expiry":0}],"total_bids":1,"bids":[...]}   (individual orders, not levels)
const Order = z.looseObject({ price: Str, remaining_base_amount: Str });
export const OrderBookOrders = z.object({ code: z.number(), asks: z.array(Order), bids: z.array(Order) });

/**
 * Zod schemas of Kraken v2 frames (doc shapes, protocols.md §8). Prices and quantities are JSON
 * numbers on the wire; parse.ts quotes them before JSON.parse so no digit goes through a float.
 */
import { z } from 'zod';

const Num = z.string().max(64);

// {"channel":"book","type":"update","data":[{"symbol":"BTC/USD","bids":[{"price":64000.1,"qty":0.0}],
//  "asks":[{"price":64000.5,"qty":1.25}],"checksum":3310070434,"timestamp":"2026-01-01T00:00:01.123456Z"}]}
export const BookFrame = z.object({
  channel: z.literal('book'),
  type: z.enum(['snapshot', 'update']),
  data: z.array(
    z.object({
      symbol: z.string(),
      bids: z.array(z.object({ price: Num, qty: Num })),
      asks: z.array(z.object({ price: Num, qty: Num })),
      checksum: z.number().int().nonnegative(),
      timestamp: z.string().optional(),
    }),
  ),
});

// {"channel":"trade","type":"update","data":[{"symbol":"BTC/USD","side":"buy","price":64000.5,"qty":0.01,
//  "ord_type":"market","trade_id":4665906,"timestamp":"2026-01-01T00:00:01.123456Z"}]}
export const TradeFrame = z.object({
  channel: z.literal('trade'),
  data: z.array(
    z.object({
      symbol: z.string(),
      side: z.enum(['buy', 'sell']),
      price: Num,
      qty: Num,
      trade_id: z.number(),
      timestamp: z.string(),
    }),
  ),
});

// {"channel":"ticker","type":"update","data":[{"symbol":"BTC/USD","bid":64000.1,"bid_qty":0.5,"ask":64000.5,
//  "ask_qty":1.25,"last":64000.3,...}]}
export const TickerFrame = z.object({
  channel: z.literal('ticker'),
  data: z.array(z.looseObject({ symbol: z.string(), bid: Num, bid_qty: Num, ask: Num, ask_qty: Num })),
});

// {"method":"subscribe","result":{"channel":"book","symbol":"BTC/USD","depth":100,"snapshot":true},"success":true,
//  "time_in":"...","time_out":"..."}     {"method":"pong","time_in":"...","time_out":"..."}     {"channel":"heartbeat"}
export const MethodReply = z.object({
  method: z.string(),
  success: z.boolean().optional(),
  error: z.string().optional(),
});

// GET /0/public/AssetPairs -> {"error":[],"result":{"XXBTZUSD":{"altname":"XBTUSD","wsname":"XBT/USD",
//  "base":"XXBT","quote":"ZUSD","pair_decimals":1,"lot_decimals":8,"tick_size":"0.1","status":"online",...}}}
export const AssetPairs = z.object({
  error: z.array(z.string()),
  result: z.record(
    z.string(),
    z.looseObject({
      wsname: z.string().optional(),
      pair_decimals: z.number().int().min(0).max(18),
      lot_decimals: z.number().int().min(0).max(18),
      tick_size: Num.optional(),
      status: z.string().optional(),
    }),
  ),
});

// GET /0/public/Depth?pair=XBTUSD&count=100 -> {"error":[],"result":{"XXBTZUSD":{"asks":[["64000.5","1.250",1700000000]],
//  "bids":[["64000.1","0.500",1700000000]]}}}
export const RestDepth = z.object({
  error: z.array(z.string()),
  result: z.record(
    z.string(),
    z.object({
      asks: z.array(z.tuple([Num, Num, z.number()])),
      bids: z.array(z.tuple([Num, Num, z.number()])),
    }),
  ),
});

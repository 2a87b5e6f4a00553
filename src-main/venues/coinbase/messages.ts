/**
 * Zod schemas of Coinbase Advanced Trade frames (doc shapes, protocols.md §7). Every frame carries
 * `sequence_num`, a counter of messages on the connection across all channels.
 */
import { z } from 'zod';

const Str = z.string().max(64);

// {"channel":"l2_data","client_id":"","timestamp":"2026-01-01T00:00:01.5Z","sequence_num":42,
//  "events":[{"type":"update","product_id":"BTC-USD","updates":[{"side":"bid","event_time":"2026-01-01T00:00:01.4Z",
//  "price_level":"64000.01","new_quantity":"0.5"},{"side":"offer","event_time":"...","price_level":"64001.00","new_quantity":"0"}]}]}
export const L2Frame = z.object({
  channel: z.literal('l2_data'),
  timestamp: z.string(),
  sequence_num: z.number(),
  events: z.array(
    z.object({
      type: z.enum(['snapshot', 'update']),
      product_id: z.string(),
      updates: z.array(z.object({ side: z.enum(['bid', 'offer']), price_level: Str, new_quantity: Str })),
    }),
  ),
});

// {"channel":"market_trades","client_id":"","timestamp":"2026-01-01T00:00:01.5Z","sequence_num":43,"events":[{"type":
//  "update","trades":[{"trade_id":"000000000","product_id":"BTC-USD","price":"64000.01","size":"0.3","side":"BUY",
//  "time":"2026-01-01T00:00:01.4Z"}]}]}
export const TradesFrame = z.object({
  channel: z.literal('market_trades'),
  sequence_num: z.number(),
  events: z.array(
    z.object({
      trades: z.array(
        z.object({
          trade_id: Str,
          product_id: z.string(),
          price: Str,
          size: Str,
          side: z.enum(['BUY', 'SELL']),
          time: z.string(),
        }),
      ),
    }),
  ),
});

// {"channel":"ticker","client_id":"","timestamp":"...","sequence_num":44,"events":[{"type":"update","tickers":[{"type":
//  "ticker","product_id":"BTC-USD","price":"64000.5","best_bid":"64000.01","best_bid_quantity":"0.5",
//  "best_ask":"64001.00","best_ask_quantity":"1.2"}]}]}
export const TickerFrame = z.object({
  channel: z.literal('ticker'),
  sequence_num: z.number(),
  events: z.array(
    z.object({
      tickers: z.array(
        z.looseObject({
          product_id: z.string(),
          best_bid: Str.optional(),
          best_bid_quantity: Str.optional(),
          best_ask: Str.optional(),
          best_ask_quantity: Str.optional(),
        }),
      ),
    }),
  ),
});

// {"channel":"heartbeats","client_id":"","timestamp":"...","sequence_num":45,"events":[{"current_time":"...","heartbeat_counter":"3049"}]}
// {"channel":"subscriptions","client_id":"","timestamp":"...","sequence_num":1,"events":[{"subscriptions":{"level2":["BTC-USD"]}}]}
export const AnyChannelFrame = z.object({ channel: z.string(), sequence_num: z.number() });

// {"type":"error","message":"failure to subscribe"}
export const ErrorFrame = z.object({ type: z.literal('error'), message: z.string() });

// GET /api/v3/brokerage/market/product_book?product_id=BTC-USD&limit=50 -> {"pricebook":{"product_id":"BTC-USD",
//  "bids":[{"price":"64000.01","size":"0.5"}],"asks":[{"price":"64001.00","size":"1.2"}],"time":"2026-01-01T00:00:01.5Z"},
//  "last":"64000.5","mid_market":"64000.505","spread_bps":"0.15","spread_absolute":"0.99"}
export const ProductBook = z.object({
  pricebook: z.object({
    product_id: z.string(),
    bids: z.array(z.object({ price: Str, size: Str })),
    asks: z.array(z.object({ price: Str, size: Str })),
    time: z.string().optional(),
  }),
});

// GET /api/v3/brokerage/market/products?product_type=SPOT -> {"products":[{"product_id":"BTC-USD",
//  "base_currency_id":"BTC","quote_currency_id":"USD","price_increment":"0.01","base_increment":"0.00000001",
//  "status":"online","trading_disabled":false,...}],"num_products":1}
export const Products = z.object({
  products: z.array(
    z.looseObject({
      product_id: z.string(),
      base_currency_id: z.string().optional(),
      quote_currency_id: z.string().optional(),
      price_increment: Str.optional(),
      quote_increment: Str,
      base_increment: Str,
      status: z.string().optional(),
      trading_disabled: z.boolean().optional(),
    }),
  ),
});

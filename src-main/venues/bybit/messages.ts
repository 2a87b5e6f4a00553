/**
 * Zod schemas of Bybit v5 public frames. Samples are doc shapes (protocols.md §5 and the v5 docs):
 * field names real, values invented.
 */
import { z } from 'zod';

const Str = z.string().max(64);
const Level = z.tuple([Str, Str]);

// {"topic":"orderbook.50.BTCUSDT","type":"delta","ts":1700000000123,
//  "data":{"s":"BTCUSDT","b":[["64000.1","0"]],"a":[["64000.5","1.2"]],"u":8812345,"seq":71234567890},"cts":1700000000110}
export const OrderbookFrame = z.object({
  topic: z.string(),
  type: z.enum(['snapshot', 'delta']),
  ts: z.number(),
  data: z.object({
    s: z.string(),
    b: z.array(Level),
    a: z.array(Level),
    u: z.number(),
    seq: z.number().optional(),
  }),
});

// {"topic":"publicTrade.BTCUSDT","type":"snapshot","ts":1700000000123,"data":[{"T":1700000000120,"s":"BTCUSDT",
//  "S":"Buy","v":"0.001","p":"64000.5","L":"PlusTick","i":"2290000000061666327","BT":false}]}
export const TradeFrame = z.object({
  topic: z.string(),
  data: z.array(
    z.object({ T: z.number(), s: z.string(), S: z.enum(['Buy', 'Sell']), v: Str, p: Str, i: Str }),
  ),
});

// {"success":true,"ret_msg":"","conn_id":"abc","op":"subscribe"}
// {"success":true,"ret_msg":"pong","conn_id":"abc","op":"ping"}
export const OpReply = z.object({ success: z.boolean(), ret_msg: z.string().optional(), op: z.string() });

// GET /v5/market/orderbook?category=linear&symbol=BTCUSDT&limit=50 ->
// {"retCode":0,"retMsg":"OK","result":{"s":"BTCUSDT","b":[["64000.1","2"]],"a":[["64000.5","1"]],"ts":1700000000123,
//  "u":8812345,"seq":71234567890,"cts":1700000000110}}
export const RestOrderbook = z.object({
  retCode: z.number(),
  result: z.object({ s: z.string(), b: z.array(Level), a: z.array(Level), ts: z.number(), u: z.number() }),
});

// GET /v5/market/instruments-info?category=linear -> {"retCode":0,"result":{"category":"linear","list":[{"symbol":
//  "BTCUSDT","status":"Trading","baseCoin":"BTC","quoteCoin":"USDT","priceFilter":{"tickSize":"0.10"},
//  "lotSizeFilter":{"qtyStep":"0.001"}}],"nextPageCursor":""}}
export const RestInstruments = z.object({
  retCode: z.number(),
  result: z.object({
    list: z.array(
      z.looseObject({
        symbol: z.string(),
        status: z.string().optional(),
        baseCoin: z.string(),
        quoteCoin: z.string(),
        priceFilter: z.looseObject({ tickSize: Str }),
        lotSizeFilter: z.looseObject({ qtyStep: Str }),
      }),
    ),
    nextPageCursor: z.string().optional(),
  }),
});

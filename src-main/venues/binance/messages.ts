/**
 * Zod schemas of Binance's raw frames (spot and USD-M share most shapes). Each parser has a real
 * sample above it, from the captured traffic in test/fixtures/captured (BINANCE.ws.1.0 /
 * BINANCE.http.0.0) or from the docs where the capture has none.
 */
import { z } from 'zod';

const Str = z.string().max(64);
export const LevelTuple = z.tuple([Str, Str]);

/** Combined-stream envelope: every data frame on /stream is wrapped like this. */
// {"stream":"nknusdt@depth@100ms","data":{...}}
export const CombinedFrame = z.object({ stream: z.string(), data: z.unknown() });

// {"e":"depthUpdate","E":1633998512068,"s":"NKNUSDT","U":499869750,"u":499869752,
//  "b":[["0.35130000","6195.00000000"],["0.34750000","5548.00000000"]],"a":[]}
export const SpotDepthUpdate = z.object({
  e: z.literal('depthUpdate'),
  E: z.number(),
  s: z.string(),
  U: z.number(),
  u: z.number(),
  b: z.array(LevelTuple),
  a: z.array(LevelTuple),
});

// {"u":499869768,"s":"NKNUSDT","b":"0.35210000","B":"672.00000000","a":"0.35260000","A":"3199.00000000"}
export const SpotBookTicker = z.object({ u: z.number(), s: z.string(), b: Str, B: Str, a: Str, A: Str });

// {"e":"aggTrade","E":1633998523963,"s":"NKNUSDT","a":15683430,"p":"0.35280000","q":"58.00000000",
//  "f":19862790,"l":19862790,"T":1633998523963,"m":false,"M":true}
export const AggTrade = z.object({
  e: z.literal('aggTrade'),
  s: z.string(),
  a: z.number(),
  p: Str,
  q: Str,
  T: z.number(),
  m: z.boolean(),
});

/** Reply to SUBSCRIBE / UNSUBSCRIBE. */
// {"result":null,"id":1}
export const MethodReply = z.object({ result: z.unknown(), id: z.union([z.number(), z.string()]) });
// {"error":{"code":2,"msg":"Invalid request: unknown variant"},"id":3}
export const MethodError = z.object({ error: z.object({ code: z.number(), msg: z.string() }) });

// GET /api/v3/depth?symbol=NKNUSDT&limit=1000 ->
// {"lastUpdateId":499869752,"bids":[["0.35210000","672.00000000"],...],"asks":[...]}
export const RestDepth = z.object({
  lastUpdateId: z.number(),
  E: z.number().optional(),
  T: z.number().optional(),
  bids: z.array(LevelTuple),
  asks: z.array(LevelTuple),
});

// GET /api/v3/exchangeInfo -> {"symbols":[{"symbol":"BTCUSDT","status":"TRADING","baseAsset":"BTC",
//  "quoteAsset":"USDT","filters":[{"filterType":"PRICE_FILTER","tickSize":"0.01000000",...},
//  {"filterType":"LOT_SIZE","stepSize":"0.00001000",...}]}]}   (shape from the docs)
export const ExchangeInfo = z.object({
  symbols: z.array(
    z.object({
      symbol: z.string(),
      status: z.string().optional(),
      baseAsset: z.string(),
      quoteAsset: z.string(),
      filters: z.array(
        z.looseObject({ filterType: z.string(), tickSize: Str.optional(), stepSize: Str.optional() }),
      ),
    }),
  ),
});

/**
 * Zod schemas of Hyperliquid frames. Samples are doc shapes from protocols.md §2 (field names
 * real, values invented); px and sz are strings on the wire.
 */
import { z } from 'zod';

const Str = z.string().max(64);
const Level = z.object({ px: Str, sz: Str, n: z.number().int().nonnegative() });

// {"channel":"l2Book","data":{"coin":"ETH","time":1700000000456,
//   "levels":[[{"px":"3000.1","sz":"4.2","n":2},{"px":"3000.0","sz":"10","n":5}],[{"px":"3000.2","sz":"1.1","n":1}]]}}
export const WsBook = z.object({
  coin: z.string(),
  time: z.number(),
  levels: z.tuple([z.array(Level), z.array(Level)]),
});

// {"channel":"bbo","data":{"coin":"BTC","time":1700000000000,"bbo":[{"px":"64000.0","sz":"1.2","n":3},null]}}
export const WsBbo = z.object({
  coin: z.string(),
  time: z.number(),
  bbo: z.tuple([Level.nullable(), Level.nullable()]),
});

// {"channel":"trades","data":[{"coin":"BTC","side":"B","px":"64000.0","sz":"0.1","hash":"0x..","time":1700000000000,
//   "tid":123456789,"users":["0xbuyer","0xseller"]}]}
export const WsTrades = z.array(
  z.object({
    coin: z.string(),
    side: z.enum(['A', 'B']),
    px: Str,
    sz: Str,
    time: z.number(),
    tid: z.number(),
  }),
);

// {"channel":"subscriptionResponse","data":{"method":"subscribe","subscription":{"type":"l2Book","coin":"BTC"}}}
// {"channel":"pong"}    {"channel":"error","data":"Invalid subscription ..."}
export const Envelope = z.object({ channel: z.string(), data: z.unknown().optional() });

// POST /info {"type":"meta"} -> {"universe":[{"name":"BTC","szDecimals":5,"maxLeverage":40}, ...]}
export const Meta = z.object({
  universe: z.array(
    z.looseObject({
      name: z.string(),
      szDecimals: z.number().int().min(0).max(12),
      isDelisted: z.boolean().optional(),
    }),
  ),
});

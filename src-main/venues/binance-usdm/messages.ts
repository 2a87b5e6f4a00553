/** Zod schemas of Binance USD-M frames that differ from spot (pu, T, the bookTicker `e`). */
import { z } from 'zod';
import { LevelTuple } from '../binance/messages';

// {"e":"depthUpdate","E":1700000000123,"T":1700000000120,"s":"BTCUSDT","U":5001,"u":5010,"pu":4990,
//  "b":[["64000.1","2.1"]],"a":[]}   (docs shape; the pu chain is verified on real captures)
export const FuturesDepthUpdate = z.object({
  e: z.literal('depthUpdate'),
  E: z.number(),
  T: z.number().optional(),
  s: z.string(),
  U: z.number(),
  u: z.number(),
  pu: z.number(),
  b: z.array(LevelTuple),
  a: z.array(LevelTuple),
});

// {"e":"bookTicker","u":400900217,"E":1568014460893,"T":1568014460891,"s":"BNBUSDT",
//  "b":"25.35190000","B":"31.21000000","a":"25.36520000","A":"40.66000000"}
export const FuturesBookTicker = z.object({
  e: z.literal('bookTicker').optional(),
  u: z.number(),
  E: z.number().optional(),
  s: z.string(),
  b: z.string(),
  B: z.string(),
  a: z.string(),
  A: z.string(),
});

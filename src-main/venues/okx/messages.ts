/**
 * Zod schemas of OKX v5 public frames. Samples are real frames from the captured traffic in
 * test/fixtures/captured/OKX.ws.1.0 (2022, before seqId existed) or, where noted, doc shapes.
 */
import { z } from 'zod';

const Str = z.string().max(64);
/** [price, size, deprecated "0", orderCount] */
const Level = z.tuple([Str, Str, Str, Str]);

// {"event":"subscribe","arg":{"channel":"books","instId":"BTC-USDT"}}
// {"event":"error","code":"60012","msg":"Invalid request: ..."}
export const EventFrame = z.object({
  event: z.string(),
  arg: z.object({ channel: z.string(), instId: z.string().optional() }).optional(),
  code: z.string().optional(),
  msg: z.string().optional(),
});

// {"arg":{"channel":"books","instId":"BTC-USD-220527"},"action":"update","data":[{"asks":[["30249.4","0","0","0"],
//  ["30261","4","0","1"]],"bids":[["30182.6","452","0","1"]],"ts":"1652459225464","checksum":-914047754}]}
// Since 2022 also "seqId":905,"prevSeqId":901 (snapshot: prevSeqId -1); checksum is 0 since 2026-06-23.
export const BooksFrame = z.object({
  arg: z.object({ channel: z.literal('books'), instId: z.string() }),
  action: z.enum(['snapshot', 'update']),
  data: z.array(
    z.object({
      asks: z.array(Level),
      bids: z.array(Level),
      ts: Str,
      checksum: z.number().int().optional(),
      seqId: z.number().int().optional(),
      prevSeqId: z.number().int().optional(),
    }),
  ),
});

// {"arg":{"channel":"trades","instId":"BTC-USDT"},"data":[{"instId":"BTC-USDT","tradeId":"338476307",
//  "px":"30236","sz":"0.0002","side":"buy","ts":"1652459224818"}]}
export const TradesFrame = z.object({
  arg: z.object({ channel: z.literal('trades'), instId: z.string() }),
  data: z.array(
    z.object({ instId: z.string(), tradeId: Str, px: Str, sz: Str, side: z.enum(['buy', 'sell']), ts: Str }),
  ),
});

// {"arg":{"channel":"tickers","instId":"BTC-USDT"},"data":[{"instType":"SPOT","instId":"BTC-USDT","last":"30236",
//  "askPx":"30236.1","askSz":"0.5","bidPx":"30236","bidSz":"1.2",...,"ts":"1652459225506"}]}
export const TickersFrame = z.object({
  arg: z.object({ channel: z.literal('tickers'), instId: z.string() }),
  data: z.array(z.object({ instId: z.string(), askPx: Str, askSz: Str, bidPx: Str, bidSz: Str, ts: Str })),
});

// GET /api/v5/market/books?instId=BTC-USDT&sz=400 ->
// {"code":"0","msg":"","data":[{"asks":[["41006.8","0.60038921","0","1"]],"bids":[...],"ts":"1629966436396"}]}
export const RestBooks = z.object({
  code: z.string(),
  data: z.array(z.object({ asks: z.array(Level), bids: z.array(Level), ts: Str })),
});

// GET /api/v5/public/instruments?instType=SPOT -> {"code":"0","data":[{"instId":"BTC-USDT","instType":"SPOT",
//  "baseCcy":"BTC","quoteCcy":"USDT","tickSz":"0.1","lotSz":"0.00000001","state":"live",...}]}  (doc shape)
export const RestInstruments = z.object({
  code: z.string(),
  data: z.array(
    z.looseObject({
      instId: z.string(),
      baseCcy: z.string().optional(),
      quoteCcy: z.string().optional(),
      settleCcy: z.string().optional(),
      ctValCcy: z.string().optional(),
      uly: z.string().optional(),
      tickSz: Str,
      lotSz: Str,
      state: z.string().optional(),
    }),
  ),
});

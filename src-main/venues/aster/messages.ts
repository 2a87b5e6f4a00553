/**
 * Aster frames are Binance USD-M frames (protocols.md §4); the schemas are shared, restated here
 * so every venue folder has its messages beside its parser.
 */
export {
  FuturesBookTicker as AsterBookTicker,
  FuturesDepthUpdate as AsterDepthUpdate,
} from '../binance-usdm/messages';
export { AggTrade as AsterAggTrade, RestDepth as AsterRestDepth } from '../binance/messages';
// {"e":"bookTicker","u":400900217,"E":1568014460893,"T":1568014460891,"s":"BTCUSDT",
//  "b":"25.35190000","B":"31.21000000","a":"25.36520000","A":"40.66000000"}

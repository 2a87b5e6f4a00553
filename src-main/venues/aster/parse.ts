/** Aster parsing is Binance USD-M parsing (same payloads, pu included). */
export { futuresDepthSpec as asterDepthSpec } from '../binance-usdm/parse';

/**
 * Binance USD-M endpoints (protocols.md §1.1): since 2026-04-23 high-frequency streams (depth,
 * bookTicker) live under /public and aggTrade under /market; the legacy /ws and /stream paths
 * are retired.
 */
export const BINANCE_USDM_WS_URL = 'wss://fstream.binance.com/public/stream';
export const BINANCE_USDM_REST_URL = 'https://fapi.binance.com';

export const BINANCE_USDM_PATHS = {
  depth: '/fapi/v1/depth',
  exchangeInfo: '/fapi/v1/exchangeInfo',
} as const;

const LIMITS = [5, 10, 20, 50, 100, 500, 1000];

/** /fapi/v1/depth accepts only these limits; pick the smallest that covers the request. */
export function futuresDepthLimit(levels: number): number {
  return LIMITS.find((l) => l >= levels) ?? 1000;
}

/** The /market socket that carries aggTrade, derived from the configured /public URL. */
export function marketStreamUrl(publicUrl: string): string {
  return publicUrl.includes('/public') ? publicUrl.replace('/public', '/market') : publicUrl;
}

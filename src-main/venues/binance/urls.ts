/** Binance Spot endpoints (protocols.md §1.1). Both are overridable settings. */
export const BINANCE_WS_URL = 'wss://stream.binance.com:9443/stream';
export const BINANCE_REST_URL = 'https://api.binance.com';

export const BINANCE_PATHS = {
  depth: '/api/v3/depth',
  exchangeInfo: '/api/v3/exchangeInfo',
} as const;

/** GET /api/v3/depth accepts 1..5000; weight grows with the limit, 1000 costs 50. */
export function spotDepthLimit(levels: number): number {
  return Math.min(5000, Math.max(1, Math.ceil(levels)));
}

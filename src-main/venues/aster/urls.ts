/** Aster futures endpoints (protocols.md §4), Binance-compatible. Both are overridable settings. */
export const ASTER_WS_URL = 'wss://fstream.asterdex.com/stream';
export const ASTER_REST_URL = 'https://fapi.asterdex.com';

export const ASTER_PATHS = {
  depth: '/fapi/v1/depth',
  exchangeInfo: '/fapi/v1/exchangeInfo',
} as const;

const LIMITS = [5, 10, 20, 50, 100, 500, 1000];

/** /fapi/v1/depth accepts 5/10/20/50/100/500/1000 (weights 2/2/2/2/5/10/20). */
export function asterDepthLimit(levels: number): number {
  return LIMITS.find((l) => l >= levels) ?? 1000;
}

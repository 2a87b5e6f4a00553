/** Bybit v5 endpoints (protocols.md §5), linear perpetuals. Both are overridable settings. */
export const BYBIT_WS_URL = 'wss://stream.bybit.com/v5/public/linear';
export const BYBIT_REST_URL = 'https://api.bybit.com';
export const BYBIT_CATEGORY = 'linear';

export const BYBIT_PATHS = {
  orderbook: '/v5/market/orderbook',
  instruments: '/v5/market/instruments-info',
} as const;

/** orderbook.50 pushes every 20 ms on linear; the stream book keeps these 50 levels. */
export const BYBIT_BOOK_DEPTH = 50;
/** One subscribe request may carry at most 10 args. */
export const BYBIT_MAX_ARGS = 10;

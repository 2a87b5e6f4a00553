/** Coinbase Advanced Trade endpoints (protocols.md §7). Both are overridable settings. */
export const COINBASE_WS_URL = 'wss://advanced-trade-ws.coinbase.com';
export const COINBASE_REST_URL = 'https://api.coinbase.com';

export const COINBASE_PATHS = {
  products: '/api/v3/brokerage/market/products',
  productBook: '/api/v3/brokerage/market/product_book',
} as const;

/** Channels subscribed per product; `heartbeats` is connection-wide and keeps quiet sockets open. */
export const COINBASE_CHANNELS = ['level2', 'market_trades', 'ticker'] as const;

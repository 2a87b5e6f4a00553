/** Lighter endpoints (protocols.md §3). Both are overridable settings. */
export const LIGHTER_WS_URL = 'wss://mainnet.zklighter.elliot.ai/stream';
export const LIGHTER_REST_URL = 'https://mainnet.zklighter.elliot.ai';

export const LIGHTER_PATHS = {
  details: '/api/v1/orderBookDetails',
  orders: '/api/v1/orderBookOrders',
} as const;

/** Largest orderBookOrders page we ask for (the venue's maximum is undocumented). */
export const LIGHTER_ORDERS_LIMIT = 250;

/** OKX v5 endpoints (protocols.md §6). Both are overridable settings. */
export const OKX_WS_URL = 'wss://ws.okx.com:8443/ws/v5/public';
export const OKX_REST_URL = 'https://www.okx.com';

export const OKX_PATHS = {
  books: '/api/v5/market/books',
  instruments: '/api/v5/public/instruments',
} as const;

/** The `books` channel and REST books both cover at most 400 levels. */
export const OKX_BOOK_DEPTH = 400;
export const OKX_INST_TYPES = ['SPOT', 'SWAP', 'FUTURES'] as const;

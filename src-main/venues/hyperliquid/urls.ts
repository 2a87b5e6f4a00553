/** Hyperliquid endpoints (protocols.md §2). Both are overridable settings (testnet, replays). */
export const HYPERLIQUID_WS_URL = 'wss://api.hyperliquid.xyz/ws';
export const HYPERLIQUID_REST_URL = 'https://api.hyperliquid.xyz';
export const HYPERLIQUID_INFO_PATH = '/info';

/** Perp prices have at most 6 - szDecimals decimals (and 5 significant figures). */
export const PERP_MAX_DECIMALS = 6;
/** l2Book (stream and REST) carries at most 20 levels per side. */
export const L2_BOOK_LEVELS = 20;

/** Kraken Spot WebSocket v2 and REST endpoints (protocols.md §8). Both are overridable settings. */
export const KRAKEN_WS_URL = 'wss://ws.kraken.com/v2';
export const KRAKEN_REST_URL = 'https://api.kraken.com';

export const KRAKEN_PATHS = {
  assetPairs: '/0/public/AssetPairs',
  depth: '/0/public/Depth',
} as const;

/** Subscribed book depth (10, 25, 100, 500 or 1000); the checksum always covers the top 10. */
export const KRAKEN_BOOK_DEPTH = 100;
export const KRAKEN_CHECKSUM_LEVELS = 10;

/** v2 symbols use BTC and DOGE where the REST API still says XBT and XDG. */
export function restPair(symbol: string): string {
  return symbol
    .split('/')
    .map((asset) => (asset === 'BTC' ? 'XBT' : asset === 'DOGE' ? 'XDG' : asset))
    .join('');
}

export function v2Asset(asset: string): string {
  return asset === 'XBT' ? 'BTC' : asset === 'XDG' ? 'DOGE' : asset;
}

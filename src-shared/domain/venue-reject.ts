/**
 * Why a venue refused a call: the closed set every venue port answers with (simulated, paper,
 * trigger layer), that bots switch on (docs/agents-api.md) and the UI's trading contract extends.
 */
export const VENUE_REJECT_CODES = [
  'UNKNOWN_SYMBOL',
  'UNKNOWN_AGENT',
  /** The name belongs to a connected agent or to one of the venue's own agents. */
  'AGENT_NAME_TAKEN',
  /** Starting capital malformed, not positive or too large. */
  'INVALID_AMOUNT',
  'INVALID_PRICE',
  'INVALID_QUANTITY',
  'OFF_TICK',
  'OFF_LOT',
  'BELOW_MIN_SIZE',
  /** A buy whose notional (plus fees) exceeds the agent's free quote balance. */
  'INSUFFICIENT_FUNDS',
  /** A sell of more base than the agent holds free (cash accounts cannot short). */
  'INSUFFICIENT_BALANCE',
  'POST_ONLY_WOULD_TAKE',
  'FOK_NOT_FILLABLE',
  /** A market order found nothing to trade against. */
  'NO_LIQUIDITY',
  'DUPLICATE_CLIENT_ORDER_ID',
  /** Unknown, already filled or already canceled: a second cancel is this, deterministically. */
  'UNKNOWN_ORDER',
  'NOT_YOUR_ORDER',
  /** The venue is not running or not wired (the gateway's placeholder answers this). */
  'UNAVAILABLE',
] as const;
export type VenueRejectCode = (typeof VENUE_REJECT_CODES)[number];

/**
 * The closed set of error codes of the agents' API. Every failure a bot can see is one of these,
 * sent as `{"type":"error","code":…,"msg":…}`. Each code belongs to one family of the app-wide
 * `ErrorCode` set (src-shared/result), so the UI and logs can group them, and says whether
 * retrying the same request can succeed. Adding a code is a protocol change (docs/agents-api.md).
 */
import type { ErrorCode } from '../../../src-shared/result';
import { VENUE_REJECT_CODES, type VenueRejectCode } from '../venue-port';

interface CodeInfo {
  readonly family: ErrorCode;
  readonly retryable: boolean;
  readonly summary: string;
}

const PROTOCOL_CODES = {
  UNAUTHORIZED: { family: 'UNAUTHORIZED', retryable: false, summary: 'missing or wrong token' },
  BAD_JSON: { family: 'INVALID_INPUT', retryable: false, summary: 'the text frame is not JSON' },
  INVALID_MESSAGE: {
    family: 'INVALID_INPUT',
    retryable: false,
    summary: 'a field is missing, unknown or of the wrong type; msg names it',
  },
  UNKNOWN_TYPE: { family: 'INVALID_INPUT', retryable: false, summary: 'no message of that type' },
  BINARY_FRAME: { family: 'INVALID_INPUT', retryable: false, summary: 'only text frames are accepted' },
  RATE_LIMITED: {
    family: 'RATE_LIMITED',
    retryable: true,
    summary: 'too many messages or requests in flight',
  },
  NOT_REGISTERED: { family: 'FORBIDDEN', retryable: false, summary: 'send agent_register first' },
  ALREADY_REGISTERED: {
    family: 'CONFLICT',
    retryable: false,
    summary: 'this connection already has an agent',
  },
  NOT_YOUR_AGENT: { family: 'FORBIDDEN', retryable: false, summary: 'you may read only your own agent' },
  AGENT_PAUSED: {
    family: 'FORBIDDEN',
    retryable: true,
    summary: 'the user paused this agent; orders are refused until resumed (cancels still work)',
  },
  UNKNOWN_VENUE: { family: 'NOT_FOUND', retryable: false, summary: 'no market data for that venue' },
  ALREADY_SUBSCRIBED: { family: 'CONFLICT', retryable: false, summary: 'already subscribed to that stream' },
  NOT_SUBSCRIBED: { family: 'NOT_FOUND', retryable: false, summary: 'no such subscription' },
  LIMIT_EXCEEDED: { family: 'LIMIT_EXCEEDED', retryable: false, summary: 'too many subscriptions' },
  INTERNAL: { family: 'INTERNAL', retryable: true, summary: 'a bug on our side; nothing was applied' },
} as const satisfies Record<string, CodeInfo>;

const VENUE_CODES: Record<VenueRejectCode, CodeInfo> = {
  UNKNOWN_SYMBOL: { family: 'NOT_FOUND', retryable: false, summary: 'no instrument with that symbol_id' },
  UNKNOWN_AGENT: { family: 'NOT_FOUND', retryable: false, summary: 'no agent with that id' },
  AGENT_NAME_TAKEN: { family: 'CONFLICT', retryable: false, summary: 'that agent name is in use' },
  INVALID_AMOUNT: {
    family: 'INVALID_INPUT',
    retryable: false,
    summary: 'the amount is not a positive decimal',
  },
  INVALID_PRICE: {
    family: 'INVALID_INPUT',
    retryable: false,
    summary: 'the price is malformed, not positive, not exact or too large',
  },
  INVALID_QUANTITY: {
    family: 'INVALID_INPUT',
    retryable: false,
    summary: 'the quantity is malformed, not positive, not exact or too large',
  },
  OFF_TICK: {
    family: 'INVALID_INPUT',
    retryable: false,
    summary: 'the price is not a multiple of tick_size',
  },
  OFF_LOT: {
    family: 'INVALID_INPUT',
    retryable: false,
    summary: 'the quantity is not a multiple of lot_size',
  },
  BELOW_MIN_SIZE: { family: 'INVALID_INPUT', retryable: false, summary: 'the quantity is below min_size' },
  INSUFFICIENT_FUNDS: { family: 'CONFLICT', retryable: false, summary: 'not enough free quote for this buy' },
  INSUFFICIENT_BALANCE: {
    family: 'CONFLICT',
    retryable: false,
    summary: 'not enough free base for this sell (no short sales)',
  },
  POST_ONLY_WOULD_TAKE: {
    family: 'CONFLICT',
    retryable: false,
    summary: 'a POST_ONLY order would have taken liquidity',
  },
  FOK_NOT_FILLABLE: {
    family: 'CONFLICT',
    retryable: false,
    summary: 'a FOK order could not fill completely',
  },
  NO_LIQUIDITY: {
    family: 'CONFLICT',
    retryable: true,
    summary: 'a market order found nothing to trade with',
  },
  DUPLICATE_CLIENT_ORDER_ID: {
    family: 'CONFLICT',
    retryable: false,
    summary: 'client_order_id already used by this agent',
  },
  UNKNOWN_ORDER: {
    family: 'NOT_FOUND',
    retryable: false,
    summary: 'unknown, filled or already canceled order',
  },
  NOT_YOUR_ORDER: { family: 'FORBIDDEN', retryable: false, summary: 'the order belongs to another agent' },
  UNAVAILABLE: { family: 'UNAVAILABLE', retryable: true, summary: 'the venue is not available' },
};

export const GATEWAY_ERROR_CODES: Readonly<Record<GatewayErrorCode, CodeInfo>> = {
  ...PROTOCOL_CODES,
  ...VENUE_CODES,
};

export type GatewayErrorCode = keyof typeof PROTOCOL_CODES | VenueRejectCode;

export const GATEWAY_ERROR_CODE_LIST = [
  ...(Object.keys(PROTOCOL_CODES) as (keyof typeof PROTOCOL_CODES)[]),
  ...VENUE_REJECT_CODES,
] as const;

export function isGatewayErrorCode(code: string): code is GatewayErrorCode {
  return Object.hasOwn(GATEWAY_ERROR_CODES, code);
}

export interface GatewayError {
  readonly code: GatewayErrorCode;
  readonly msg: string;
}

export function gatewayError(code: GatewayErrorCode, msg: string): GatewayError {
  return { code, msg };
}

/**
 * Text frame -> typed client message, or an error value; never throws. Steps: JSON.parse (V8's
 * parser is iterative, so 10^5 levels of nesting cannot overflow the stack, and it stores a
 * `__proto__` key as an own property, never as the prototype), a plain-object check, a lookup of
 * the schema by `type`, strict schema validation, then exact decimals for numeric fields from the
 * raw text. The decoded message holds no reference to the parsed object: only validated fields.
 *
 * `add_order` and `cancel_order` in their usual form skip zod through the checked fast paths of
 * fast-path.ts, which answer exactly as the schema would or defer to it; everything else, and
 * every input they do not fully understand, goes through the schema as before. Cost (npm run
 * bench:gateway, gateway.decode.*): ~0.8 us per add_order, about half of it JSON.parse.
 */
import { describeIssues } from '../../../src-shared/contract';
import {
  CLIENT_ORDER_ID_PATTERN,
  CLIENT_SCHEMAS,
  isClientMessageType,
  ReqIdSchema,
  type ClientMessage,
  type ClientMessageOf,
  type ClientMessageType,
  type ReqId,
} from './client-messages';
import { gatewayError, type GatewayError, type GatewayErrorCode } from './errors';
import { fastAddOrder, fastCancelOrder } from './fast-path';
import { decimalFromJson, topLevelNumberTokens } from './numbers';

/** add_order / agent_register with their numeric fields as plain decimal strings (not yet grid-checked). */
export type ResolvedAddOrder = Omit<ClientMessageOf<'add_order'>, 'price' | 'quantity'> & {
  readonly price?: string;
  readonly quantity: string;
};
export type ResolvedRegister = Omit<ClientMessageOf<'agent_register'>, 'starting_capital'> & {
  readonly starting_capital: string;
};
export type DecodedMessage =
  | Exclude<ClientMessage, { type: 'add_order' } | { type: 'agent_register' }>
  | ResolvedAddOrder
  | ResolvedRegister;

export interface DecodeFailure {
  readonly error: GatewayError;
  /** The request's type and req_id when they could be read, to echo in the error. */
  readonly request?: string | undefined;
  readonly reqId?: ReqId | undefined;
  readonly clientOrderId?: string | undefined;
}

export type Decoded = { ok: true; message: DecodedMessage } | { ok: false; failure: DecodeFailure };

export function decodeClientMessage(text: string): Decoded {
  if (text.length === 0) return fail('BAD_JSON', 'empty message; send one JSON object per text frame');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (cause) {
    return fail('BAD_JSON', `not JSON (${String((cause as Error).message).slice(0, 80)})`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('INVALID_MESSAGE', 'expected a JSON object with a "type" field');
  }
  const record = raw as Record<string, unknown>;
  const type = Object.hasOwn(record, 'type') ? record.type : undefined;
  if (typeof type !== 'string') return fail('INVALID_MESSAGE', 'type: expected a string', echoOf(record));
  if (!isClientMessageType(type)) {
    return fail('UNKNOWN_TYPE', `no message type "${type.slice(0, 40)}"`, echoOf(record));
  }
  if (type === 'add_order') {
    const fast = fastAddOrder(record);
    if (fast !== null) return resolveOrder(fast, text);
  } else if (type === 'cancel_order') {
    const fast = fastCancelOrder(record);
    if (fast !== null) return { ok: true, message: fast };
  }
  return decodeBySchema(type, record, text);
}

/** The schema's verdict on a parsed object of a known type (the fast paths' reference). */
export function decodeBySchema(
  type: ClientMessageType,
  record: Record<string, unknown>,
  text: string,
): Decoded {
  const parsed = CLIENT_SCHEMAS[type].safeParse(record);
  if (!parsed.success) {
    return fail('INVALID_MESSAGE', describeIssues(parsed.error), { ...echoOf(record), request: type });
  }
  const message = parsed.data as ClientMessage;
  // From here on the message is valid: its own req_id and client_order_id are the echo.
  if (message.type === 'add_order') return resolveOrder(message, text);
  if (message.type === 'agent_register') {
    const echo = { request: type, reqId: message.req_id };
    const tokens = typeof message.starting_capital === 'number' ? topLevelNumberTokens(text) : null;
    const capital = exact(message.starting_capital, 'starting_capital', tokens, 'INVALID_AMOUNT', echo);
    if (!capital.ok) return capital;
    return { ok: true, message: { ...message, starting_capital: capital.value } };
  }
  return { ok: true, message };
}

function resolveOrder(message: ClientMessageOf<'add_order'>, text: string): Decoded {
  // Raw tokens are needed only for fields sent as JSON numbers; scan the text at most once.
  const numeric = typeof message.quantity === 'number' || typeof message.price === 'number';
  const tokens = numeric ? topLevelNumberTokens(text) : null;
  const quantity = decimalFromJson(message.quantity, tokenOf(message.quantity, 'quantity', tokens));
  if (!quantity.ok) return orderFailure('INVALID_QUANTITY', 'quantity', quantity.reason, message);
  let price: string | undefined;
  if (message.price !== undefined) {
    const exactPrice = decimalFromJson(message.price, tokenOf(message.price, 'price', tokens));
    if (!exactPrice.ok) return orderFailure('INVALID_PRICE', 'price', exactPrice.reason, message);
    price = exactPrice.value;
  }
  // Built field by field (no spreads): this runs for every order.
  const resolved: { -readonly [K in keyof ResolvedAddOrder]: ResolvedAddOrder[K] } = {
    type: 'add_order',
    symbol_id: message.symbol_id,
    side: message.side,
    quantity: quantity.value,
  };
  if (price !== undefined) resolved.price = price;
  if (message.order_type !== undefined) resolved.order_type = message.order_type;
  if (message.time_in_force !== undefined) resolved.time_in_force = message.time_in_force;
  if (message.client_order_id !== undefined) resolved.client_order_id = message.client_order_id;
  if (message.req_id !== undefined) resolved.req_id = message.req_id;
  return { ok: true, message: resolved };
}

function tokenOf(value: string | number, field: string, tokens: Map<string, string> | null) {
  return typeof value === 'number' ? tokens?.get(field) : undefined;
}

/** An add_order whose price or quantity is not an exact decimal (the echo is built only here). */
function orderFailure(
  code: GatewayErrorCode,
  field: string,
  reason: string,
  message: ClientMessageOf<'add_order'>,
): Decoded {
  const echo = { request: 'add_order', reqId: message.req_id, clientOrderId: message.client_order_id };
  return { ok: false, failure: { error: gatewayError(code, `${field}: ${reason}`), ...echo } };
}

type Echo = { request?: string; reqId?: ReqId | undefined; clientOrderId?: string | undefined };

function exact(
  value: string | number,
  field: string,
  tokens: Map<string, string> | null,
  code: GatewayErrorCode,
  echo: Echo,
): { ok: true; value: string } | { ok: false; failure: DecodeFailure } {
  const decimal = decimalFromJson(value, typeof value === 'number' ? tokens?.get(field) : undefined);
  if (decimal.ok) return decimal;
  return { ok: false, failure: { error: gatewayError(code, `${field}: ${decimal.reason}`), ...echo } };
}

/** req_id and client_order_id of a message that failed validation, if they are themselves valid. */
function echoOf(record: Record<string, unknown>): Echo {
  const echo: Echo = {};
  const reqId = ReqIdSchema.safeParse(Object.hasOwn(record, 'req_id') ? record.req_id : undefined);
  if (reqId.success) echo.reqId = reqId.data;
  const coid = Object.hasOwn(record, 'client_order_id') ? record.client_order_id : undefined;
  if (typeof coid === 'string' && CLIENT_ORDER_ID_PATTERN.test(coid)) echo.clientOrderId = coid;
  return echo;
}

function fail(code: GatewayErrorCode, msg: string, echo: Echo = {}): Decoded {
  return { ok: false, failure: { error: gatewayError(code, msg), ...echo } };
}

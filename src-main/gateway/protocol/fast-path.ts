/**
 * Checked fast paths for the messages a trading bot sends most (`add_order`, `cancel_order`):
 * the same checks as their zod schemas (client-messages.ts), written out for the plain common case
 * so the hot path neither builds zod's parse context nor copies the object twice.
 *
 * Invariant: a fast path either returns exactly what `CLIENT_SCHEMAS[type].safeParse` returns as
 * `data` for that object, or null, and null only means "let the schema decide": every input it
 * does not fully understand (a number where a string is usual, an unknown or duplicate-shaped
 * key, a null, a value out of range, a missing field) goes to the schema, which then produces the
 * same answer or the same INVALID_MESSAGE as before. So the error a bad input gets never depends
 * on this file (test/src-main/gateway/fast-path.test.ts compares both on generated messages).
 *
 * Cost (npm run bench:gateway, gateway.decode.*): add_order went from ~1.6 to ~0.8 us per message;
 * zod's own check was half of that.
 */
import { OrderTypeSchema, SideSchema, TimeInForceSchema } from '../../../src-shared/domain';
import {
  CLIENT_ORDER_ID_PATTERN,
  ORDER_ID_PATTERN,
  type ClientMessageOf,
  type ReqId,
} from './client-messages';

const SIDES: ReadonlySet<unknown> = new Set(SideSchema.options);
const ORDER_TYPES: ReadonlySet<unknown> = new Set(OrderTypeSchema.options);
const TIMES_IN_FORCE: ReadonlySet<unknown> = new Set(TimeInForceSchema.options);

type AddOrder = ClientMessageOf<'add_order'>;
type CancelOrder = ClientMessageOf<'cancel_order'>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** A valid `req_id` (z.union([z.string().max(64), safe integer >= 0])), else undefined. */
function reqIdOf(value: unknown): ReqId | undefined {
  if (typeof value === 'string') return value.length <= 64 ? value : undefined;
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}

/** symbol_id: z.string().min(1).max(48). */
function isSymbol(value: unknown): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= 48;
}

/** A price or quantity sent as a string of at most 64 characters (numbers go to the schema). */
function isNumericString(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 64;
}

/** `add_order` with every field in its usual form, or null (the schema decides). */
export function fastAddOrder(record: Record<string, unknown>): AddOrder | null {
  const out: Partial<Mutable<AddOrder>> = { type: 'add_order' };
  for (const key in record) {
    const value = record[key];
    switch (key) {
      case 'type':
        if (value !== 'add_order') return null;
        break;
      case 'symbol_id':
        if (!isSymbol(value)) return null;
        out.symbol_id = value;
        break;
      case 'side':
        if (!SIDES.has(value)) return null;
        out.side = value as AddOrder['side'];
        break;
      case 'price':
        if (!isNumericString(value)) return null;
        out.price = value;
        break;
      case 'quantity':
        if (!isNumericString(value)) return null;
        out.quantity = value;
        break;
      case 'order_type':
        if (!ORDER_TYPES.has(value)) return null;
        out.order_type = value as AddOrder['order_type'];
        break;
      case 'time_in_force':
        if (!TIMES_IN_FORCE.has(value)) return null;
        out.time_in_force = value as AddOrder['time_in_force'];
        break;
      case 'client_order_id':
        if (typeof value !== 'string' || !CLIENT_ORDER_ID_PATTERN.test(value)) return null;
        out.client_order_id = value;
        break;
      case 'req_id': {
        const reqId = reqIdOf(value);
        if (reqId === undefined) return null;
        out.req_id = reqId;
        break;
      }
      default:
        return null;
    }
  }
  if (out.symbol_id === undefined || out.side === undefined || out.quantity === undefined) return null;
  return out as AddOrder;
}

/** `cancel_order` with its order id as a string or integer, or null (the schema decides). */
export function fastCancelOrder(record: Record<string, unknown>): CancelOrder | null {
  const out: Partial<Mutable<CancelOrder>> = { type: 'cancel_order' };
  for (const key in record) {
    const value = record[key];
    switch (key) {
      case 'type':
        if (value !== 'cancel_order') return null;
        break;
      case 'symbol_id':
        if (!isSymbol(value)) return null;
        out.symbol_id = value;
        break;
      case 'orderId':
      case 'order_id': {
        if (typeof value === 'string' ? !ORDER_ID_PATTERN.test(value) : !isOrderNumber(value)) return null;
        out[key] = value as string | number;
        break;
      }
      case 'req_id': {
        const reqId = reqIdOf(value);
        if (reqId === undefined) return null;
        out.req_id = reqId;
        break;
      }
      default:
        return null;
    }
  }
  // Exactly one of orderId / order_id (the schema's refinement words the error).
  if (out.symbol_id === undefined || (out.orderId === undefined) === (out.order_id === undefined))
    return null;
  return out as CancelOrder;
}

function isOrderNumber(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/**
 * Every message a bot may send, as zod schemas (the one place they are defined; docs/agents-api.md
 * documents them). Objects are strict: an unknown field is an INVALID_MESSAGE error naming it, not
 * silently dropped, so a typo like `quantitty` never turns into a default. Prices and quantities
 * are accepted as JSON numbers or decimal strings here; their exactness and grid are checked
 * afterwards (see numbers.ts), with the raw JSON text for numbers.
 */
import { z } from 'zod';
import { OrderTypeSchema, SideSchema, TimeInForceSchema } from '../../../src-shared/domain';

/** Optional correlation id, echoed in the direct response or error. */
export const ReqIdSchema = z.union([
  z.string().max(64),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
]);
export type ReqId = z.infer<typeof ReqIdSchema>;

/** Any JSON number or a string; checked for exactness and grid later. */
export const NumericInputSchema = z.union([
  z.string().max(64, 'at most 64 characters'),
  z.custom<number>((value) => typeof value === 'number', 'expected a number or a decimal string'),
]);

export const AgentNameSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.-]{0,31}$/, '1-32 characters: letters, digits, space, _ . -');
export const AgentIdSchema = z.string().min(1).max(64);
export const SymbolSchema = z.string().min(1).max(48);
export const CLIENT_ORDER_ID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
export const ORDER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const ClientOrderIdSchema = z
  .string()
  .regex(CLIENT_ORDER_ID_PATTERN, '1-64 characters: letters, digits and . _ : -');
export const OrderIdInputSchema = z.union([
  z.string().regex(ORDER_ID_PATTERN, '1-64 characters: letters, digits, _ and -'),
  z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
]);
export const VenueSlugSchema = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a venue id such as "sim"');
export const ChannelSchema = z.enum(['l2Book', 'trades']);

const base = { req_id: ReqIdSchema.optional() };

export const CLIENT_SCHEMAS = {
  auth: z.object({ type: z.literal('auth'), token: z.string().max(256), ...base }).strict(),
  ping: z.object({ type: z.literal('ping'), ...base }).strict(),
  agent_register: z
    .object({
      type: z.literal('agent_register'),
      name: AgentNameSchema,
      starting_capital: NumericInputSchema,
      ...base,
    })
    .strict(),
  add_order: z
    .object({
      type: z.literal('add_order'),
      symbol_id: SymbolSchema,
      side: SideSchema,
      price: NumericInputSchema.optional(),
      quantity: NumericInputSchema,
      order_type: OrderTypeSchema.optional(),
      time_in_force: TimeInForceSchema.optional(),
      client_order_id: ClientOrderIdSchema.optional(),
      ...base,
    })
    .strict(),
  cancel_order: z
    .object({
      type: z.literal('cancel_order'),
      symbol_id: SymbolSchema,
      /** The issue spells it `orderId`; `order_id` is accepted too (exactly one of them). */
      orderId: OrderIdInputSchema.optional(),
      order_id: OrderIdInputSchema.optional(),
      ...base,
    })
    .strict()
    .refine((m) => (m.orderId === undefined) !== (m.order_id === undefined), {
      message: 'give exactly one of orderId or order_id',
      path: ['orderId'],
    }),
  get_portfolio: z
    .object({ type: z.literal('get_portfolio'), agent_id: AgentIdSchema.optional(), ...base })
    .strict(),
  subscribe: z
    .object({
      type: z.literal('subscribe'),
      channel: ChannelSchema,
      venue: VenueSlugSchema.optional(),
      symbol: SymbolSchema,
      nSigFigs: z.union([z.number().int().min(2).max(5), z.null()]).optional(),
      depth: z.number().int().min(1).max(100).optional(),
      ...base,
    })
    .strict(),
  unsubscribe: z
    .object({
      type: z.literal('unsubscribe'),
      channel: ChannelSchema,
      venue: VenueSlugSchema.optional(),
      symbol: SymbolSchema,
      ...base,
    })
    .strict(),
} as const;

export type ClientMessageType = keyof typeof CLIENT_SCHEMAS;
export type ClientMessageOf<T extends ClientMessageType> = z.output<(typeof CLIENT_SCHEMAS)[T]>;
export type ClientMessage = { [T in ClientMessageType]: ClientMessageOf<T> }[ClientMessageType];
export type AddOrderMessage = ClientMessageOf<'add_order'>;

export const CLIENT_MESSAGE_TYPES = Object.freeze(
  Object.keys(CLIENT_SCHEMAS),
) as readonly ClientMessageType[];

export function isClientMessageType(type: string): type is ClientMessageType {
  return Object.hasOwn(CLIENT_SCHEMAS, type);
}

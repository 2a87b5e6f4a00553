/**
 * Wire envelopes shared by both transports. A client sends `call`, `sub` and `unsub`; the server
 * answers a call with one `reply` and feeds a subscription with `event`s: a `snapshot`, then
 * `delta`s whose `seq` rises by exactly one. Any other step means the client missed something and
 * must resubscribe; a server that had to drop deltas sends a fresh snapshot instead.
 */
import { z } from 'zod';
import { AppErrorSchema } from '../result';

const Id = z
  .number()
  .int()
  .nonnegative()
  .max(2 ** 31 - 1);
const Name = z.string().min(1).max(64);

export const ClientMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: Id, name: Name, input: z.unknown() }).strict(),
  z.object({ t: z.literal('sub'), id: Id, name: Name, params: z.unknown() }).strict(),
  z.object({ t: z.literal('unsub'), id: Id }).strict(),
]);
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const StreamEventSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('snapshot'), seq: z.number().int().nonnegative(), data: z.unknown() }),
  z.object({ kind: z.literal('delta'), seq: z.number().int().nonnegative(), data: z.unknown() }),
  /** The server ended the stream (bad params, service stopped); no more events follow. */
  z.object({ kind: z.literal('closed'), error: AppErrorSchema }),
]);
export type StreamEvent = z.infer<typeof StreamEventSchema>;

export const WireResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: AppErrorSchema }),
]);
export type WireResult = z.infer<typeof WireResultSchema>;

export const ServerMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('reply'), id: Id, result: WireResultSchema }),
  z.object({ t: z.literal('event'), id: Id, event: StreamEventSchema }),
]);
export type ServerMessage = z.infer<typeof ServerMessageSchema>;

/** Subprotocol names used by the headless host's WebSocket. */
export const WIRE_PROTOCOL = 'depthline.v1';
export const TOKEN_PROTOCOL_PREFIX = 'depthline.token.';
/** Path of the headless host's contract socket. */
export const CONTRACT_PATH = '/contract';
/** Meta tag in which the headless host hands the page its session token. */
export const SESSION_META_NAME = 'depthline-session';

/** The single Electron IPC channel that carries wire envelopes in both directions. */
export const IPC_CHANNEL = 'depthline:wire';

/** The API the preload exposes as `window.depthline`: a validated message port, nothing more. */
export interface PreloadApi {
  /** Sends one client envelope; returns false (and sends nothing) if it is not a valid one. */
  post(message: ClientMessage): boolean;
  /** Listens for server envelopes; returns the function that stops listening. */
  onMessage(listener: (message: ServerMessage) => void): () => void;
}

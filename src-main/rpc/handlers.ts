/**
 * What a service must provide to implement the contract: one handler per request and one opener
 * per stream. Handlers receive already-validated input and return a Result; they never throw
 * across the boundary (a throw is a broken invariant and becomes an INTERNAL error).
 */
import type { z } from 'zod';
import type { Requests, RequestName, Streams, StreamName } from '../../src-shared/contract';
import type { Result } from '../../src-shared/result';

/** Who is calling. The UI acts as the human user; transports may add more later. */
export interface CallContext {
  readonly transport: 'ipc' | 'ws' | 'test';
  readonly principal: 'user';
}

type Awaitable<T> = T | Promise<T>;

export type RequestHandler<N extends RequestName> = (
  input: z.output<Requests[N]['input']>,
  ctx: CallContext,
) => Awaitable<Result<z.input<Requests[N]['output']>>>;

export type RequestHandlers = { readonly [N in RequestName]: RequestHandler<N> };

/** A live subscription held by the server: it can always produce a fresh snapshot. */
export interface StreamSource<S> {
  snapshot(): S;
  dispose(): void;
}

export type StreamOpener<N extends StreamName> = (
  params: z.output<Streams[N]['params']>,
  emit: (delta: z.input<Streams[N]['delta']>) => void,
  ctx: CallContext,
) => Result<StreamSource<z.input<Streams[N]['snapshot']>>>;

export type StreamOpeners = { readonly [N in StreamName]: StreamOpener<N> };

/** A service contributes part of the contract; the composition root merges them. */
export interface ContractImplementation {
  readonly requests: RequestHandlers;
  readonly streams: StreamOpeners;
}

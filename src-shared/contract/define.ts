/**
 * Building blocks of the one typed contract. A request has an input and an output schema; a stream
 * has params, a snapshot and a delta schema plus a pure `reduce` that folds a delta into the state.
 * Streams are snapshot-then-deltas; every event carries a sequence number so a client that misses
 * one asks for a fresh snapshot instead of drifting.
 */
import type { z } from 'zod';

export interface RequestDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly kind: 'request';
  readonly summary: string;
  readonly input: I;
  readonly output: O;
}

export interface StreamDef<
  P extends z.ZodType = z.ZodType,
  S extends z.ZodType = z.ZodType,
  D extends z.ZodType = z.ZodType,
> {
  readonly kind: 'stream';
  readonly summary: string;
  readonly params: P;
  readonly snapshot: S;
  readonly delta: D;
  /** Folds one delta into the state; pure, so both sides agree on the result. */
  readonly reduce: (state: z.output<S>, delta: z.output<D>) => z.output<S>;
}

export function request<I extends z.ZodType, O extends z.ZodType>(def: {
  summary: string;
  input: I;
  output: O;
}): RequestDef<I, O> {
  return { kind: 'request', ...def };
}

export function stream<P extends z.ZodType, S extends z.ZodType, D extends z.ZodType>(def: {
  summary: string;
  params: P;
  snapshot: S;
  delta: D;
  reduce: (state: z.output<S>, delta: z.output<D>) => z.output<S>;
}): StreamDef<P, S, D> {
  return { kind: 'stream', ...def };
}

/** For streams whose delta is simply the next full state. */
export const replaceWithDelta = <T>(_state: T, delta: T): T => delta;

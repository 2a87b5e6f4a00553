/**
 * Errors are values at boundaries: a `Result` is either `{ ok: true, value }` or
 * `{ ok: false, error }`. Nothing that crosses IPC, the host socket or the gateway throws.
 */
import { z } from 'zod';
import { AppErrorSchema, type AppError } from './errors';

export type Ok<T> = { readonly ok: true; readonly value: T };
export type Err<E> = { readonly ok: false; readonly error: E };
export type Result<T, E = AppError> = Ok<T> | Err<E>;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = <E>(error: E): Err<E> => ({ ok: false, error });

/** Schema of a Result on the wire, given the schema of its value. */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppErrorSchema }),
  ]);
}

/**
 * The closed set of error codes that may cross a boundary (IPC, host socket, gateway, store).
 * Adding a code is a contract change: the renderer and bots switch on these strings.
 */
import { z } from 'zod';

export const ERROR_CODES = {
  // Transport and contract
  INVALID_INPUT: { retryable: false, summary: 'the input did not match the schema' },
  UNKNOWN_METHOD: { retryable: false, summary: 'no such request in the contract' },
  UNKNOWN_STREAM: { retryable: false, summary: 'no such stream in the contract' },
  UNAUTHORIZED: { retryable: false, summary: 'missing or wrong credentials' },
  FORBIDDEN: { retryable: false, summary: 'the caller may not do this' },
  RATE_LIMITED: { retryable: true, summary: 'too many requests; slow down' },
  LIMIT_EXCEEDED: { retryable: false, summary: 'a size or count limit was exceeded' },
  NOT_FOUND: { retryable: false, summary: 'the referenced object does not exist' },
  CONFLICT: { retryable: false, summary: 'the request conflicts with current state' },
  UNAVAILABLE: { retryable: true, summary: 'the service is not ready or not reachable' },
  TIMEOUT: { retryable: true, summary: 'the operation did not finish in time' },
  INTERNAL: { retryable: true, summary: 'an internal invariant broke; the operation was not applied' },
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

const codeNames = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];
export const ErrorCodeSchema = z.enum(codeNames);

export const AppErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  retryable: z.boolean(),
});
export type AppError = z.infer<typeof AppErrorSchema>;

export function appError(code: ErrorCode, message: string): AppError {
  return { code, message, retryable: ERROR_CODES[code].retryable };
}

/**
 * Parsing at the boundary: turn unknown input into a typed value or a clear INVALID_INPUT error.
 * Messages name the field path so a caller can fix the request without reading our source.
 */
import { type z } from 'zod';
import { appError, err, ok, type Result } from '../result';

export function parseWith<T extends z.ZodType>(schema: T, raw: unknown, what: string): Result<z.output<T>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return ok(parsed.data);
  return err(appError('INVALID_INPUT', `${what}: ${describeIssues(parsed.error)}`));
}

export function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.length ? issue.path.map(String).join('.') : '(root)';
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}

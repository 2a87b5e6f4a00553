/**
 * Per-start secrets for loopback servers: 256 random bits, compared in constant time
 * (crypto.timingSafeEqual; a length mismatch is refused without comparing). Callers must never put
 * a token in a URL or a log line.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

export function newSecretToken(bytes = 32): string {
  if (bytes < 16) throw new RangeError('a token needs at least 128 bits');
  return randomBytes(bytes).toString('base64url');
}

export function tokensMatch(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token of an `Authorization: Bearer <token>` header; undefined if absent or another scheme. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(header);
  return match?.[1];
}

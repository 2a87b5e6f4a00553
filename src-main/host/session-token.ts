/**
 * A per-start session token for the contract socket: 256 random bits, compared in constant time.
 * The page receives it inside index.html (readable only by same-origin pages, and the Host check
 * keeps rebinding attackers out); it is sent as a WebSocket subprotocol, never in a URL or a log.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { TOKEN_PROTOCOL_PREFIX } from '../../src-shared/contract';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function tokensMatch(expected: string, presented: string | undefined): boolean {
  if (presented === undefined) return false;
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(presented, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Pull the token out of a Sec-WebSocket-Protocol header value. */
export function tokenFromProtocols(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(',')) {
    const protocol = part.trim();
    if (protocol.startsWith(TOKEN_PROTOCOL_PREFIX)) return protocol.slice(TOKEN_PROTOCOL_PREFIX.length);
  }
  return undefined;
}

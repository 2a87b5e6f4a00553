/**
 * A per-start session token for the contract socket: 256 random bits, compared in constant time
 * (shared with the gateway in src-main/net). The page receives it inside index.html (readable only
 * by same-origin pages, and the Host check keeps rebinding attackers out); it is sent as a
 * WebSocket subprotocol, never in a URL or a log.
 */
import { TOKEN_PROTOCOL_PREFIX } from '../../src-shared/contract';
import { newSecretToken } from '../net/secret-token';

export { tokensMatch } from '../net/secret-token';

export function newSessionToken(): string {
  return newSecretToken(32);
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

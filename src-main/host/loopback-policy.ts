/**
 * Who may talk to the headless host. The server binds to 127.0.0.1 only, and additionally checks
 * the Host header (defeats DNS rebinding: attacker.example resolving to 127.0.0.1) and the Origin
 * of the contract socket (defeats other web pages in the same browser). Exact string matches only:
 * "http://127.0.0.1.evil.com" or a different port never pass.
 */
const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
}

export function allowedOrigins(port: number): ReadonlySet<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `http://${name}:${port}`));
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && allowedOrigins(port).has(origin.toLowerCase());
}

/**
 * Who may talk to a loopback server (the headless host and the agents' gateway). Both bind to
 * 127.0.0.1 only and additionally check the Host header (defeats DNS rebinding: attacker.example
 * resolving to 127.0.0.1) and the Origin of WebSocket handshakes (defeats other web pages in the
 * same browser). Exact string matches only: "http://127.0.0.1.evil.com" or another port never pass.
 */
export const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'] as const;

export function allowedHosts(port: number): ReadonlySet<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `${name}:${port}`));
}

export function allowedOrigins(port: number): ReadonlySet<string> {
  return new Set(LOOPBACK_NAMES.map((name) => `http://${name}:${port}`));
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).has(host.toLowerCase());
}

/** Same-origin check for a page served by the host itself on `port`. */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin !== undefined && allowedOrigins(port).has(origin.toLowerCase());
}

/**
 * True for an origin a browser would send for a page on this machine: `http(s)://` plus a
 * loopback name and an explicit port, nothing else (no path, no userinfo). Used to validate
 * configured allowlists so a typo can never admit a remote site.
 */
export function isLoopbackOrigin(origin: string): boolean {
  const match = /^(https?):\/\/(127\.0\.0\.1|localhost|\[::1\]):([0-9]{1,5})$/.exec(origin.toLowerCase());
  if (!match) return false;
  const port = Number(match[3]);
  return port >= 1 && port <= 65535;
}

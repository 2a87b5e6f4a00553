/**
 * Which frames may speak the contract over IPC: only the top frame of our own windows, loaded
 * from the app:// origin. Subframes and any other origin (a navigated-away page, an injected
 * iframe) are refused. Pure, so it is tested without Electron.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'depthline';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export interface SenderFacts {
  readonly url: string | undefined;
  readonly isTopFrame: boolean;
  readonly isOwnWindow: boolean;
}

export function isTrustedSender(facts: SenderFacts): boolean {
  if (!facts.isTopFrame || !facts.isOwnWindow || !facts.url) return false;
  return isAppUrl(facts.url);
}

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/** External links open in the user's browser only for https hosts on this list (exact match). */
export const EXTERNAL_HOST_ALLOWLIST: ReadonlySet<string> = new Set(['github.com']);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && EXTERNAL_HOST_ALLOWLIST.has(parsed.hostname);
  } catch {
    return false;
  }
}

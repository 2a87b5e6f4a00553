import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl, isAppUrl, isTrustedSender } from '../../../src-main/electron/trusted-sender';
import { isAllowedHost, isAllowedOrigin } from '../../../src-main/host/loopback-policy';

describe('IPC sender validation', () => {
  const ok = { url: 'app://depthline/index.html', isTopFrame: true, isOwnWindow: true };

  it('trusts the top frame of our window on app://depthline', () => {
    expect(isTrustedSender(ok)).toBe(true);
  });

  it.each([
    ['a subframe', { ...ok, isTopFrame: false }],
    ['a window we did not create', { ...ok, isOwnWindow: false }],
    ['a page that navigated elsewhere', { ...ok, url: 'https://evil.example/' }],
    ['a file:// page', { ...ok, url: 'file:///etc/passwd' }],
    ['a lookalike host', { ...ok, url: 'app://depthline.evil/index.html' }],
    ['a missing url', { ...ok, url: undefined }],
  ])('rejects %s', (_label, facts) => {
    expect(isTrustedSender(facts)).toBe(false);
  });

  it('keeps navigation inside the app origin', () => {
    expect(isAppUrl('app://depthline/settings')).toBe(true);
    expect(isAppUrl('app://other/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  it('opens only allowlisted https hosts externally', () => {
    expect(isAllowedExternalUrl('https://github.com/depthline')).toBe(true);
    expect(isAllowedExternalUrl('https://github.com.attacker.com/')).toBe(false);
    expect(isAllowedExternalUrl('http://github.com/')).toBe(false);
    expect(isAllowedExternalUrl('https://app.example.com.attacker.com')).toBe(false);
  });
});

describe('loopback policy', () => {
  it('accepts only exact loopback hosts and origins on our port', () => {
    expect(isAllowedHost('127.0.0.1:7420', 7420)).toBe(true);
    expect(isAllowedHost('localhost:7420', 7420)).toBe(true);
    expect(isAllowedHost('[::1]:7420', 7420)).toBe(true);
    for (const h of ['127.0.0.1:7421', 'attacker.example:7420', '127.0.0.1.evil.com:7420', undefined]) {
      expect(isAllowedHost(h, 7420)).toBe(false);
    }
    expect(isAllowedOrigin('http://localhost:7420', 7420)).toBe(true);
    for (const o of ['null', 'https://127.0.0.1:7420', 'http://localhost.evil.com:7420', undefined]) {
      expect(isAllowedOrigin(o, 7420)).toBe(false);
    }
  });
});

describe('window web preferences', () => {
  it('are the hardened set, with nothing risky switched on', async () => {
    const { SECURE_WEB_PREFERENCES } = await import('../../../src-main/electron/web-preferences');
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
    for (const flag of [
      'allowRunningInsecureContent',
      'experimentalFeatures',
      'enableBlinkFeatures',
      'preload',
    ]) {
      expect(SECURE_WEB_PREFERENCES).not.toHaveProperty(flag);
    }
    expect(Object.isFrozen(SECURE_WEB_PREFERENCES)).toBe(true);
  });
});

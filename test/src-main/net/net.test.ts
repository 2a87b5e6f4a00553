/** The loopback guards shared by the host and the gateway. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAllowedHost, isLoopbackOrigin } from '../../../src-main/net/loopback-policy';
import { TokenBucket } from '../../../src-main/net/rate-limiter';
import { bearerToken, newSecretToken, tokensMatch } from '../../../src-main/net/secret-token';

describe('loopback origins', () => {
  it.each(['http://localhost:5173', 'http://127.0.0.1:80', 'https://[::1]:8443', 'HTTP://LOCALHOST:1'])(
    'accepts %s',
    (origin) => expect(isLoopbackOrigin(origin)).toBe(true),
  );
  it.each([
    'http://localhost',
    'http://localhost:0',
    'http://localhost:70000',
    'http://localhost.evil.com:80',
    'http://127.0.0.1.evil.com:80',
    'http://evil.com:80',
    'null',
    'file://',
    'http://localhost:5173/',
    'http://user@localhost:5173',
    'ws://localhost:5173',
  ])('refuses %s', (origin) => expect(isLoopbackOrigin(origin)).toBe(false));

  it('accepts exactly the three loopback hosts with our port', () => {
    expect(isAllowedHost('LOCALHOST:7421', 7421)).toBe(true);
    expect(isAllowedHost('[::1]:7421', 7421)).toBe(true);
    expect(isAllowedHost('127.0.0.1:7422', 7421)).toBe(false);
    expect(isAllowedHost(undefined, 7421)).toBe(false);
  });
});

describe('secret tokens', () => {
  it('are at least 128 bits, unique, and compared exactly', () => {
    const token = newSecretToken();
    expect(Buffer.from(token, 'base64url').length).toBe(32);
    expect(newSecretToken()).not.toBe(token);
    expect(() => newSecretToken(8)).toThrow(RangeError);
    expect(tokensMatch(token, token)).toBe(true);
    expect(tokensMatch(token, token.slice(1))).toBe(false);
    expect(tokensMatch(token, undefined)).toBe(false);
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(tokensMatch(token, s)).toBe(s === token);
      }),
    );
  });

  it('reads only the Bearer scheme', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bearer  abc ')).toBe('abc');
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});

describe('token bucket', () => {
  it('allows the burst, then the sustained rate', () => {
    let now = 0;
    const bucket = new TokenBucket({ perSecond: 10, burst: 5 }, () => now);
    expect(Array.from({ length: 6 }, () => bucket.take())).toEqual([true, true, true, true, true, false]);
    now += 100;
    expect(bucket.take()).toBe(true);
    expect(bucket.take()).toBe(false);
    now += 10_000;
    expect(Array.from({ length: 6 }, () => bucket.take()).filter(Boolean)).toHaveLength(5);
  });
});

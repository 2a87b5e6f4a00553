/** The gateway's flag and settings: --gateway-port, gateway.port and gateway.allowedOrigins. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../../src-main/config/cli';
import { defaultSettings, loadSettings } from '../../../src-main/config/settings';
import { DEFAULT_GATEWAY_PORT } from '../../../src-main/gateway/limits';

describe('gateway configuration', () => {
  it('parses --gateway-port (0 = any free port) and refuses bad values', () => {
    expect(parseCli(['--gateway-port', '0'])).toEqual({ ok: true, value: { gatewayPort: 0 } });
    expect(parseCli(['--gateway-port', '7500', '--port', '1'])).toEqual({
      ok: true,
      value: { gatewayPort: 7500, port: 1 },
    });
    for (const bad of ['-1', '65536', 'x', '1.5']) {
      const parsed = parseCli(['--gateway-port', bad]);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error.message).toMatch(/--gateway-port/);
    }
  });

  it('defaults to port 7421 with no browser origins', () => {
    expect(defaultSettings().gateway).toEqual({ port: DEFAULT_GATEWAY_PORT, allowedOrigins: [] });
    expect(DEFAULT_GATEWAY_PORT).toBe(7421);
  });

  it('accepts loopback origins only in gateway.allowedOrigins', () => {
    const dir = mkdtempSync(join(tmpdir(), 'depthline-settings-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ gateway: { port: 0, allowedOrigins: ['http://localhost:5173'] } }));
    expect(loadSettings(dir)).toMatchObject({ ok: true, value: { gateway: { port: 0 } } });
    writeFileSync(file, JSON.stringify({ gateway: { allowedOrigins: ['https://evil.example:443'] } }));
    const bad = loadSettings(dir);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toMatch(/gateway\.allowedOrigins\.0/);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../../../src-main/config/cli';
import { defaultDataDir } from '../../../src-main/config/data-dir';
import { endpointEnvName, resolveEndpoint } from '../../../src-main/config/endpoints';
import { defaultSettings, loadSettings } from '../../../src-main/config/settings';

describe('command-line flags', () => {
  it('parses --port, --data-dir and --log-level', () => {
    const parsed = parseCli(['--port', '0', '--data-dir', '/tmp/x', '--log-level', 'debug']);
    expect(parsed).toEqual({ ok: true, value: { port: 0, dataDir: '/tmp/x', logLevel: 'debug' } });
  });

  it('parses --record (and composeOptions passes it on)', async () => {
    const parsed = parseCli(['--record']);
    expect(parsed).toEqual({ ok: true, value: { record: true } });
    const { composeOptions } = await import('../../../src-main/app/compose');
    expect(composeOptions(parsed.ok ? parsed.value : {})).toEqual({ record: true });
    expect(composeOptions({})).toEqual({});
  });

  it.each([
    [['--record', 'yes'], /yes|positional/i],
    [['--port', 'abc'], /--port/],
    [['--port', '70000'], /--port/],
    [['--log-level', 'loud'], /--log-level/],
    [['--prot', '1'], /prot/],
    [['stray'], /stray|positional/i],
  ])('rejects %j with a message naming the problem', (argv, message) => {
    const parsed = parseCli(argv);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error.message).toMatch(message);
  });
});

describe('data directory', () => {
  it('prefers DEPTHLINE_DATA_DIR, then the platform folder', () => {
    expect(defaultDataDir({ DEPTHLINE_DATA_DIR: '/data/dl' }, 'linux', '/home/u')).toBe('/data/dl');
    expect(defaultDataDir({}, 'linux', '/home/u')).toBe('/home/u/.local/share/depthline');
    expect(defaultDataDir({ XDG_DATA_HOME: '/x' }, 'linux', '/home/u')).toBe('/x/depthline');
    expect(defaultDataDir({}, 'darwin', '/Users/u')).toBe('/Users/u/Library/Application Support/Depthline');
  });
});

describe('venue endpoints', () => {
  it('names env overrides by the upper-cased venue id', () => {
    expect(endpointEnvName('binance-usdm', 'ws')).toBe('DEPTHLINE_BINANCE_USDM_WS_URL');
    expect(endpointEnvName('okx', 'rest')).toBe('DEPTHLINE_OKX_REST_URL');
  });

  it('resolves env over settings over the default', () => {
    const settings = { ...defaultSettings(), venues: { okx: { restUrl: 'http://127.0.0.1:9/okx' } } };
    expect(resolveEndpoint('okx', 'rest', 'https://www.okx.com', settings, {})).toBe(
      'http://127.0.0.1:9/okx',
    );
    expect(
      resolveEndpoint('okx', 'rest', 'https://www.okx.com', settings, {
        DEPTHLINE_OKX_REST_URL: 'http://127.0.0.1:1',
      }),
    ).toBe('http://127.0.0.1:1');
    expect(resolveEndpoint('okx', 'ws', 'wss://ws.okx.com:8443/ws/v5/public', settings, {})).toBe(
      'wss://ws.okx.com:8443/ws/v5/public',
    );
  });
});

describe('settings file', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'depthline-settings-'));

  it('uses defaults when there is no file', () => {
    expect(loadSettings(dir())).toEqual({ ok: true, value: defaultSettings() });
  });

  it('reads a valid file', () => {
    const d = dir();
    writeFileSync(
      join(d, 'settings.json'),
      JSON.stringify({ host: { port: 9000 }, venues: { okx: { enabled: true } } }),
    );
    const loaded = loadSettings(d);
    expect(loaded.ok && loaded.value.host.port).toBe(9000);
    expect(loaded.ok && loaded.value.venues.okx?.enabled).toBe(true);
  });

  it('reports a typo with the file and the key', () => {
    const d = dir();
    writeFileSync(join(d, 'settings.json'), JSON.stringify({ hots: { port: 1 } }));
    const loaded = loadSettings(d);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.error.message).toMatch(/settings\.json.*hots/);
  });

  it('has history defaults and checks them', () => {
    expect(defaultSettings().history).toEqual({
      enabled: true,
      record: false,
      bookSnapshotSec: 10,
      bookSnapshotLevels: 20,
      retention: { rawFramesDays: 7, bookSnapshotsDays: 30, pruneEveryMin: 60 },
    });
    const d = dir();
    writeFileSync(join(d, 'settings.json'), JSON.stringify({ history: { retention: { rawFramesDays: 0 } } }));
    const loaded = loadSettings(d);
    expect(!loaded.ok && loaded.error.message).toMatch(/rawFramesDays/);
    writeFileSync(join(d, 'settings.json'), JSON.stringify({ history: { recrod: true } }));
    const typo = loadSettings(d);
    expect(!typo.ok && typo.error.message).toMatch(/recrod/);
  });

  it('reports broken JSON', () => {
    const d = dir();
    writeFileSync(join(d, 'settings.json'), '{ nope');
    const loaded = loadSettings(d);
    expect(!loaded.ok && loaded.error.message).toMatch(/not valid JSON/);
  });
});

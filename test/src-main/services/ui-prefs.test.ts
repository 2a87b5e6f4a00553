import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_PREFS_FILE } from '../../../src-main/config/ui-prefs-file';
import { systemApp } from '../../support/system-app';

const ctx = { transport: 'test', principal: 'user' } as const;
const prefs = {
  version: 1,
  layout: { grid: { root: { type: 'branch', data: [] } }, panels: {} },
  keymap: { 'order.buyBid': 'Shift+B' },
  selection: { venue: 'sim', symbol: 'BTC-USD' },
};

describe('ui prefs', () => {
  it('returns defaults, then what was saved, across a fresh read from disk', async () => {
    const { server, dataDir } = systemApp();
    expect(await server.call('ui.prefs.get', {}, ctx)).toEqual({
      ok: true,
      value: { version: 1, layout: null, keymap: {}, selection: null },
    });
    expect((await server.call('ui.prefs.set', { prefs }, ctx)).ok).toBe(true);
    expect(JSON.parse(readFileSync(join(dataDir, UI_PREFS_FILE), 'utf8'))).toEqual(prefs);
    expect(await server.call('ui.prefs.get', {}, ctx)).toEqual({ ok: true, value: prefs });
  });

  it('refuses malformed prefs and keeps the saved ones', async () => {
    const { server } = systemApp();
    await server.call('ui.prefs.set', { prefs }, ctx);
    const bad = await server.call('ui.prefs.set', { prefs: { ...prefs, keymap: { 'Bad Key!': 'x' } } }, ctx);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await server.call('ui.prefs.get', {}, ctx)).toEqual({ ok: true, value: prefs });
  });

  it('refuses oversized prefs', async () => {
    const { server } = systemApp();
    const huge = { ...prefs, layout: { blob: 'x'.repeat(300 * 1024) } };
    expect(await server.call('ui.prefs.set', { prefs: huge }, ctx)).toMatchObject({
      ok: false,
      error: { code: 'LIMIT_EXCEEDED' },
    });
  });

  it('falls back to defaults when the file is corrupt and keeps the bad copy', async () => {
    const { server, dataDir } = systemApp();
    writeFileSync(join(dataDir, UI_PREFS_FILE), '{ not json');
    expect(await server.call('ui.prefs.get', {}, ctx)).toMatchObject({ ok: true, value: { layout: null } });
    expect(existsSync(join(dataDir, `${UI_PREFS_FILE}.bad`))).toBe(true);
  });
});

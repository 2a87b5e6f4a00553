/**
 * Dependency floors that security fixes depend on, checked on every copy in the lockfile (a
 * transitive old copy is as exploitable as a direct one).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const lock = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string }>;
};

function copies(name: string): Array<{ path: string; version: string }> {
  return Object.entries(lock.packages)
    .filter(([path]) => path === `node_modules/${name}` || path.endsWith(`/node_modules/${name}`))
    .map(([path, entry]) => ({ path, version: entry.version ?? '0.0.0' }));
}

function atLeast(version: string, floor: string): boolean {
  const a = version.split('.').map(Number);
  const b = floor.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
}

describe('dependency floors', () => {
  it('every ws copy is >= 8.21.0 (CVE-2026-48779, CVE-2024-37890)', () => {
    const ws = copies('ws');
    expect(ws.length).toBeGreaterThan(0);
    expect(ws.filter((c) => !atLeast(c.version, '8.21.0'))).toEqual([]);
  });

  it('better-sqlite3 is 12.x and vitest 4.x, as this Node 20 toolchain requires', () => {
    expect(copies('better-sqlite3').map((c) => c.version.split('.')[0])).toEqual(['12']);
    expect(copies('vitest').map((c) => c.version.split('.')[0])).toEqual(['4']);
  });
});

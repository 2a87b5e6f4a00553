import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, listSources, type ImportEdge } from './import-graph';
import { check, reachable, RULES } from './rules';

const ROOT = resolve(import.meta.dirname, '../..');
const files = listSources(ROOT, ['src-main', 'src-shared', 'src-renderer']);
const edges = files.flatMap((file) => importsOf(ROOT, file));

describe('architecture', () => {
  it('finds the source tree and its imports', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(edges.length).toBeGreaterThan(50);
  });

  it('has no forbidden import edges', () => {
    const violations = check(edges).map((v) => `${v.edge.from} -> ${v.edge.specifier}  [${v.rule}]`);
    expect(violations).toEqual([]);
  });

  it('the headless host entry never loads electron, even transitively', () => {
    const { files: reached, packages } = reachable('src-main/host/main.ts', edges);
    expect(reached.size).toBeGreaterThan(5);
    expect([...packages].filter((p) => p === 'electron' || p.startsWith('electron/'))).toEqual([]);
    expect([...reached].filter((f) => f.startsWith('src-main/electron/'))).toEqual([]);
  });
});

describe('architecture rules bite', () => {
  // Each case is one forbidden import placed in a real layer; every one must be reported.
  const forbidden: Array<[string, string]> = [
    ['src-main/core/engine/book.ts', 'node:fs'],
    ['src-main/core/book/l2.ts', 'ws'],
    ['src-main/core/num/ticks.ts', '../../venues/binance/parse'],
    ['src-main/core/portfolio/ledger.ts', 'better-sqlite3'],
    ['src-main/services/trading.ts', 'electron'],
    ['src-main/host/main.ts', '../electron/ipc-binding'],
    ['src-main/venues/okx/connector.ts', 'better-sqlite3'],
    ['src-shared/contract/market.ts', 'node:crypto'],
    ['src-shared/domain/ids.ts', '../../src-main/core/ports'],
    ['src-renderer/features/book/Book.tsx', '../../../src-main/core/book/l2'],
    ['src-renderer/ipc/client.ts', 'electron'],
    ['src-main/preload/index.ts', '../rpc/server'],
    ['src-main/gateway/server.ts', 'electron'],
    ['src-main/gateway/session.ts', '../core/engine/book'],
    ['src-main/gateway/hub.ts', '../sim/venue'],
    ['src-main/gateway/session.ts', '../store/open-store'],
  ];

  it.each(forbidden)('%s importing %s is a violation', (from, specifier) => {
    const edge: ImportEdge = {
      from,
      specifier,
      target: specifier.startsWith('.') ? normalise(from, specifier) : null,
    };
    expect(check([edge]).length).toBeGreaterThan(0);
  });

  it('allowed edges pass', () => {
    const allowed: ImportEdge[] = [
      { from: 'src-main/app/main-electron.ts', specifier: 'electron', target: null },
      { from: 'src-main/core/num/ticks.ts', specifier: 'decimal.js', target: null },
      {
        from: 'src-main/venues/okx/connector.ts',
        specifier: '../../core/book',
        target: 'src-main/core/book/index.ts',
      },
      { from: 'src-main/store/db.ts', specifier: 'better-sqlite3', target: null },
      {
        from: 'src-renderer/ipc/client.ts',
        specifier: '../../src-shared/contract',
        target: 'src-shared/contract/index.ts',
      },
    ];
    expect(check(allowed)).toEqual([]);
  });

  it('reads dynamic imports and require() too', () => {
    const text = "const a = await import('electron');\nconst b = require('node:fs');\nexport * from '../x';";
    const found = importsOf(ROOT, 'src-main/core/x.ts', text).map((e) => e.specifier);
    expect(found).toEqual(expect.arrayContaining(['electron', 'node:fs', '../x']));
    expect(RULES.length).toBeGreaterThan(5);
  });
});

function normalise(from: string, specifier: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const seg of specifier.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/**
 * reliability.md E7: better-sqlite3 commits a transaction when its function returns, so an async
 * function would commit before its awaits ran. Fail if any function passed to `.transaction(...)`
 * in the source is async (or is not a function literal we can check).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { listSources } from '../../architecture/import-graph';

const ROOT = resolve(import.meta.dirname, '../../..');

function asyncTransactions(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === 'transaction'
    ) {
      const fn = node.arguments[0];
      const isAsync =
        fn !== undefined &&
        (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) &&
        (ts.getCombinedModifierFlags(fn) & ts.ModifierFlags.Async) !== 0;
      const returnsPromise = fn !== undefined && /\bPromise\b|\bawait\b/.test(fn.getText());
      if (isAsync || returnsPromise) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${file}:${line + 1}`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe('SQLite transactions', () => {
  it('no function passed to db.transaction() is async', () => {
    const files = listSources(ROOT, ['src-main', 'test']);
    const violations = files.flatMap((f) => asyncTransactions(f, readFileSync(resolve(ROOT, f), 'utf8')));
    expect(violations).toEqual([]);
  });

  it('the check catches an async transaction', () => {
    const bad = 'const t = db.transaction(async (rows) => { await save(rows); });';
    expect(asyncTransactions('x.ts', bad)).toEqual(['x.ts:1']);
    const fine = 'const t = db.transaction((rows) => { for (const r of rows) stmt.run(r); });';
    expect(asyncTransactions('x.ts', fine)).toEqual([]);
  });
});

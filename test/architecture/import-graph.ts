/**
 * Reads every source file's imports with TypeScript's own pre-processor (static imports,
 * re-exports, dynamic import() and require()), and resolves relative specifiers to repo paths.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

export interface ImportEdge {
  /** Repo-relative path of the importing file, with forward slashes. */
  readonly from: string;
  /** The specifier as written. */
  readonly specifier: string;
  /** Repo-relative path of the imported file for relative specifiers; null for packages. */
  readonly target: string | null;
}

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs)$/;

export function listSources(root: string, dirs: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (SOURCE.test(name) && !name.endsWith('.d.ts')) out.push(full);
    }
  };
  for (const dir of dirs) if (existsSync(join(root, dir))) walk(join(root, dir));
  return out.map((file) => toRepoPath(root, file));
}

export function importsOf(
  root: string,
  file: string,
  text = readFileSync(join(root, file), 'utf8'),
): ImportEdge[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map(({ fileName: specifier }) => ({
    from: file,
    specifier,
    target: specifier.startsWith('.') ? resolveRelative(root, file, specifier) : null,
  }));
}

function resolveRelative(root: string, from: string, specifier: string): string {
  const base = resolve(root, dirname(from), specifier);
  const candidates = [
    base,
    ...['.ts', '.tsx', '.js', '.mjs'].map((ext) => base + ext),
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return toRepoPath(root, hit ?? base);
}

function toRepoPath(root: string, file: string): string {
  return relative(root, file).split('\\').join('/');
}

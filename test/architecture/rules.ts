/**
 * The dependency rules of design.md, as data. Each rule names the files it governs and a predicate
 * that flags a forbidden import. `check` returns every violation; an empty list means the arrows
 * are honest.
 */
import type { ImportEdge } from './import-graph';

export interface Rule {
  readonly name: string;
  readonly appliesTo: (file: string) => boolean;
  readonly forbids: (edge: ImportEdge) => boolean;
}

export interface Violation {
  readonly rule: string;
  readonly edge: ImportEdge;
}

const under =
  (...prefixes: string[]) =>
  (path: string | null) =>
    path !== null && prefixes.some((p) => path.startsWith(p));
const isNodeBuiltin = (spec: string) =>
  spec.startsWith('node:') ||
  [
    'fs',
    'path',
    'os',
    'http',
    'https',
    'net',
    'child_process',
    'crypto',
    'stream',
    'worker_threads',
    'url',
  ].includes(spec.split('/')[0] ?? '');
const isPackage = (edge: ImportEdge, name: string) =>
  edge.specifier === name || edge.specifier.startsWith(`${name}/`);

const ELECTRON_ZONES = ['src-main/app/', 'src-main/electron/', 'src-main/preload/'];

export const RULES: readonly Rule[] = [
  {
    name: 'electron is imported only in src-main/app, src-main/electron and src-main/preload',
    appliesTo: (f) => !under(...ELECTRON_ZONES)(f) && !f.startsWith('test/e2e/') && !f.startsWith('scripts/'),
    forbids: (e) => isPackage(e, 'electron'),
  },
  {
    name: 'src-shared runs anywhere: no node builtins, no electron, no src-main, no src-renderer',
    appliesTo: under('src-shared/'),
    forbids: (e) =>
      isNodeBuiltin(e.specifier) || isPackage(e, 'electron') || under('src-main/', 'src-renderer/')(e.target),
  },
  {
    name: 'src-renderer never imports src-main, electron or node builtins',
    appliesTo: under('src-renderer/'),
    forbids: (e) => under('src-main/')(e.target) || isPackage(e, 'electron') || isNodeBuiltin(e.specifier),
  },
  {
    name: 'src-main/core is pure: only core and src-shared, plus decimal.js; no I/O',
    appliesTo: under('src-main/core/'),
    forbids: (e) =>
      e.target === null
        ? !['decimal.js', 'zod'].some((pkg) => isPackage(e, pkg))
        : !under('src-main/core/', 'src-shared/')(e.target),
  },
  {
    name: 'only src-main/store touches better-sqlite3',
    appliesTo: (f) => !under('src-main/store/')(f) && !f.startsWith('test/'),
    forbids: (e) => isPackage(e, 'better-sqlite3'),
  },
  {
    name: 'the store knows no venue or service: only store, core and src-shared code',
    appliesTo: under('src-main/store/'),
    forbids: (e) => e.target !== null && !under('src-main/store/', 'src-main/core/', 'src-shared/')(e.target),
  },
  {
    name: 'venue adapters depend on the book core, never the reverse',
    appliesTo: under('src-main/core/'),
    forbids: (e) => under('src-main/venues/', 'src-main/services/', 'src-main/sim/')(e.target),
  },
  {
    name: 'the headless host never reaches Electron code',
    appliesTo: under(
      'src-main/host/',
      'src-main/services/',
      'src-main/rpc/',
      'src-main/config/',
      'src-main/gateway/',
      'src-main/net/',
    ),
    forbids: (e) =>
      under('src-main/electron/', 'src-main/preload/')(e.target) ||
      e.target === 'src-main/app/main-electron.ts',
  },
  {
    name: 'the preload only bridges: electron and src-shared',
    appliesTo: under('src-main/preload/'),
    forbids: (e) =>
      e.target === null ? !isPackage(e, 'electron') && !isPackage(e, 'zod') : !under('src-shared/')(e.target),
  },
  {
    name: 'the agents gateway reaches the venue only through its ports: no engine, sim, venue or store code',
    appliesTo: under('src-main/gateway/'),
    forbids: (e) =>
      e.target !== null &&
      !under(
        'src-main/gateway/',
        'src-main/core/num/',
        'src-main/core/ports/',
        'src-main/net/',
        'src-shared/',
      )(e.target),
  },
  {
    name: 'production code never imports tests',
    appliesTo: under('src-main/', 'src-shared/', 'src-renderer/'),
    forbids: (e) => under('test/')(e.target),
  },
];

export function check(edges: readonly ImportEdge[], rules: readonly Rule[] = RULES): Violation[] {
  const violations: Violation[] = [];
  for (const edge of edges) {
    for (const rule of rules) {
      if (rule.appliesTo(edge.from) && rule.forbids(edge)) violations.push({ rule: rule.name, edge });
    }
  }
  return violations;
}

/** Files reachable from `entry` through relative imports (to prove the host never loads electron). */
export function reachable(
  entry: string,
  edges: readonly ImportEdge[],
): { files: Set<string>; packages: Set<string> } {
  const byFile = new Map<string, ImportEdge[]>();
  for (const edge of edges) byFile.set(edge.from, [...(byFile.get(edge.from) ?? []), edge]);
  const files = new Set<string>([entry]);
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    for (const edge of byFile.get(file) ?? []) {
      if (edge.target === null) packages.add(edge.specifier);
      else if (!files.has(edge.target)) {
        files.add(edge.target);
        queue.push(edge.target);
      }
    }
  }
  return { files, packages };
}

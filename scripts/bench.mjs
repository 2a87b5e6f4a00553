#!/usr/bin/env node
/**
 * Runs every benchmark in bench/*.bench.ts (or those whose name contains the first argument), one
 * after another in fresh Node processes, and passes their `BENCH {...}` lines through.
 * Usage: npm run bench [-- <filter> [arguments for the benchmark]]
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const filter = process.argv[2] ?? '';
const files = readdirSync(join(root, 'bench'))
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
if (files.length === 0) {
  process.stderr.write(`no benchmark matches "${filter}"\n`);
  process.exit(1);
}
let failed = 0;
for (const file of files) {
  process.stderr.write(`# ${file}\n`);
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--expose-gc', join('bench', file), ...process.argv.slice(3)],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (run.status !== 0) failed += 1;
}
process.exit(failed ? 1 : 0);

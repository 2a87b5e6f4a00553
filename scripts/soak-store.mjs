#!/usr/bin/env node
/**
 * Longer kill -9 soak of the ledger: the crash test with more rounds (default 2000).
 * Usage: npm run soak:store [-- <rounds>]
 */
import { spawnSync } from 'node:child_process';

const rounds = process.argv[2] ?? '2000';
const run = spawnSync('npx', ['vitest', 'run', '--project', 'unit', 'test/src-main/store/crash.test.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DEPTHLINE_CRASH_ROUNDS: rounds },
  shell: process.platform === 'win32',
});
process.exit(run.status ?? 1);

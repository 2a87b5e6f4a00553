/**
 * Kill -9 harness: bundles the crash child once, then repeatedly starts it on the same data
 * directory, SIGKILLs it at a random moment, and verifies the ledger. Acknowledged = the last
 * complete `C <n>` line read from the child before it died.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import { verifyLedger } from './verify';

const ROOT = resolve(import.meta.dirname, '../../../..');

export function bundleCrashChild(): string {
  const outDir = join(ROOT, 'test-results', 'crash');
  mkdirSync(outDir, { recursive: true });
  const outfile = join(outDir, 'crash-child.mjs');
  buildSync({
    entryPoints: [join(import.meta.dirname, 'crash-child.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
  return outfile;
}

export interface RoundResult {
  readonly acknowledged: number;
  readonly commits: number;
  readonly problems: string[];
}

/** `previouslyAcknowledged` carries over: a child killed before its first ack acknowledged nothing new. */
export function crashRound(
  child: string,
  dataDir: string,
  maxDelayMs: number,
  previouslyAcknowledged: number,
): Promise<RoundResult> {
  return new Promise((resolveRound, reject) => {
    const proc = spawn(process.execPath, [child, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let acknowledged = previouslyAcknowledged;
    let stderr = '';
    let killTimer: NodeJS.Timeout | undefined;
    proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    proc.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline = buffer.indexOf('\n');
      while (newline >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        if (line === 'READY' && !killTimer) {
          killTimer = setTimeout(() => proc.kill('SIGKILL'), Math.floor(Math.random() * maxDelayMs));
        } else if (line.startsWith('C ')) {
          acknowledged = Number(line.slice(2));
        }
        newline = buffer.indexOf('\n');
      }
    });
    proc.once('error', reject);
    proc.once('exit', (_code, signal) => {
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') return reject(new Error(`crash child exited by itself: ${stderr}`));
      const verdict = verifyLedger(dataDir, acknowledged);
      resolveRound({ acknowledged, commits: verdict.commits, problems: verdict.problems });
    });
  });
}

export function crashDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'depthline-crash-'));
}

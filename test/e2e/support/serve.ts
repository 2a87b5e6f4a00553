/**
 * Runs `npm run serve` (build, then the headless host) on OS-chosen free ports (host and agents
 * gateway) and waits for its `DEPTHLINE_URL` line. The whole process group is killed on stop.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../../..');

export interface Served {
  readonly url: string;
  readonly dataDir: string;
  readonly output: () => string;
  /** Everything the process printed on stdout so far (the DEPTHLINE_* lines). */
  readonly stdout: () => string;
  stop(): Promise<void>;
}

export async function serve(
  extraArgs: string[] = [],
  env: NodeJS.ProcessEnv = {},
  /** Written as the data directory's settings.json before start (none when omitted). */
  settings?: unknown,
): Promise<Served> {
  const dataDir = mkdtempSync(join(tmpdir(), 'depthline-e2e-'));
  if (settings !== undefined) writeFileSync(join(dataDir, 'settings.json'), JSON.stringify(settings));
  const child = spawn(
    'npm',
    [
      'run',
      '--silent',
      'serve',
      '--',
      '--port',
      '0',
      '--gateway-port',
      '0',
      '--data-dir',
      dataDir,
      ...extraArgs,
    ],
    {
      cwd: REPO_ROOT,
      detached: true,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  let out = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start in 90 s:\n${out}\n${log}`)), 90_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /DEPTHLINE_URL (\S+)/.exec(out);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${code}:\n${out}\n${log}`));
    });
  });
  return { url, dataDir, output: () => log, stdout: () => out, stop: () => stopGroup(child) };
}

function stopGroup(child: ChildProcess): Promise<void> {
  return new Promise((done) => {
    if (child.exitCode !== null || child.pid === undefined) return done();
    child.once('exit', () => done());
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      done();
    }
    setTimeout(() => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }, 5000).unref();
  });
}

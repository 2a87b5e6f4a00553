/**
 * The gateway token on disk: `<data dir>/gateway.token`, mode 0600, replaced atomically at every
 * start (written to a private temporary file, then renamed) so a bot never reads half a token, and
 * removed on a clean stop when it still holds our token. The token itself is never logged.
 */
import { chmodSync, openSync, readFileSync, renameSync, unlinkSync, writeSync, closeSync } from 'node:fs';
import { join } from 'node:path';

export const TOKEN_FILE_NAME = 'gateway.token';

export function tokenFilePath(dataDir: string): string {
  return join(dataDir, TOKEN_FILE_NAME);
}

export function writeTokenFile(dataDir: string, token: string): string {
  const path = tokenFilePath(dataDir);
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    unlinkSync(temporary);
  } catch {
    /* not there */
  }
  // 'wx' refuses to follow a pre-planted file or symlink; 0o600 before any byte is written.
  const fd = openSync(temporary, 'wx', 0o600);
  try {
    writeSync(fd, `${token}\n`);
  } finally {
    closeSync(fd);
  }
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
  return path;
}

export function removeTokenFile(dataDir: string, token: string): void {
  const path = tokenFilePath(dataDir);
  try {
    if (readFileSync(path, 'utf8').trim() === token) unlinkSync(path);
  } catch {
    /* already gone or unreadable: nothing to clean */
  }
}

/**
 * Where Depthline keeps its files (settings, database, tokens). Precedence: --data-dir flag,
 * DEPTHLINE_DATA_DIR, then the platform's per-user data folder. Electron passes its own
 * userData path instead of the last step.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (env.DEPTHLINE_DATA_DIR) return resolve(env.DEPTHLINE_DATA_DIR);
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Depthline');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Depthline');
  return join(env.XDG_DATA_HOME ?? join(home, '.local', 'share'), 'depthline');
}

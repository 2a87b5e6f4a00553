/**
 * Electron loads better-sqlite3's addon from its own Electron-ABI build (made by
 * `npm run native:electron`, which `npm start` runs first), so the copy in node_modules stays
 * built for Node and `npm test` keeps working. This reads that build's manifest and checks it
 * matches the running Electron.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { appError, err, ok, type Result } from '../../src-shared/result';

const ManifestSchema = z.object({
  runtime: z.literal('electron'),
  target: z.string(),
  platform: z.string(),
  arch: z.string(),
  binding: z.string(),
});

export function electronSqliteBinding(appRoot: string, electronVersion: string): Result<string> {
  const manifestFile = join(appRoot, '.cache', 'native', 'electron.json');
  const fix = 'Run `npm run native:electron` (npm start does this for you).';
  if (!existsSync(manifestFile)) {
    return err(appError('UNAVAILABLE', `No Electron build of the SQLite addon was found. ${fix}`));
  }
  const parsed = ManifestSchema.safeParse(JSON.parse(readFileSync(manifestFile, 'utf8')));
  if (!parsed.success) return err(appError('UNAVAILABLE', `${manifestFile} is unreadable. ${fix}`));
  const m = parsed.data;
  if (m.target !== electronVersion || m.platform !== process.platform || m.arch !== process.arch) {
    return err(
      appError(
        'UNAVAILABLE',
        `The SQLite addon was built for Electron ${m.target} (${m.platform}-${m.arch}), ` +
          `this is Electron ${electronVersion} (${process.platform}-${process.arch}). ${fix}`,
      ),
    );
  }
  if (!existsSync(m.binding)) return err(appError('UNAVAILABLE', `${m.binding} is missing. ${fix}`));
  return ok(m.binding);
}

/**
 * Finds the Electron binary that `npm install` downloads, without requiring the `electron`
 * package (which would try to download it on the spot). Where it was not downloaded (this build
 * machine installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1) there is none, and the Electron tests
 * skip with that reason printed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinary(repoRoot: string): { path: string } | { missing: string } {
  const pkg = join(repoRoot, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return {
      missing: `no Electron binary installed (${pathFile} is absent; installs with ELECTRON_SKIP_BINARY_DOWNLOAD=1 have none)`,
    };
  }
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { missing: `Electron binary ${binary} does not exist` };
}

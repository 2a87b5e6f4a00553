#!/usr/bin/env node
/**
 * Gives Electron its own copy of better-sqlite3's native addon, built for Electron's ABI, without
 * touching the copy in node_modules that plain Node (npm test, npm run serve) loads. Both coexist,
 * so switching between `npm start` and `npm test` never needs a rebuild. The Electron main process
 * loads the copy named in .cache/native/electron.json through better-sqlite3's `nativeBinding`.
 *
 * Steps: reuse a cached build for this (better-sqlite3, Electron, platform, arch); otherwise copy the
 * package sources to a scratch folder, try the published prebuilt binary (prebuild-install), and
 * fall back to compiling against Electron's headers with node-gyp.
 *
 * DEPTHLINE_NATIVE_RUNTIME=node builds for the running Node instead (used to test this script on
 * machines without Electron).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const sqlitePkgDir = join(root, 'node_modules', 'better-sqlite3');
const sqliteVersion = readJson(join(sqlitePkgDir, 'package.json')).version;
const runtime = process.env.DEPTHLINE_NATIVE_RUNTIME === 'node' ? 'node' : 'electron';
const target =
  runtime === 'node'
    ? process.versions.node
    : readJson(join(root, 'node_modules', 'electron', 'package.json')).version;
const { platform, arch } = process;
const cacheRoot = join(root, '.cache', 'native');
const outDir = join(cacheRoot, `better-sqlite3-${sqliteVersion}-${runtime}-${target}-${platform}-${arch}`);
const outFile = join(outDir, 'better_sqlite3.node');
const manifest = join(cacheRoot, `${runtime}.json`);

function log(message) {
  process.stderr.write(`[native-${runtime}] ${message}\n`);
}

function writeManifest() {
  writeFileSync(
    manifest,
    JSON.stringify(
      { runtime, target, betterSqlite3: sqliteVersion, platform, arch, binding: outFile },
      null,
      2,
    ) + '\n',
  );
}

/** npm names its bundled node-gyp when it runs a script; otherwise look next to this Node's npm. */
function findNodeGyp() {
  const candidates = [
    process.env.npm_config_node_gyp,
    join(
      dirname(process.execPath),
      '..',
      'lib',
      'node_modules',
      'npm',
      'node_modules',
      'node-gyp',
      'bin',
      'node-gyp.js',
    ),
    join(dirname(process.execPath), 'node_modules', 'npm', 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
  ];
  return candidates.find((file) => file && existsSync(file));
}

if (existsSync(outFile)) {
  writeManifest();
  log(`up to date: ${outFile}`);
  process.exit(0);
}

const scratch = mkdtempSync(join(tmpdir(), 'depthline-native-'));
try {
  log(`building better-sqlite3 ${sqliteVersion} for ${runtime} ${target} (${platform}-${arch})`);
  for (const entry of ['package.json', 'binding.gyp', 'src', 'deps', 'lib']) {
    cpSync(join(sqlitePkgDir, entry), join(scratch, entry), { recursive: true });
  }
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: scratch, stdio: 'inherit', env: process.env });
  let built = false;
  try {
    const prebuild = join(root, 'node_modules', 'prebuild-install', 'bin.js');
    run(process.execPath, [
      prebuild,
      '--runtime',
      runtime,
      '--target',
      target,
      '--arch',
      arch,
      '--platform',
      platform,
    ]);
    built = existsSync(join(scratch, 'build', 'Release', 'better_sqlite3.node'));
  } catch {
    log('no prebuilt binary could be fetched; compiling from source');
  }
  if (!built) {
    const gypArgs = ['rebuild', '--release', `--target=${target}`, `--arch=${arch}`];
    if (runtime === 'electron')
      gypArgs.push('--runtime=electron', '--dist-url=https://electronjs.org/headers');
    const gyp = findNodeGyp();
    if (gyp) run(process.execPath, [gyp, ...gypArgs]);
    else run(process.platform === 'win32' ? 'node-gyp.cmd' : 'node-gyp', gypArgs);
  }
  mkdirSync(outDir, { recursive: true });
  cpSync(join(scratch, 'build', 'Release', 'better_sqlite3.node'), outFile);
  writeManifest();
  log(`ready: ${outFile}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

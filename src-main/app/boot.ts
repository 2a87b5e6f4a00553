/**
 * Start-up steps both entry points share: flags, data directory, settings, logger, ports.
 * Returns an error value with a message fit for a human; the entry point decides how to show it.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { parseCli, type CliOptions } from '../config/cli';
import { defaultDataDir } from '../config/data-dir';
import { loadSettings } from '../config/settings';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { AppEnvironment } from './compose';
import { fitGcToCores } from './gc-threads';
import { createLogger } from './logger';
import { nodeTimers, systemClock } from './node-ports';
import { APP_VERSION } from './version';

export interface BootOptions {
  readonly runtime: AppEnvironment['runtime'];
  readonly argv: readonly string[];
  /** Electron supplies app.getPath('userData'); the host uses the platform default. */
  readonly fallbackDataDir?: string;
}

export interface Booted {
  readonly env: AppEnvironment;
  readonly cli: CliOptions;
}

export function boot(options: BootOptions): Result<Booted> {
  const cli = parseCli(options.argv);
  if (!cli.ok) return cli;
  const dataDir = cli.value.dataDir ?? options.fallbackDataDir ?? defaultDataDir();
  try {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (cause) {
    return err(appError('UNAVAILABLE', `cannot create data directory ${dataDir}: ${String(cause)}`));
  }
  const settings = loadSettings(dataDir);
  if (!settings.ok) return settings;
  const level = cli.value.logLevel ?? process.env.DEPTHLINE_LOG_LEVEL ?? settings.value.logLevel;
  const logLevel = (['debug', 'info', 'warn', 'error'] as const).find((l) => l === level) ?? 'info';
  const log = createLogger(logLevel, { runtime: options.runtime });
  const scavenges = fitGcToCores();
  log.info('young-generation GC', { scavenges, cores: availableParallelism() });
  return ok({
    cli: cli.value,
    env: {
      runtime: options.runtime,
      version: APP_VERSION,
      dataDir,
      settings: settings.value,
      clock: systemClock,
      timers: nodeTimers,
      log,
    },
  });
}

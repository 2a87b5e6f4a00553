/**
 * Command-line flags shared by both entry points. Every flag is documented in README.md; an
 * unknown flag is an error so typos do not silently fall back to defaults.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { appError, err, ok, type Result } from '../../src-shared/result';

export interface CliOptions {
  readonly port?: number;
  readonly dataDir?: string;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

const LEVELS = new Set(['debug', 'info', 'warn', 'error']);

export function parseCli(argv: readonly string[]): Result<CliOptions> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        'log-level': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (cause) {
    return err(appError('INVALID_INPUT', (cause as Error).message));
  }
  const options: { port?: number; dataDir?: string; logLevel?: NonNullable<CliOptions['logLevel']> } = {};
  if (typeof values.port === 'string') {
    const port = Number(values.port);
    if (!/^\d+$/.test(values.port) || port > 65535) {
      return err(appError('INVALID_INPUT', `--port must be 0-65535, got "${values.port}"`));
    }
    options.port = port;
  }
  if (typeof values['data-dir'] === 'string') options.dataDir = resolve(values['data-dir']);
  const level = values['log-level'];
  if (typeof level === 'string') {
    if (!LEVELS.has(level))
      return err(appError('INVALID_INPUT', `--log-level must be one of ${[...LEVELS].join(', ')}`));
    options.logLevel = level as NonNullable<CliOptions['logLevel']>;
  }
  return ok(options);
}

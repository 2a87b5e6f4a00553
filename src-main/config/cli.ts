/**
 * Command-line flags shared by both entry points. Every flag is documented in README.md; an
 * unknown flag is an error so typos do not silently fall back to defaults.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { appError, err, ok, type Result } from '../../src-shared/result';

export interface CliOptions {
  readonly port?: number;
  /** The agents' gateway port (0 = any free port). */
  readonly gatewayPort?: number;
  readonly dataDir?: string;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** Seed of the simulated venue's randomness (overrides settings `sim.seed`). */
  readonly seed?: number;
  /** Start the simulated venue fresh, discarding its journal (explicit request only). */
  readonly resetSim?: boolean;
  /** Record a session from start-up (raw frames of every live venue, the simulated venue's journal range). */
  readonly record?: boolean;
}

const LEVELS = new Set(['debug', 'info', 'warn', 'error']);

export function parseCli(argv: readonly string[]): Result<CliOptions> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string' },
        'gateway-port': { type: 'string' },
        'data-dir': { type: 'string' },
        'log-level': { type: 'string' },
        seed: { type: 'string' },
        'reset-sim': { type: 'boolean' },
        record: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (cause) {
    return err(appError('INVALID_INPUT', (cause as Error).message));
  }
  const options: {
    port?: number;
    gatewayPort?: number;
    dataDir?: string;
    logLevel?: NonNullable<CliOptions['logLevel']>;
    seed?: number;
    resetSim?: boolean;
    record?: boolean;
  } = {};
  for (const [flag, key] of [
    ['port', 'port'],
    ['gateway-port', 'gatewayPort'],
  ] as const) {
    const raw = values[flag];
    if (typeof raw !== 'string') continue;
    const port = Number(raw);
    if (!/^\d+$/.test(raw) || port > 65535) {
      return err(appError('INVALID_INPUT', `--${flag} must be 0-65535, got "${raw}"`));
    }
    options[key] = port;
  }
  if (typeof values['data-dir'] === 'string') options.dataDir = resolve(values['data-dir']);
  const level = values['log-level'];
  if (typeof level === 'string') {
    if (!LEVELS.has(level))
      return err(appError('INVALID_INPUT', `--log-level must be one of ${[...LEVELS].join(', ')}`));
    options.logLevel = level as NonNullable<CliOptions['logLevel']>;
  }
  const seed = values.seed;
  if (typeof seed === 'string') {
    if (!/^\d{1,10}$/.test(seed) || Number(seed) > 0xffff_ffff) {
      return err(appError('INVALID_INPUT', `--seed must be an integer 0-4294967295, got "${seed}"`));
    }
    options.seed = Number(seed);
  }
  if (values['reset-sim'] === true) options.resetSim = true;
  if (values.record === true) options.record = true;
  return ok(options);
}

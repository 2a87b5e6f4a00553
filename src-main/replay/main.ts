/** Entry of `npm run replay` (see cli.ts). */
import { defaultDataDir } from '../config/data-dir';
import { nodeTimers, systemClock } from '../app/node-ports';
import { createLogger } from '../app/logger';
import { parseReplayArgs, runReplayCli } from './cli';

const options = parseReplayArgs(process.argv.slice(2), defaultDataDir());
if (!options.ok) {
  process.stderr.write(`replay: ${options.error.message}\n`);
  process.exit(1);
}
const failure = await runReplayCli(options.value, {
  out: (line) => process.stdout.write(`${line}\n`),
  clock: systemClock,
  timers: nodeTimers,
  log: createLogger('warn', { runtime: 'replay' }),
});
if (failure !== null) {
  process.stderr.write(`replay: ${failure}\n`);
  process.exit(1);
}

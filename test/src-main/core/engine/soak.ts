/**
 * `npm run test:soak`: the 1,000,000-command differential run against the naive reference
 * (reliability.md A12). Prints progress, then both final state hashes; exits non-zero on any
 * difference. Usage: npm run test:soak [-- <commands> <seed>]
 */
import { differentialRun } from './support/differential-run';

const commands = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 20260101);
process.stdout.write(`soak: ${commands} commands, seed ${seed}\n`);
try {
  const summary = differentialRun(seed, commands, 10_000, (done, resting) => {
    if (done % 100_000 === 0) process.stdout.write(`  ${done} commands, ${resting} resting orders\n`);
  });
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  process.stdout.write(`engine hash ${summary.engineHash}\nnaive  hash ${summary.naiveHash}\n`);
  if (summary.engineHash !== summary.naiveHash) throw new Error('final hashes differ');
  process.stdout.write('soak: OK\n');
} catch (error) {
  process.stdout.write(
    `soak: FAILED (seed ${seed})\n${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
}

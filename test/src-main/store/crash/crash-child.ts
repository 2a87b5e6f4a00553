/**
 * The crash-test writer (a child process the parent kills with SIGKILL). Opens the store the way the
 * app does (migrations, pragmas), then commits transactions as fast as it can. Each transaction holds
 * FILLS_PER_COMMIT fills, a pair of opposite balance adjustments and one journal row numbering the
 * commit; only after `apply` returns (the transaction is durable) does it print `C <n>`. The parent
 * treats a commit as acknowledged once it has read that whole line.
 */
import { openStoreFiles } from '../../../../src-main/store/open-store';
import { createApplier } from '../../../../src-main/store/writer/apply';
import type { WriteOp } from '../../../../src-main/store/writer/ops';
import { commitOps, SETUP_OPS } from './crash-ops';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: crash-child <dataDir>');
const files = openStoreFiles(dataDir);
const applier = createApplier(files.ledger, files.market);

const last = files.ledger.prepare("SELECT max(seq) AS n FROM journal WHERE venue = 'crash'").get() as {
  n: number | null;
};
let commit = last.n ?? 0;
if (commit === 0) applier.apply(SETUP_OPS as WriteOp[]);
process.stdout.write('READY\n');

for (;;) {
  commit += 1;
  applier.apply(commitOps(commit));
  process.stdout.write(`C ${commit}\n`);
}

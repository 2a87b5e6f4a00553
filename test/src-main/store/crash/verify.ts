/**
 * Checks a ledger after a crash: SQLite integrity, every acknowledged commit present, no partial
 * commit (each committed transaction's fills, adjustments and journal row are all there or all
 * absent), and exact conservation of every asset.
 */
import { openStoreFiles } from '../../../../src-main/store/open-store';
import { conservationResidual, readBalances } from '../../../../src-main/store/read/balances';
import { FILLS_PER_COMMIT, VENUE } from './crash-ops';

export interface Verdict {
  readonly problems: string[];
  readonly commits: number;
}

export function verifyLedger(dataDir: string, acknowledged: number): Verdict {
  const files = openStoreFiles(dataDir);
  const db = files.ledger;
  const problems: string[] = [];
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);

    const { n: commits } = db.prepare('SELECT count(*) AS n FROM journal WHERE venue = ?').get(VENUE) as {
      n: number;
    };
    const { n: maxSeq } = db
      .prepare('SELECT coalesce(max(seq), 0) AS n FROM journal WHERE venue = ?')
      .get(VENUE) as {
      n: number;
    };
    if (maxSeq !== commits) problems.push(`journal has holes: ${commits} rows up to seq ${maxSeq}`);
    if (commits < acknowledged)
      problems.push(`acknowledged ${acknowledged} commits, only ${commits} survived`);

    const { n: fills } = db.prepare('SELECT count(*) AS n FROM fills').get() as { n: number };
    if (fills !== commits * FILLS_PER_COMMIT)
      problems.push(`${fills} fills for ${commits} commits: a partial commit`);
    const { n: adjustments } = db
      .prepare("SELECT count(*) AS n FROM balance_changes WHERE reason = 'adjustment'")
      .get() as { n: number };
    if (adjustments !== commits * 2) problems.push(`${adjustments} adjustments for ${commits} commits`);

    for (const [asset, residual] of conservationResidual(readBalances(db, VENUE))) {
      if (residual !== '0') problems.push(`${asset} not conserved: residual ${residual}`);
    }
    return { problems, commits };
  } finally {
    files.close();
  }
}

/**
 * Applies batches of write operations, one transaction per database per batch: every op of a batch
 * commits, or none does. The functions given to `db.transaction` are synchronous by construction
 * (better-sqlite3 forbids async transactions; test/src-main/store checks none is async).
 *
 * `stream` is the writer thread's form: ops are written as they are produced inside the ledger
 * transaction instead of being collected first, so a large group commit does not keep tens of
 * thousands of op objects alive (the thread's young-generation collections stay cheap).
 */
import type Database from 'better-sqlite3';
import { ledgerWriter } from './apply-ledger';
import { marketWriter } from './apply-market';
import { isMarketOp, type LedgerOp, type MarketOp, type WriteOp } from './ops';

export interface Applier {
  apply(ops: readonly WriteOp[]): void;
  /**
   * Runs `produce` inside one ledger transaction, writing each op it hands over at once (market ops
   * are kept and committed after the ledger's). Returns how many ops were written. Throwing rolls
   * the ledger transaction back.
   */
  stream(produce: (write: (op: WriteOp) => void) => void): number;
}

export function createApplier(ledger: Database.Database, market: Database.Database): Applier {
  const l = ledgerWriter(ledger);
  const m = marketWriter(market);
  const applyLedger = ledger.transaction((ops: readonly LedgerOp[]) => {
    for (const op of ops) l.write(op);
    l.flush();
  });
  const applyMarket = market.transaction((ops: readonly MarketOp[]) => {
    for (const op of ops) m(op);
  });
  const inLedgerTransaction = ledger.transaction((run: () => void) => {
    run();
    l.flush();
  });
  return {
    stream(produce) {
      const marketOps: MarketOp[] = [];
      let count = 0;
      const write = (op: WriteOp) => {
        count += 1;
        if (isMarketOp(op)) marketOps.push(op);
        else l.write(op);
      };
      try {
        inLedgerTransaction(() => produce(write));
      } catch (cause) {
        l.reset();
        throw cause;
      }
      if (marketOps.length) applyMarket(marketOps);
      return count;
    },
    apply(ops) {
      const ledgerOps: LedgerOp[] = [];
      const marketOps: MarketOp[] = [];
      for (const op of ops) {
        if (isMarketOp(op)) marketOps.push(op);
        else ledgerOps.push(op);
      }
      try {
        if (ledgerOps.length) applyLedger(ledgerOps);
      } catch (cause) {
        l.reset();
        throw cause;
      }
      if (marketOps.length) applyMarket(marketOps);
    },
  };
}

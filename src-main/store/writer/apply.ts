/**
 * Applies batches of write operations, one transaction per database per batch: every op of a batch
 * commits, or none does. The functions given to `db.transaction` are synchronous by construction
 * (better-sqlite3 forbids async transactions; test/src-main/store checks none is async).
 */
import type Database from 'better-sqlite3';
import { ledgerWriter } from './apply-ledger';
import { marketWriter } from './apply-market';
import { isMarketOp, type LedgerOp, type MarketOp, type WriteOp } from './ops';

export interface Applier {
  apply(ops: readonly WriteOp[]): void;
}

export function createApplier(ledger: Database.Database, market: Database.Database): Applier {
  const l = ledgerWriter(ledger);
  const m = marketWriter(market);
  const applyLedger = ledger.transaction((ops: readonly LedgerOp[]) => {
    for (const op of ops) l.write(op);
  });
  const applyMarket = market.transaction((ops: readonly MarketOp[]) => {
    for (const op of ops) m(op);
  });
  return {
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

/**
 * Prepared statements for ledger ops. Positional binding on the hot inserts (faster than named);
 * journal entries and order events, most of a session's rows, are inserted several per statement
 * (multi-row-insert.ts): `flush` writes what is queued, before the transaction commits.
 */
import type Database from 'better-sqlite3';
import { unpackRun } from './batch';
import { Dictionary } from './dictionary';
import { MultiRowInsert } from './multi-row-insert';
import type { LedgerOp } from './ops';

export interface LedgerWriter {
  write(op: LedgerOp): void;
  /** Writes the queued rows; call before the transaction commits. */
  flush(): void;
  /** Forgets cached ids and queued rows (the transaction rolled back). */
  reset(): void;
}

export function ledgerWriter(db: Database.Database): LedgerWriter {
  const ids = new Dictionary(db);
  const journal = new MultiRowInsert(db, 'journal', ['seq', 'venue', 'ts', 'kind', 'body']);
  const account = db.prepare(
    `INSERT INTO accounts (venue, account_key, name, kind, created_ts) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (venue, account_key) DO UPDATE SET name = excluded.name`,
  );
  const instrument = db.prepare(
    `INSERT INTO instruments (venue, symbol, base_asset, quote_asset, tick_size, lot_size) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (venue, symbol) DO UPDATE SET
       base_asset = excluded.base_asset, quote_asset = excluded.quote_asset,
       tick_size = excluded.tick_size, lot_size = excluded.lot_size`,
  );
  const order = db.prepare(
    `INSERT INTO orders (venue, order_id, account_id, instrument_id, side, order_type, tif, price, quantity, filled,
                         status, client_order_id, created_ts, updated_ts)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (venue, order_id) DO UPDATE SET
       price = excluded.price, quantity = excluded.quantity, filled = excluded.filled,
       status = excluded.status, updated_ts = excluded.updated_ts`,
  );
  const orderEvent = new MultiRowInsert(db, 'order_events', [
    'venue',
    'order_id',
    'ts',
    'kind',
    'price',
    'quantity',
    'reason',
  ]);
  const fill = db.prepare(
    `INSERT INTO fills (instrument_id, trade_id, ts, price, quantity, taker_side, maker_order_id, taker_order_id,
                        maker_account_id, taker_account_id, maker_fee, taker_fee)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const balance = db.prepare(
    'INSERT INTO balance_changes (account_id, asset, delta, reason, ts) VALUES (?, ?, ?, ?, ?)',
  );
  const portfolio = db.prepare(
    `INSERT OR REPLACE INTO portfolio_snapshots (account_id, ts, equity, cash, realized_pnl, unrealized_pnl, positions)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const news = db.prepare('INSERT INTO news (venue, ts, symbol, headline, sentiment) VALUES (?, ?, ?, ?, ?)');
  // Children before parents (foreign keys); fills and snapshots hang off accounts and instruments.
  const resetVenue = [
    'DELETE FROM journal WHERE venue = ?',
    'DELETE FROM order_events WHERE venue = ?',
    'DELETE FROM orders WHERE venue = ?',
    'DELETE FROM fills WHERE instrument_id IN (SELECT id FROM instruments WHERE venue = ?)',
    'DELETE FROM balance_changes WHERE account_id IN (SELECT id FROM accounts WHERE venue = ?)',
    'DELETE FROM portfolio_snapshots WHERE account_id IN (SELECT id FROM accounts WHERE venue = ?)',
    'DELETE FROM news WHERE venue = ?',
    'DELETE FROM accounts WHERE venue = ?',
    'DELETE FROM instruments WHERE venue = ?',
  ].map((sql) => db.prepare(sql));

  const write = (op: LedgerOp): void => {
    switch (op.op) {
      case 'journal':
        journal.add([op.seq, op.venue, op.ts, op.kind, op.body]);
        return;
      case 'journalRun':
        unpackRun(op, (entry) => journal.add([entry.seq, op.venue, entry.ts, entry.kind, entry.body]));
        return;
      case 'account':
        account.run(op.venue, op.account, op.name, op.kind, op.ts);
        return;
      case 'instrument':
        instrument.run(op.venue, op.symbol, op.baseAsset, op.quoteAsset, op.tickSize, op.lotSize);
        return;
      case 'order': {
        const r = op.row;
        order.run(
          op.venue,
          r.orderId,
          ids.account(op.venue, r.account),
          ids.instrument(op.venue, r.instrument),
          r.side,
          r.orderType,
          r.tif,
          r.price,
          r.quantity,
          r.filled,
          r.status,
          r.clientOrderId,
          r.createdTs,
          r.updatedTs,
        );
        return;
      }
      case 'orderEvent':
        orderEvent.add([op.venue, op.orderId, op.ts, op.kind, op.price, op.quantity, op.reason]);
        return;
      case 'fill': {
        const r = op.row;
        fill.run(
          ids.instrument(op.venue, r.instrument),
          r.tradeId,
          r.ts,
          r.price,
          r.quantity,
          r.takerSide,
          r.makerOrderId,
          r.takerOrderId,
          ids.account(op.venue, r.makerAccount),
          ids.account(op.venue, r.takerAccount),
          r.makerFee,
          r.takerFee,
        );
        return;
      }
      case 'balance':
        balance.run(ids.account(op.venue, op.account), op.asset, op.delta, op.reason, op.ts);
        return;
      case 'portfolio':
        portfolio.run(
          ids.account(op.venue, op.account),
          op.ts,
          op.equity,
          op.cash,
          op.realizedPnl,
          op.unrealizedPnl,
          op.positions,
        );
        return;
      case 'news':
        news.run(op.venue, op.ts, op.symbol, op.headline, op.sentiment);
        return;
      case 'resetVenue':
        flush(); // the venue's queued rows go too
        for (const statement of resetVenue) statement.run(op.venue);
        ids.reset();
        return;
    }
  };
  const flush = (): void => {
    journal.flush();
    orderEvent.flush();
  };
  const reset = (): void => {
    journal.discard();
    orderEvent.discard();
    ids.reset();
  };
  return { write, flush, reset };
}

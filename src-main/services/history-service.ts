/**
 * The history contract (src-shared/contract/history.ts) over the SQLite store's read side: your
 * fills, equity curves, stored candles, CSV exports and what history holds. Reads go through
 * read-only connections (src-main/store/read); a database that does not exist yet answers empty,
 * and a failed read answers UNAVAILABLE with the reason, never a throw across the contract.
 */
import type { CandleView, EquitySeries, HistoryFill } from '../../src-shared/contract';
import type { DecimalString } from '../../src-shared/domain';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { Logger } from '../core/ports';
import type { RequestHandler } from '../rpc/handlers';
import { equityVenues, readEquity } from '../store/read/equity';
import { readUserFills, userFillVenues, type FillQuery, type StoredUserFill } from '../store/read/fills';
import type { ReadHandles } from '../store/read/handles';
import { candleMarkets, readCandles } from '../store/read/market-history';
import { CANDLE_CSV_HEADER, candleRow, csvFilename, FILL_CSV_HEADER, fillRow, toCsv } from './history/csv';

export const EXPORT_ROWS = 100_000;

export interface HistoryServiceDeps {
  readonly handles: ReadHandles;
  readonly log: Logger;
}

export function createHistoryService(deps: HistoryServiceDeps) {
  /** Runs a read; a database error becomes UNAVAILABLE (logged), never an exception. */
  const read = <T>(what: string, fn: () => T): Result<T> => {
    try {
      return ok(fn());
    } catch (cause) {
      deps.log.warn('history read failed', { what, error: String(cause) });
      return err(appError('UNAVAILABLE', `history is not readable right now: ${String(cause)}`));
    }
  };
  const fills = (q: FillQuery): HistoryFill[] => {
    const db = deps.handles.ledger();
    return db ? readUserFills(db, q).map(fillView) : [];
  };
  const candles = (q: Parameters<typeof readCandles>[1]): CandleView[] => {
    const db = deps.handles.market();
    return db ? (readCandles(db, q) as CandleView[]) : [];
  };

  const catalog: RequestHandler<'history.catalog'> = () =>
    read('catalog', () => {
      const ledger = deps.handles.ledger();
      const market = deps.handles.market();
      return {
        fillVenues: ledger ? userFillVenues(ledger) : [],
        equityVenues: ledger ? equityVenues(ledger) : [],
        markets: market ? candleMarkets(market) : [],
      };
    });

  const fillsHandler: RequestHandler<'history.fills'> = ({ limit, ...filter }) =>
    read('fills', () => {
      const rows = fills({ ...filter, limit: limit + 1 });
      return { fills: rows.slice(0, limit), truncated: rows.length > limit };
    });

  const exportFills: RequestHandler<'history.exportFills'> = (filter) =>
    read('export fills', () => {
      const rows = fills({ ...filter, limit: EXPORT_ROWS + 1, ascending: true });
      const kept = rows.slice(0, EXPORT_ROWS);
      const parts = ['fills', filter.venue ?? 'all-venues', ...(filter.symbol ? [filter.symbol] : [])];
      return {
        filename: csvFilename(parts),
        csv: toCsv(FILL_CSV_HEADER, kept.map(fillRow)),
        rows: kept.length,
        truncated: rows.length > EXPORT_ROWS,
      };
    });

  const equity: RequestHandler<'history.equity'> = ({ venue, from, to, maxPoints }) =>
    read('equity', () => {
      const db = deps.handles.ledger();
      const series: EquitySeries[] = db
        ? readEquity(db, venue, { from, to }, maxPoints).map((s) => ({
            ...s,
            points: s.points.map((p) => ({ time: p.time, equity: p.equity as DecimalString })),
          }))
        : [];
      return { series };
    });

  const candlesHandler: RequestHandler<'history.candles'> = ({
    venue,
    symbol,
    intervalSec,
    from,
    to,
    limit,
  }) => read('candles', () => ({ candles: candles({ venue, symbol, intervalSec, from, to, limit }) }));

  const exportCandles: RequestHandler<'history.exportCandles'> = ({ venue, symbol, intervalSec, from, to }) =>
    read('export candles', () => {
      const rows = candles({ venue, symbol, intervalSec, from, to, limit: EXPORT_ROWS });
      return {
        filename: csvFilename(['candles', venue, symbol, `${intervalSec}s`]),
        csv: toCsv(CANDLE_CSV_HEADER, rows.map(candleRow)),
        rows: rows.length,
      };
    });

  return {
    requests: {
      'history.catalog': catalog,
      'history.fills': fillsHandler,
      'history.exportFills': exportFills,
      'history.equity': equity,
      'history.candles': candlesHandler,
      'history.exportCandles': exportCandles,
    },
    close: () => deps.handles.close(),
  } as const;
}

function fillView(f: StoredUserFill): HistoryFill {
  return {
    venue: f.venue,
    symbol: f.symbol,
    tradeId: String(f.tradeId),
    orderId: String(f.orderId),
    time: f.time,
    side: f.side,
    price: f.price as DecimalString,
    quantity: f.quantity as DecimalString,
    fee: f.fee as DecimalString,
    feeAsset: f.feeAsset,
    liquidity: f.liquidity,
  };
}

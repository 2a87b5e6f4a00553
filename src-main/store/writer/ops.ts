/**
 * Row-level write operations: plain, structured-clonable records that the writer turns into rows.
 * These are store types, kept apart from the engine's domain types; services map one to the other.
 * Accounts and instruments are referred to by their keys (venue + account key, venue + symbol); the
 * writer maps keys to integer row ids. Decimals are decimal strings; times are epoch milliseconds.
 */
import type { EngineCommand } from '../../core/engine';

export type Side = 'buy' | 'sell';

export interface OrderRow {
  readonly orderId: number;
  readonly account: string;
  readonly instrument: string;
  readonly side: Side;
  readonly orderType: string;
  readonly tif: string;
  readonly price: string | null;
  readonly quantity: string;
  readonly filled: string;
  readonly status: string;
  readonly clientOrderId: string | null;
  readonly createdTs: number;
  readonly updatedTs: number;
}

/** One trade; with the instrument's assets it fully describes both parties' balance changes. */
export interface FillRow {
  readonly tradeId: number;
  readonly ts: number;
  readonly instrument: string;
  readonly price: string;
  readonly quantity: string;
  readonly takerSide: Side;
  readonly makerOrderId: number;
  readonly takerOrderId: number;
  readonly makerAccount: string;
  readonly takerAccount: string;
  /** Fees are charged in the instrument's quote asset. */
  readonly makerFee: string;
  readonly takerFee: string;
}

export type LedgerOp =
  | {
      readonly op: 'journal';
      readonly venue: string;
      readonly seq: number;
      readonly ts: number;
      readonly kind: string;
      readonly body: string;
      /**
       * The entry's engine command as an object, when the writer thread unpacked it from a packed
       * run (`unpackRun`): a projector then need not parse `body`. Never posted.
       */
      readonly command?: EngineCommand;
    }
  /**
   * Consecutive journal entries of one venue, packed by the writer client (batch.ts) to be cheap to
   * build and post on the engine's thread: every number in one string (the bytes of the doubles),
   * every string in one text, cut at lengths given in the numbers; amends, placements and cancels
   * (nearly every command) as numbers, their text written by the writer thread. Posting one object
   * per entry cost about 8x, one JSON string per entry about 3x (the text built, flattened and
   * copied); see batch.ts for the layout and `unpackRun`.
   */
  | {
      readonly op: 'journalRun';
      readonly venue: string;
      readonly numbers: string;
      readonly text: string;
    }
  | {
      readonly op: 'account';
      readonly venue: string;
      readonly account: string;
      readonly name: string;
      readonly kind: 'user' | 'agent' | 'bot' | 'venue';
      readonly ts: number;
    }
  | {
      readonly op: 'instrument';
      readonly venue: string;
      readonly symbol: string;
      readonly baseAsset: string;
      readonly quoteAsset: string;
      readonly tickSize: string;
      readonly lotSize: string;
    }
  | { readonly op: 'order'; readonly venue: string; readonly row: OrderRow }
  | {
      readonly op: 'orderEvent';
      readonly venue: string;
      readonly orderId: number;
      readonly ts: number;
      readonly kind: string;
      readonly price: string | null;
      readonly quantity: string | null;
      readonly reason: string | null;
    }
  | { readonly op: 'fill'; readonly venue: string; readonly row: FillRow }
  /** A balance movement that is not a trade. */
  | {
      readonly op: 'balance';
      readonly venue: string;
      readonly account: string;
      readonly asset: string;
      readonly delta: string;
      readonly reason: 'deposit' | 'withdrawal' | 'adjustment';
      readonly ts: number;
    }
  | {
      readonly op: 'portfolio';
      readonly venue: string;
      readonly account: string;
      readonly ts: number;
      readonly equity: string;
      readonly cash: string;
      readonly realizedPnl: string;
      readonly unrealizedPnl: string;
      readonly positions: string;
    }
  /**
   * Deletes every ledger row of one venue (journal, accounts, instruments, orders and their events,
   * fills, balance changes, portfolio snapshots, news): a simulated venue starting fresh on request.
   */
  | { readonly op: 'resetVenue'; readonly venue: string }
  | {
      readonly op: 'news';
      readonly venue: string;
      readonly ts: number;
      readonly symbol: string;
      readonly headline: string;
      readonly sentiment: string;
    };

export type MarketOp =
  | {
      readonly op: 'print';
      readonly venue: string;
      readonly instrument: string;
      readonly tradeId: string;
      readonly ts: number;
      readonly price: string;
      readonly size: string;
      readonly side: Side | null;
    }
  | {
      readonly op: 'candle';
      readonly venue: string;
      readonly instrument: string;
      readonly intervalS: number;
      readonly openTs: number;
      readonly open: string;
      readonly high: string;
      readonly low: string;
      readonly close: string;
      readonly volume: string;
      readonly trades: number;
    }
  | {
      readonly op: 'bookSnapshot';
      readonly venue: string;
      readonly instrument: string;
      readonly ts: number;
      readonly source: string;
      readonly bids: string;
      readonly asks: string;
    }
  | {
      readonly op: 'recording';
      readonly id: number;
      readonly label: string;
      readonly startedTs: number;
      readonly endedTs: number | null;
      readonly meta: string;
    }
  | {
      readonly op: 'rawFrame';
      readonly recordingId: number;
      readonly venue: string;
      readonly tsRecv: number;
      readonly stream: string;
      readonly payload: string;
    }
  /**
   * Retention: drop recordings that ended before `before` (epoch ms) with their frames, and every
   * raw frame received before it (the head of a recording still running).
   */
  | { readonly op: 'pruneFrames'; readonly before: number }
  /** Retention: drop book snapshots taken before `before` (epoch ms). */
  | { readonly op: 'pruneBookSnapshots'; readonly before: number }
  /**
   * Recordings left open by a crash end at their last frame or their last progress checkpoint
   * (`checkpointTs` in the meta; their start when there is neither), so every stored recording has
   * an end. Run once at start, before a new recording begins.
   */
  | { readonly op: 'closeOpenRecordings' };

export type WriteOp = LedgerOp | MarketOp;

const MARKET_OPS: ReadonlySet<WriteOp['op']> = new Set([
  'print',
  'candle',
  'bookSnapshot',
  'recording',
  'rawFrame',
  'pruneFrames',
  'pruneBookSnapshots',
  'closeOpenRecordings',
]);

export function isMarketOp(op: WriteOp): op is MarketOp {
  return MARKET_OPS.has(op.op);
}

/**
 * Durability of a paper venue: every change is written to the ledger through the store writer as
 * row operations under the venue id `paper:<venue>` (accounts, deposits, instruments, orders,
 * fills, trigger orders), and the events that describe it are delivered only once those rows are
 * committed, strictly in the order they happened. A call's answer resolves before its events.
 *
 * A fill row is double-entry against the live venue's liquidity, recorded as the account
 * `VENUE_ACCOUNT` (kind venue): so `readBalances` of the paper venue sums to the grants exactly.
 * Without a sink (tests), events are delivered synchronously and answers are immediate.
 */
import type { AppError, Result } from '../../src-shared/result';
import type { PaperOrderSnapshot } from '../core/paper';
import type { Grid } from '../core/num';
import type { VenueEvent } from '../gateway/venue-port';
import type { LedgerOp } from '../store/writer/ops';
import type { TriggerRecord } from '../trading/triggers/records';

/** What the paper venues need of the store writer (StoreWriter satisfies it). */
export interface LedgerSink {
  write(ops: readonly LedgerOp[]): number;
  whenCommitted(ticket: number): Promise<Result<void>>;
}

/** The counterparty of every paper fill: the live venue's book. */
export const VENUE_ACCOUNT = 'venue-liquidity';
/** Order kinds and statuses of trigger-order rows (see triggerOps). */
export const TRIGGER_STATUSES = [
  'trigger_waiting',
  'trigger_pending',
  'triggered',
  'trigger_canceled',
] as const;
export const TRIGGER_EVENT = 'trigger';

export class Outbox {
  private readonly entries: Array<{ ticket: number; events: VenueEvent[] }> = [];
  private lastTicket = 0;

  constructor(
    private readonly sink: LedgerSink | null,
    private readonly deliver: (event: VenueEvent) => void,
    private readonly failed: (error: AppError) => void,
  ) {}

  get durable(): boolean {
    return this.sink !== null;
  }

  /**
   * Writes `ops` and queues `events` behind them. Returns the ticket to wait for, or null when the
   * events were delivered at once (no sink, or nothing written and nothing pending).
   */
  send(
    ops: readonly LedgerOp[],
    events: VenueEvent[],
    answerFirst?: (ticket: number) => void,
  ): number | null {
    if (!this.sink || (ops.length === 0 && this.entries.length === 0)) {
      for (const event of events) this.deliver(event);
      return null;
    }
    if (ops.length > 0) this.lastTicket = this.sink.write(ops);
    const ticket = this.lastTicket;
    // The caller's answer waits first, so it resolves before these events are delivered.
    answerFirst?.(ticket);
    this.entries.push({ ticket, events });
    void this.sink.whenCommitted(ticket).then((result) => {
      if (!result.ok) this.failed(result.error);
      queueMicrotask(() => this.release(ticket));
    });
    return ticket;
  }

  /** Resolves once everything sent so far is durable: null, or the storage failure. */
  settled(): Promise<AppError | null> {
    return this.committed(this.lastTicket);
  }

  /** Resolves once `ticket` is durable: null, or the storage failure. */
  committed(ticket: number): Promise<AppError | null> {
    if (!this.sink) return Promise.resolve(null);
    return this.sink.whenCommitted(ticket).then((r) => (r.ok ? null : r.error));
  }

  private release(ticket: number): void {
    while (this.entries.length > 0 && this.entries[0]!.ticket <= ticket) {
      for (const event of this.entries.shift()!.events) this.deliver(event);
    }
  }
}

export interface OrderNames {
  readonly venue: string;
  readonly agentId: string;
  readonly grid: Grid;
}

export function orderOp(names: OrderNames, order: PaperOrderSnapshot): LedgerOp {
  const { grid } = names;
  return {
    op: 'order',
    venue: names.venue,
    row: {
      orderId: order.id,
      account: names.agentId,
      instrument: order.symbol,
      side: order.side,
      orderType: order.type,
      tif: order.tif,
      price: order.price === null ? null : grid.ticksToPrice(order.price),
      quantity: grid.lotsToSize(order.qty),
      filled: grid.lotsToSize(order.filled),
      status: order.status === 'open' && order.leaves === 0 ? 'filled' : order.status,
      clientOrderId: order.clientOrderId,
      createdTs: order.createdAt,
      updatedTs: order.updatedAt,
    },
  };
}

export function fillOp(
  names: OrderNames,
  order: PaperOrderSnapshot,
  tradeId: number,
  ticks: number,
  lots: number,
  liquidity: 'maker' | 'taker',
  fee: string,
  at: number,
): LedgerOp {
  const taker = liquidity === 'taker';
  return {
    op: 'fill',
    venue: names.venue,
    row: {
      tradeId,
      ts: at,
      instrument: order.symbol,
      price: names.grid.ticksToPrice(ticks),
      quantity: names.grid.lotsToSize(lots),
      takerSide: taker ? order.side : order.side === 'buy' ? 'sell' : 'buy',
      makerOrderId: taker ? 0 : order.id,
      takerOrderId: taker ? order.id : 0,
      makerAccount: taker ? VENUE_ACCOUNT : names.agentId,
      takerAccount: taker ? names.agentId : VENUE_ACCOUNT,
      makerFee: taker ? '0' : fee,
      takerFee: taker ? fee : '0',
    },
  };
}

const TRIGGER_STATUS: Record<TriggerRecord['state'], (typeof TRIGGER_STATUSES)[number]> = {
  waiting_entry: 'trigger_waiting',
  armed: 'trigger_pending',
  triggered: 'triggered',
  canceled: 'trigger_canceled',
};

/**
 * A trigger order as an order row (kind = its trigger kind, status = its state) plus an order
 * event holding the full record, from which a restart rebuilds it. Ids that are not numbers (a
 * venue with its own id scheme) are not persisted.
 */
export function triggerOps(venue: string, record: TriggerRecord): LedgerOp[] {
  const orderId = Number(record.id);
  if (!Number.isSafeInteger(orderId)) return [];
  return [
    {
      op: 'order',
      venue,
      row: {
        orderId,
        account: record.owner,
        instrument: record.symbol,
        side: record.side,
        orderType: record.kind,
        tif: record.timeInForce,
        price: record.limitPrice,
        quantity: record.quantity,
        filled: '0',
        status: TRIGGER_STATUS[record.state],
        clientOrderId: record.clientOrderId,
        createdTs: record.createdAt,
        updatedTs: record.updatedAt,
      },
    },
    {
      op: 'orderEvent',
      venue,
      orderId,
      ts: record.updatedAt,
      kind: TRIGGER_EVENT,
      price: record.triggerPrice,
      quantity: record.quantity,
      reason: JSON.stringify(record),
    },
  ];
}

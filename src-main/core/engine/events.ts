/**
 * The engine's event stream. On the hot path the engine calls an `EngineSink` with primitives only
 * (no event objects are allocated); `EventRecorder` turns the calls into plain `EngineEvent` objects
 * for persistence, the wire and tests. Events are emitted synchronously, in command order, and the
 * same commands always give the same calls with the same arguments.
 *
 * Per command, in order: `accepted` (or `rejected`, and nothing else), then for each fill a `trade`,
 * STP cancels of resting orders as they happen, one `level` per price level touched (after the engine
 * is done with that level), then the incoming order's outcome: `canceled` (remainder), `expired`
 * (FOK), or a `level` for the level it now rests on. A `trade` carries both orders' remaining
 * quantities, so consumers know an order is filled when its leaves reach 0.
 */
import type {
  AccountId,
  CancelReason,
  CommandKind,
  OrderId,
  OrderType,
  RejectReason,
  Side,
  StpMode,
  TimeInForce,
  TradeId,
} from './types';

export interface EngineSink {
  accountRegistered(ts: number, account: AccountId, label: string, stp: StpMode): void;
  funds(ts: number, account: AccountId, asset: string, kind: 'deposit' | 'withdraw', units: number): void;
  accepted(
    ts: number,
    orderId: OrderId,
    account: AccountId,
    instrument: string,
    side: Side,
    type: OrderType,
    tif: TimeInForce,
    price: number,
    qty: number,
    clientOrderId: string | null,
  ): void;
  /** `orderId` is 0 when the command did not name an existing order. */
  rejected(
    ts: number,
    command: CommandKind,
    account: AccountId,
    reason: RejectReason,
    orderId: OrderId,
    clientOrderId: string | null,
  ): void;
  trade(
    ts: number,
    tradeId: TradeId,
    instrument: string,
    price: number,
    qty: number,
    takerSide: Side,
    makerOrderId: OrderId,
    makerAccount: AccountId,
    makerFee: number,
    makerLeaves: number,
    takerOrderId: OrderId,
    takerAccount: AccountId,
    takerFee: number,
    takerLeaves: number,
  ): void;
  canceled(
    ts: number,
    orderId: OrderId,
    account: AccountId,
    instrument: string,
    reason: CancelReason,
    canceledQty: number,
    filledQty: number,
  ): void;
  amended(
    ts: number,
    orderId: OrderId,
    account: AccountId,
    instrument: string,
    price: number,
    qty: number,
    leavesQty: number,
    priorityKept: boolean,
  ): void;
  expired(ts: number, orderId: OrderId, account: AccountId, instrument: string, qty: number): void;
  /** A price level's new aggregate; qty 0 means the level is gone. */
  level(ts: number, instrument: string, side: Side, price: number, qty: number, orders: number): void;
}

export type EngineEvent =
  | { type: 'account'; ts: number; account: AccountId; label: string; stp: StpMode }
  | {
      type: 'funds';
      ts: number;
      account: AccountId;
      asset: string;
      kind: 'deposit' | 'withdraw';
      units: number;
    }
  | {
      type: 'accepted';
      ts: number;
      orderId: OrderId;
      account: AccountId;
      instrument: string;
      side: Side;
      orderType: OrderType;
      tif: TimeInForce;
      /** 0 for market orders. */
      price: number;
      qty: number;
      clientOrderId: string | null;
    }
  | {
      type: 'rejected';
      ts: number;
      command: CommandKind;
      account: AccountId;
      reason: RejectReason;
      orderId: OrderId;
      clientOrderId: string | null;
    }
  | {
      type: 'trade';
      ts: number;
      tradeId: TradeId;
      instrument: string;
      price: number;
      qty: number;
      takerSide: Side;
      makerOrderId: OrderId;
      makerAccount: AccountId;
      makerFee: number;
      makerLeaves: number;
      takerOrderId: OrderId;
      takerAccount: AccountId;
      takerFee: number;
      takerLeaves: number;
    }
  | {
      type: 'canceled';
      ts: number;
      orderId: OrderId;
      account: AccountId;
      instrument: string;
      reason: CancelReason;
      canceledQty: number;
      filledQty: number;
    }
  | {
      type: 'amended';
      ts: number;
      orderId: OrderId;
      account: AccountId;
      instrument: string;
      price: number;
      qty: number;
      leavesQty: number;
      priorityKept: boolean;
    }
  | { type: 'expired'; ts: number; orderId: OrderId; account: AccountId; instrument: string; qty: number }
  | { type: 'level'; ts: number; instrument: string; side: Side; price: number; qty: number; orders: number };

/** Discards everything (the default sink). */
export class NullSink implements EngineSink {
  accountRegistered(): void {}
  funds(): void {}
  accepted(): void {}
  rejected(): void {}
  trade(): void {}
  canceled(): void {}
  amended(): void {}
  expired(): void {}
  level(): void {}
}

/** Collects plain event objects; `take()` hands them over and starts a new batch. */
export class EventRecorder implements EngineSink {
  events: EngineEvent[] = [];

  take(): EngineEvent[] {
    const events = this.events;
    this.events = [];
    return events;
  }

  accountRegistered(ts: number, account: AccountId, label: string, stp: StpMode): void {
    this.events.push({ type: 'account', ts, account, label, stp });
  }
  funds(ts: number, account: AccountId, asset: string, kind: 'deposit' | 'withdraw', units: number): void {
    this.events.push({ type: 'funds', ts, account, asset, kind, units });
  }
  accepted(
    ts: number,
    orderId: OrderId,
    account: AccountId,
    instrument: string,
    side: Side,
    orderType: OrderType,
    tif: TimeInForce,
    price: number,
    qty: number,
    clientOrderId: string | null,
  ): void {
    this.events.push({
      type: 'accepted',
      ts,
      orderId,
      account,
      instrument,
      side,
      orderType,
      tif,
      price,
      qty,
      clientOrderId,
    });
  }
  rejected(
    ts: number,
    command: CommandKind,
    account: AccountId,
    reason: RejectReason,
    orderId: OrderId,
    clientOrderId: string | null,
  ): void {
    this.events.push({ type: 'rejected', ts, command, account, reason, orderId, clientOrderId });
  }
  trade(
    ts: number,
    tradeId: TradeId,
    instrument: string,
    price: number,
    qty: number,
    takerSide: Side,
    makerOrderId: OrderId,
    makerAccount: AccountId,
    makerFee: number,
    makerLeaves: number,
    takerOrderId: OrderId,
    takerAccount: AccountId,
    takerFee: number,
    takerLeaves: number,
  ): void {
    this.events.push({
      type: 'trade',
      ts,
      tradeId,
      instrument,
      price,
      qty,
      takerSide,
      makerOrderId,
      makerAccount,
      makerFee,
      makerLeaves,
      takerOrderId,
      takerAccount,
      takerFee,
      takerLeaves,
    });
  }
  canceled(
    ts: number,
    orderId: OrderId,
    account: AccountId,
    instrument: string,
    reason: CancelReason,
    canceledQty: number,
    filledQty: number,
  ): void {
    this.events.push({ type: 'canceled', ts, orderId, account, instrument, reason, canceledQty, filledQty });
  }
  amended(
    ts: number,
    orderId: OrderId,
    account: AccountId,
    instrument: string,
    price: number,
    qty: number,
    leavesQty: number,
    priorityKept: boolean,
  ): void {
    this.events.push({
      type: 'amended',
      ts,
      orderId,
      account,
      instrument,
      price,
      qty,
      leavesQty,
      priorityKept,
    });
  }
  expired(ts: number, orderId: OrderId, account: AccountId, instrument: string, qty: number): void {
    this.events.push({ type: 'expired', ts, orderId, account, instrument, qty });
  }
  level(ts: number, instrument: string, side: Side, price: number, qty: number, orders: number): void {
    this.events.push({ type: 'level', ts, instrument, side, price, qty, orders });
  }
}

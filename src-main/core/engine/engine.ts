/**
 * The paper-trading matching engine: one L3 book per instrument (price levels per side, a FIFO queue
 * per level, an order-id index) on top of a spot cash ledger (core/portfolio). Pure, synchronous and
 * deterministic: no I/O, no clock (every command carries its `ts`), no randomness; ids come from
 * counters. The same commands from the same config give the same results, byte-identical events and
 * the same `stateHash()`, so a command log replayed through `execute` rebuilds the engine exactly.
 *
 * Commands (each returns a Result and emits events to the sink; a rejected command emits exactly one
 * `rejected` event and changes nothing):
 *   registerAccount, deposit, withdraw, placeOrder, amendOrder, cancelOrder, cancelAll, execute(cmd);
 *   placeOrderDecimal / amendOrderDecimal take decimal strings and reject off-grid values.
 * Order types: limit GTC (rests), IOC (remainder canceled), FOK (all now or expired, nothing traded),
 *   POST_ONLY (rejected WOULD_CROSS if it would trade on entry; never repriced), market (IOC or FOK).
 * Funds (see place.ts, matching.ts): a buy locks price × qty plus a fee reserve at the higher of the
 *   maker/taker rates (rounded up); a sell locks its base (no short sales: selling more than free base
 *   is INSUFFICIENT_FUNDS). Fees are floor(notional × rate) in the quote asset, paid by both sides to
 *   the fee account (account 0). A market buy locks nothing: each fill is capped at what free quote pays.
 * Self-trade prevention: per account (default per engine), see StpMode.
 * Queries return plain copies; see queries.ts for their costs.
 */
import { err, ok, type Result } from '../../../src-shared/result';
import { portfolioView, type Marks, type PortfolioView } from '../portfolio';
import { registerAccount, moveFunds } from './accounts';
import { amendOrder } from './amend';
import { cancelAll, cancelOrder } from './cancel';
import {
  amendOrderDecimal,
  placeOrderDecimal,
  type AmendOrderDecimal,
  type PlaceOrderDecimal,
} from './decimal-entry';
import type { DecimalContext } from './event-format';
import type { EngineSink } from './events';
import { hashEngineState } from './hash';
import { placeOrder } from './place';
import {
  balances,
  depth,
  instrumentInfo,
  openOrders,
  queue,
  restingVolume,
  snapshotOf,
  type InstrumentInfo,
} from './queries';
import { EngineState } from './state';
import type {
  AccountId,
  AmendOrder,
  AssetSpec,
  BalanceUnits,
  CancelAck,
  CancelAll,
  CancelOrder,
  EngineCommand,
  EngineConfig,
  EngineResult,
  Funds,
  InstrumentSpec,
  L2Level,
  OrderAck,
  OrderId,
  OrderSnapshot,
  PlaceOrder,
  RegisterAccount,
  Side,
} from './types';
import { validateEngine } from './validate';

export class Engine implements DecimalContext {
  private readonly st: EngineState;

  /** Throws on an invalid config (a programming error, not input). */
  constructor(config: EngineConfig = {}, sink?: EngineSink) {
    this.st = new EngineState(config.stp ?? 'cancel_resting', config.trackPositions ?? true);
    if (sink) this.st.sink = sink;
    for (const asset of config.assets ?? []) {
      const added = this.addAsset(asset);
      if (!added.ok) throw new Error(added.error);
    }
    for (const instrument of config.instruments ?? []) {
      const added = this.addInstrument(instrument);
      if (!added.ok) throw new Error(added.error);
    }
  }

  setSink(sink: EngineSink): void {
    this.st.sink = sink;
  }

  addAsset(spec: AssetSpec): Result<null, string> {
    const added = this.st.ledger.addAsset(spec);
    return typeof added === 'string' ? err(`${added}: ${spec.id}`) : ok(null);
  }

  addInstrument(spec: InstrumentSpec): Result<null, string> {
    const added = this.st.addInstrument(spec);
    return typeof added === 'string' ? err(added) : ok(null);
  }

  // Commands

  registerAccount(cmd: RegisterAccount): EngineResult<AccountId> {
    return registerAccount(this.st, cmd);
  }
  deposit(cmd: Funds): EngineResult<null> {
    return moveFunds(this.st, cmd, 'deposit');
  }
  withdraw(cmd: Funds): EngineResult<null> {
    return moveFunds(this.st, cmd, 'withdraw');
  }
  placeOrder(cmd: PlaceOrder): EngineResult<OrderAck> {
    return placeOrder(this.st, cmd);
  }
  placeOrderDecimal(cmd: PlaceOrderDecimal): EngineResult<OrderAck> {
    return placeOrderDecimal(this.st, cmd);
  }
  amendOrder(cmd: AmendOrder): EngineResult<OrderAck> {
    return amendOrder(this.st, cmd);
  }
  amendOrderDecimal(cmd: AmendOrderDecimal): EngineResult<OrderAck> {
    return amendOrderDecimal(this.st, cmd);
  }
  cancelOrder(cmd: CancelOrder): EngineResult<CancelAck> {
    return cancelOrder(this.st, cmd);
  }
  cancelAll(cmd: CancelAll): EngineResult<number> {
    return cancelAll(this.st, cmd);
  }

  /** Runs any command from its plain form (command logs, replay). */
  execute(cmd: EngineCommand): EngineResult<unknown> {
    switch (cmd.kind) {
      case 'register_account':
        return registerAccount(this.st, cmd);
      case 'deposit':
        return moveFunds(this.st, cmd, 'deposit');
      case 'withdraw':
        return moveFunds(this.st, cmd, 'withdraw');
      case 'place':
        return placeOrder(this.st, cmd);
      case 'amend':
        return amendOrder(this.st, cmd);
      case 'cancel':
        return cancelOrder(this.st, cmd);
      case 'cancel_all':
        return cancelAll(this.st, cmd);
    }
  }

  // Queries

  get feeAccount(): AccountId {
    return 0;
  }
  accountByLabel(label: string): AccountId | null {
    return this.st.accountsByLabel.get(label)?.id ?? null;
  }
  instrument(id: string): InstrumentInfo | null {
    const instrument = this.st.instrumentsById.get(id);
    return instrument ? instrumentInfo(instrument) : null;
  }
  /** Decimals of an asset's smallest unit, or null. */
  assetDecimals(asset: string): number | null {
    return this.st.ledger.assets[this.st.ledger.assetIndex(asset)]?.decimals ?? null;
  }
  instrumentIds(): string[] {
    return this.st.instruments.map((i) => i.id);
  }
  bestBid(instrument: string): number | null {
    return this.st.instrumentsById.get(instrument)?.bids.best?.price ?? null;
  }
  bestAsk(instrument: string): number | null {
    return this.st.instrumentsById.get(instrument)?.asks.best?.price ?? null;
  }
  /** Top `n` levels of one side, best first. */
  depth(instrument: string, side: Side, n: number): L2Level[] {
    const i = this.st.instrumentsById.get(instrument);
    return i ? depth(i, side, n) : [];
  }
  /** The resting orders at one price in queue (priority) order. */
  queue(instrument: string, side: Side, price: number): OrderSnapshot[] {
    const i = this.st.instrumentsById.get(instrument);
    return i ? queue(i, side, price) : [];
  }
  /** Lots resting on one side. */
  restingVolume(instrument: string, side: Side): number {
    const i = this.st.instrumentsById.get(instrument);
    return i ? restingVolume(i, side) : 0;
  }
  /** A resting order, or null once it is filled, canceled or never existed. */
  order(orderId: OrderId): OrderSnapshot | null {
    const order = this.st.index.get(orderId);
    return order ? snapshotOf(order) : null;
  }
  openOrders(account: AccountId, instrument?: string): OrderSnapshot[] {
    return openOrders(this.st, account, instrument);
  }
  balances(account: AccountId): BalanceUnits[] {
    return balances(this.st, account);
  }
  balance(account: AccountId, asset: string): { free: number; locked: number } {
    const found = this.balances(account).find((b) => b.asset === asset);
    return { free: found?.free ?? 0, locked: found?.locked ?? 0 };
  }
  /** Σ free + locked per asset over all accounts; equals Σ deposits − Σ withdrawals. */
  supply(asset: string): number {
    return this.st.ledger.assets[this.st.ledger.assetIndex(asset)]?.supply ?? 0;
  }
  /** Balances, positions and PnL as decimal strings; equity when a valuation asset is given. */
  portfolio(account: AccountId, marks?: Marks, valuationAsset?: string): PortfolioView | null {
    const owner = this.st.accounts[account];
    if (!owner) return null;
    return portfolioView(
      owner.ledger,
      this.st.ledger.assets,
      this.st.instruments,
      marks,
      valuationAsset ?? null,
    );
  }

  stateHash(): string {
    return hashEngineState(this.st);
  }
  /** Broken internal invariants as text (empty when sound). O(state): for tests and periodic checks. */
  validate(): string[] {
    return validateEngine(this.st);
  }
}

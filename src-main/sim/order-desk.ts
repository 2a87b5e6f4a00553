/**
 * The simulated venue's commands in the VenuePort's vocabulary: registering agents (bots, and the
 * venue's own accounts at start-up), placing, amending and canceling orders. Each validates in full
 * (agent, symbol, grid, ownership) before the engine sees anything, runs through the command
 * pipeline, and answers with the order as it stands or a rejection that changed nothing. Whether
 * the venue may take the command now is the venue's call (`refusal`).
 */
import type { Clock } from '../core/ports';
import type { EngineCommand, InstrumentInfo, OrderAck } from '../core/engine';
import { toUnits } from '../core/portfolio';
import type {
  AmendOrderRequest,
  CanceledOrder,
  CancelAllRequest,
  CancelOrderRequest,
  OrderView,
  PlaceOrderRequest,
  RegisteredAgent,
  RegisterAgentRequest,
  VenueReject,
  VenueResult,
} from '../gateway/venue-port';
import { accountLabel, type AccountBook, type AccountKind, type SimAccount } from './accounts';
import type { OrderRegistry } from './orders';
import type { CommandPipeline } from './pipeline';
import { accepted, fromEngine, rejected, toLots, toTicks } from './rejections';
import { orderView } from './views';

export interface OrderDeskDeps {
  readonly pipeline: CommandPipeline;
  readonly accounts: AccountBook;
  readonly orders: OrderRegistry;
  readonly clock: Clock;
  readonly quote: { readonly asset: string; readonly decimals: number };
  readonly infos: ReadonlyMap<string, InstrumentInfo>;
  /** Why the venue cannot take a command now (`open` = new risk, `close` = cancels), or null. */
  refusal(kind: 'open' | 'close'): VenueReject | null;
}

/** Names only the venue's own accounts may have. */
const RESERVED_NAMES = new Set(['you']);

export class OrderDesk {
  constructor(private readonly deps: OrderDeskDeps) {}

  registerAgent(request: RegisterAgentRequest): VenueResult<RegisteredAgent> {
    const { accounts } = this.deps;
    const existing = accounts.named('external', request.name);
    if (RESERVED_NAMES.has(request.name) || accounts.named('builtin', request.name)) {
      return rejected('AGENT_NAME_TAKEN', `"${request.name}" is the name of one of the venue's own accounts`);
    }
    if (existing) return accepted({ agentId: existing.agentId, created: false });
    const refusal = this.deps.refusal('open');
    if (refusal) return { ok: false, error: refusal };
    const units = toUnits(String(request.startingCapital), this.deps.quote.decimals);
    const supply = this.deps.pipeline.engine.supply(this.deps.quote.asset);
    if (units === null || units <= 0 || units > Number.MAX_SAFE_INTEGER - supply) {
      return rejected(
        'INVALID_AMOUNT',
        `starting capital must be a positive amount of ${this.deps.quote.asset}`,
      );
    }
    const account = this.openAccount('external', request.name, [
      [this.deps.quote.asset, request.startingCapital],
    ]);
    if (!account.ok) return account;
    return accepted({ agentId: account.value.agentId, created: true });
  }

  /** The venue's own accounts (the user, built-in agents): registered and funded once. */
  ensureAccount(kind: AccountKind, name: string, deposits: ReadonlyArray<readonly [string, string]>) {
    const existing = this.deps.accounts.named(kind, name);
    if (existing) return accepted(existing);
    return this.openAccount(kind, name, deposits);
  }

  private openAccount(
    kind: AccountKind,
    name: string,
    deposits: ReadonlyArray<readonly [string, string]>,
  ): VenueResult<SimAccount> {
    const ts = this.deps.clock.now();
    const registered = this.run<number>({ kind: 'register_account', label: accountLabel(kind, name), ts });
    if (!registered.ok) return { ok: false, error: fromEngine(registered.error) };
    for (const [asset, amount] of deposits) {
      if (!/[1-9]/.test(amount)) continue;
      const done = this.run({
        kind: 'deposit',
        account: registered.value,
        asset,
        amount,
        ts,
      } as EngineCommand);
      if (!done.ok) throw new Error(`deposit of ${amount} ${asset} to ${name} refused: ${done.error}`);
    }
    return accepted(this.deps.accounts.get(registered.value)!);
  }

  placeOrder(r: PlaceOrderRequest): VenueResult<OrderView> {
    const owner = this.deps.accounts.byAgentId(r.agentId);
    if (!owner) return rejected('UNKNOWN_AGENT', `no agent ${r.agentId}`);
    const info = this.deps.infos.get(r.symbol);
    if (!info) return rejected('UNKNOWN_SYMBOL', `no instrument ${r.symbol}`);
    const refusal = this.deps.refusal('open');
    if (refusal) return { ok: false, error: refusal };
    // Stops and brackets live in the trigger layer wrapped around this port; the engine only
    // ever sees the limit or market order a trigger releases.
    if (r.orderType !== 'limit' && r.orderType !== 'market')
      return rejected(
        'INVALID_PRICE',
        `${r.orderType} orders are handled by the trigger layer, not the engine`,
      );
    if (r.bracket !== undefined)
      return rejected('INVALID_PRICE', 'brackets are handled by the trigger layer, not the engine');
    const lots = toLots(info.grid, String(r.quantity));
    if (!lots.ok) return lots;
    let price: number | undefined;
    if (r.orderType === 'market') {
      if (r.price !== undefined || (r.timeInForce !== 'IOC' && r.timeInForce !== 'FOK')) {
        return rejected('INVALID_PRICE', 'market orders carry no price and are IOC or FOK');
      }
      const engine = this.deps.pipeline.engine;
      const other = r.side === 'buy' ? engine.bestAsk(r.symbol) : engine.bestBid(r.symbol);
      if (other === null)
        return rejected('NO_LIQUIDITY', `the ${r.symbol} book has no ${r.side === 'buy' ? 'asks' : 'bids'}`);
    } else {
      if (r.price === undefined) return rejected('INVALID_PRICE', 'limit orders need a price');
      const ticks = toTicks(info.grid, String(r.price));
      if (!ticks.ok) return ticks;
      price = ticks.value;
    }
    const executed = this.deps.pipeline.execute<OrderAck>({
      kind: 'place',
      account: owner.account,
      instrument: r.symbol,
      side: r.side,
      type: r.orderType,
      tif: r.timeInForce,
      ...(price === undefined ? {} : { price }),
      qty: lots.value,
      ...(r.clientOrderId === undefined ? {} : { clientOrderId: r.clientOrderId }),
      ts: this.deps.clock.now(),
    });
    if (!executed.result.ok) {
      const minSize = info.grid.lotsToSize(info.minQty);
      return {
        ok: false,
        error: fromEngine(executed.result.error, { side: r.side, symbol: r.symbol, minSize }),
      };
    }
    const orderId = executed.result.value.orderId;
    const order = executed.orders.find((o) => o.orderId === orderId)!;
    return accepted(orderView(order, owner.agentId, info.grid));
  }

  amendOrder(r: AmendOrderRequest): VenueResult<OrderView> {
    const owner = this.deps.accounts.byAgentId(r.agentId);
    if (!owner) return rejected('UNKNOWN_AGENT', `no agent ${r.agentId}`);
    const found = this.ownOrder(owner, r.symbol, r.orderId);
    if (!found.ok) return found;
    const refusal = this.deps.refusal('open');
    if (refusal) return { ok: false, error: refusal };
    const order = found.value;
    const grid = this.deps.infos.get(order.symbol)!.grid;
    if (r.price === undefined && r.quantity === undefined) {
      return rejected('INVALID_QUANTITY', 'an amend needs a new price, a new quantity or both');
    }
    const price = r.price === undefined ? undefined : toTicks(grid, String(r.price));
    if (price && !price.ok) return price;
    const qty = r.quantity === undefined ? undefined : toLots(grid, String(r.quantity));
    if (qty && !qty.ok) return qty;
    const executed = this.deps.pipeline.execute({
      kind: 'amend',
      account: owner.account,
      orderId: order.orderId,
      ...(price ? { price: price.value } : {}),
      ...(qty ? { qty: qty.value } : {}),
      ts: this.deps.clock.now(),
    });
    if (!executed.result.ok) {
      return {
        ok: false,
        error: fromEngine(executed.result.error, { side: order.side, orderId: r.orderId }),
      };
    }
    return accepted(orderView(order, owner.agentId, grid));
  }

  cancelOrder(r: CancelOrderRequest): VenueResult<CanceledOrder> {
    const owner = this.deps.accounts.byAgentId(r.agentId);
    if (!owner) return rejected('UNKNOWN_AGENT', `no agent ${r.agentId}`);
    const found = this.ownOrder(owner, r.symbol, r.orderId);
    if (!found.ok) return found;
    const refusal = this.deps.refusal('close');
    if (refusal) return { ok: false, error: refusal };
    const order = found.value;
    const ts = this.deps.clock.now();
    const executed = this.deps.pipeline.execute<{ canceledQty: number }>({
      kind: 'cancel',
      account: owner.account,
      orderId: order.orderId,
      ts,
    });
    if (!executed.result.ok)
      return { ok: false, error: fromEngine(executed.result.error, { orderId: r.orderId }) };
    const grid = this.deps.infos.get(order.symbol)!.grid;
    return accepted({
      orderId: r.orderId,
      symbol: order.symbol,
      canceledQuantity: grid.lotsToSize(executed.result.value.canceledQty),
      time: ts,
    });
  }

  cancelAll(r: CancelAllRequest): VenueResult<{ readonly canceled: number }> {
    const owner = this.deps.accounts.byAgentId(r.agentId);
    if (!owner) return rejected('UNKNOWN_AGENT', `no agent ${r.agentId}`);
    if (r.symbol !== undefined && !this.deps.infos.has(r.symbol))
      return rejected('UNKNOWN_SYMBOL', `no instrument ${r.symbol}`);
    const open = this.deps.orders
      .openOf(owner.account)
      .filter((o) => r.symbol === undefined || o.symbol === r.symbol);
    if (open.length === 0) return accepted({ canceled: 0 });
    const refusal = this.deps.refusal('close');
    if (refusal) return { ok: false, error: refusal };
    const executed = this.deps.pipeline.execute<number>({
      kind: 'cancel_all',
      account: owner.account,
      ...(r.symbol === undefined ? {} : { instrument: r.symbol }),
      ts: this.deps.clock.now(),
    });
    if (!executed.result.ok) return { ok: false, error: fromEngine(executed.result.error) };
    return accepted({ canceled: executed.result.value });
  }

  private ownOrder(owner: SimAccount, symbol: string, orderId: string) {
    const id = /^[1-9][0-9]{0,15}$/.test(orderId) ? Number(orderId) : 0;
    const order = id ? this.deps.orders.get(id) : undefined;
    if (!order || order.status !== 'open' || order.symbol !== symbol) {
      return rejected<never>(
        'UNKNOWN_ORDER',
        `order ${orderId} is not open on ${symbol} (unknown, filled or canceled)`,
      );
    }
    if (order.account !== owner.account)
      return rejected<never>('NOT_YOUR_ORDER', `order ${orderId} belongs to another agent`);
    return accepted(order);
  }

  private run<T>(cmd: EngineCommand) {
    return this.deps.pipeline.execute<T>(cmd).result;
  }
}

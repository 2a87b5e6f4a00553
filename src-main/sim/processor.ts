/**
 * Turns the engine events of one accepted command into everything else the venue keeps and says:
 * the order registry, the account book, recent fills and last prices (always, also while replaying
 * the journal), and optionally the ledger projections (orders and their events, fills, accounts,
 * balance changes) and the gateway's VenueEvents. Decimal strings come from the instruments' grids
 * and assets' decimals, exactly. Pure bookkeeping: no I/O, no clock.
 *
 * Order rows are upserted once per command per order touched (not per event); order events are one
 * per engine event. Private events follow the VenuePort's vocabulary: an order that traded on entry
 * is still `order_placed` first, then `order_filled`, then `order_canceled` for an IOC remainder.
 */
import { fromScaled } from '../core/num';
import type { EngineEvent, InstrumentInfo } from '../core/engine';
import type { CancelReason, FillView, VenueEvent } from '../gateway/venue-port';
import type { LedgerOp } from '../store/writer/ops';
import type { Trade } from '../venues/kit';
import type { AccountBook } from './accounts';
import type { LiveOrder, OrderRegistry } from './orders';
import { orderEvent, orderRow, SIM_VENUE } from './rows';
import { orderView } from './views';

export { SIM_VENUE };

export interface Outputs {
  readonly ops: LedgerOp[] | null;
  readonly events: VenueEvent[] | null;
  readonly trades: Trade[];
  /** Symbols whose book changed. */
  readonly books: Set<string>;
  /** Orders this command touched, in their state after it (closed ones included). */
  readonly orders: readonly LiveOrder[];
}

/** What the processor needs to turn ticks, lots and units into decimal strings. */
export interface DecimalSource {
  instrument(id: string): InstrumentInfo;
  assetDecimals(asset: string): number;
}

const KIND = { user: 'user', builtin: 'agent', external: 'bot' } as const;
const REASON: Record<string, CancelReason> = {
  user: 'requested',
  ioc: 'ioc_remainder',
  stp: 'venue',
  funds: 'venue',
};

type Notice = Extract<VenueEvent, { kind: 'book' | 'portfolio' | 'agents' }>;
const AGENTS_CHANGED: Notice = Object.freeze({ kind: 'agents' });

export class EventProcessor {
  /**
   * The "changed, read it again" events, one frozen object per symbol and per agent, reused by
   * every command: most of a command's events are these, and a durable venue holds events until
   * their commit (tens of milliseconds under load), long enough to age them out of the young
   * generation; shared objects cost nothing to hold.
   */
  private readonly bookNotices = new Map<string, Notice>();
  private readonly portfolioNotices = new Map<string, Notice>();

  constructor(
    private readonly decimals: DecimalSource,
    private readonly accounts: AccountBook,
    private readonly orders: OrderRegistry,
  ) {}

  private instrument(id: string): InstrumentInfo {
    return this.decimals.instrument(id);
  }

  process(events: readonly EngineEvent[], produce: { ops: boolean; events: boolean }): Outputs {
    const ops: LedgerOp[] | null = produce.ops ? [] : null;
    const out: VenueEvent[] | null = produce.events ? [] : null;
    const trades: Trade[] = [];
    const books = new Set<string>();
    const touched = new Set<LiveOrder>();
    const portfolios = new Set<string>();

    for (const e of events) {
      switch (e.type) {
        case 'account': {
          const entry = this.accounts.registered(e.account, e.label);
          ops?.push({
            op: 'account',
            venue: SIM_VENUE,
            account: entry.agentId,
            name: entry.name,
            kind: KIND[entry.kind],
            ts: e.ts,
          });
          out?.push(AGENTS_CHANGED);
          break;
        }
        case 'funds': {
          this.accounts.funded(e.account, e.asset, e.units, e.kind === 'withdraw');
          if (ops) {
            const decimals = this.decimals.assetDecimals(e.asset);
            const amount = fromScaled(BigInt(e.kind === 'withdraw' ? -e.units : e.units), decimals);
            ops.push({
              op: 'balance',
              venue: SIM_VENUE,
              account: this.agentId(e.account),
              asset: e.asset,
              delta: amount,
              reason: e.kind === 'withdraw' ? 'withdrawal' : 'deposit',
              ts: e.ts,
            });
          }
          portfolios.add(this.agentId(e.account));
          out?.push(AGENTS_CHANGED);
          break;
        }
        case 'accepted': {
          const order: LiveOrder = {
            orderId: e.orderId,
            account: e.account,
            symbol: e.instrument,
            side: e.side,
            type: e.orderType,
            tif: e.tif,
            price: e.price,
            qty: e.qty,
            filled: 0,
            clientOrderId: e.clientOrderId,
            createdTs: e.ts,
            updatedTs: e.ts,
            status: 'open',
            view: null,
          };
          this.orders.add(order);
          touched.add(order);
          const grid = this.instrument(e.instrument).grid;
          ops?.push(
            orderEvent(
              e.orderId,
              e.ts,
              'accepted',
              e.price ? grid.ticksToPrice(e.price) : null,
              grid.lotsToSize(e.qty),
              null,
            ),
          );
          out?.push({ kind: 'order_placed', order: orderView(order, this.agentId(e.account), grid) });
          portfolios.add(this.agentId(e.account));
          break;
        }
        case 'trade':
          this.trade(e, ops, out, trades, touched, portfolios);
          break;
        case 'canceled':
        case 'expired': {
          const order = this.orders.get(e.orderId);
          const qty = e.type === 'canceled' ? e.canceledQty : e.qty;
          const grid = this.instrument(e.instrument).grid;
          if (order) {
            order.status = e.type;
            order.updatedTs = e.ts;
            touched.add(order);
          }
          const reason = e.type === 'canceled' ? e.reason : 'fok';
          ops?.push(orderEvent(e.orderId, e.ts, e.type, null, grid.lotsToSize(qty), reason));
          out?.push({
            kind: 'order_canceled',
            agentId: this.agentId(e.account),
            canceled: {
              orderId: String(e.orderId),
              symbol: e.instrument,
              canceledQuantity: grid.lotsToSize(qty),
              time: e.ts,
            },
            reason: REASON[reason] ?? 'ioc_remainder',
          });
          portfolios.add(this.agentId(e.account));
          break;
        }
        case 'amended': {
          const order = this.orders.get(e.orderId);
          if (order) {
            order.price = e.price;
            order.qty = e.qty;
            order.updatedTs = e.ts;
            touched.add(order);
          }
          const grid = this.instrument(e.instrument).grid;
          const kept = e.priorityKept ? 'priority kept' : 'priority lost';
          ops?.push(
            orderEvent(e.orderId, e.ts, 'amended', grid.ticksToPrice(e.price), grid.lotsToSize(e.qty), kept),
          );
          portfolios.add(this.agentId(e.account));
          break;
        }
        case 'level':
          books.add(e.instrument);
          break;
        case 'rejected':
          break;
      }
    }
    for (const order of touched) order.view = null;
    if (ops)
      for (const order of touched)
        ops.push(orderRow(order, this.instrument(order.symbol).grid, this.accounts));
    this.orders.sweep(touched);
    if (out) {
      for (const symbol of books) out.push(this.notice(this.bookNotices, 'book', symbol));
      for (const id of portfolios) out.push(this.notice(this.portfolioNotices, 'portfolio', id));
    }
    return { ops, events: out, trades, books, orders: [...touched] };
  }

  /** The agent id of an engine account (a stand-in for accounts the book has not registered). */
  private agentId(account: number): string {
    return this.accounts.get(account)?.agentId ?? `a${account}`;
  }

  private notice(cache: Map<string, Notice>, kind: 'book' | 'portfolio', key: string): Notice {
    let event = cache.get(key);
    if (!event) {
      event = Object.freeze(kind === 'book' ? { kind, symbol: key } : { kind, agentId: key });
      cache.set(key, event);
    }
    return event;
  }

  private trade(
    e: Extract<EngineEvent, { type: 'trade' }>,
    ops: LedgerOp[] | null,
    out: VenueEvent[] | null,
    trades: Trade[],
    touched: Set<LiveOrder>,
    portfolios: Set<string>,
  ): void {
    const info = this.instrument(e.instrument);
    const { grid } = info;
    const price = grid.ticksToPrice(e.price);
    const qty = grid.lotsToSize(e.qty);
    const tradeId = String(e.tradeId);
    this.orders.traded(e.instrument, e.price, e.ts);
    trades.push({
      venue: SIM_VENUE as Trade['venue'],
      symbol: e.instrument,
      id: tradeId,
      price,
      size: qty,
      side: e.takerSide,
      time: e.ts,
    });
    const makerSide = e.takerSide === 'buy' ? 'sell' : 'buy';
    const sides = [
      [e.makerOrderId, e.makerAccount, e.makerFee, e.makerLeaves, makerSide, 'maker'],
      [e.takerOrderId, e.takerAccount, e.takerFee, e.takerLeaves, e.takerSide, 'taker'],
    ] as const;
    for (const [orderId, account, feeUnits, leaves, side, liquidity] of sides) {
      const order = this.orders.get(orderId);
      if (order) {
        order.filled += e.qty;
        order.updatedTs = e.ts;
        if (leaves === 0) order.status = 'filled';
        touched.add(order);
      }
      const owner = this.agentId(account);
      const fill: FillView = {
        orderId: String(orderId),
        agentId: owner,
        ...(order?.clientOrderId ? { clientOrderId: order.clientOrderId } : {}),
        tradeId,
        symbol: e.instrument,
        side,
        price,
        quantity: qty,
        remainingQuantity: grid.lotsToSize(leaves),
        liquidity,
        fee: fromScaled(BigInt(feeUnits), info.quoteDecimals),
        feeAsset: info.quote,
        time: e.ts,
      };
      this.orders.addFill(account, fill);
      ops?.push(orderEvent(orderId, e.ts, 'fill', price, qty, liquidity));
      out?.push({ kind: 'order_filled', fill });
      portfolios.add(owner);
    }
    ops?.push({
      op: 'fill',
      venue: SIM_VENUE,
      row: {
        tradeId: e.tradeId,
        ts: e.ts,
        instrument: e.instrument,
        price,
        quantity: qty,
        takerSide: e.takerSide,
        makerOrderId: e.makerOrderId,
        takerOrderId: e.takerOrderId,
        makerAccount: this.agentId(e.makerAccount),
        takerAccount: this.agentId(e.takerAccount),
        makerFee: fromScaled(BigInt(e.makerFee), info.quoteDecimals),
        takerFee: fromScaled(BigInt(e.takerFee), info.quoteDecimals),
      },
    });
    out?.push({
      kind: 'trade',
      trade: { tradeId, symbol: e.instrument, price, quantity: qty, aggressorSide: e.takerSide, time: e.ts },
    });
  }
}

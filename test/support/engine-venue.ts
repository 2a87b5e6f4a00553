/**
 * A small VenuePort over the core matching engine, for testing layers that sit on any venue (the
 * trigger layer): the engine does the matching, funds and fees; this adapter maps its events to
 * port events. Orders, fills and cancels only — no news, no built-in agents, no persistence.
 * Not the simulated venue (src-main/sim): a test stand-in with the same engine underneath.
 */
import type { DecimalString } from '../../src-shared/domain';
import { Engine, EventRecorder, type EngineEvent, type OrderSnapshot } from '../../src-main/core/engine';
import { fromScaled } from '../../src-main/core/num';
import type {
  BookView,
  CanceledOrder,
  FillView,
  InstrumentSpec,
  OrderView,
  PlaceOrderRequest,
  PortfolioView,
  VenueEvent,
  VenueRejectCode,
  VenueResult,
  AmendOrderRequest,
  CancelAllRequest,
  VenuePort,
} from '../../src-main/gateway/venue-port';

const d = (s: string) => s as DecimalString;
const reject = <T>(code: VenueRejectCode, message: string): VenueResult<T> => ({
  ok: false,
  error: { code, message },
});

export const ENGINE_SYMBOL = 'BTC-USD';

export class EngineVenue implements VenuePort {
  readonly venueId: string = 'sim';
  readonly available = true;
  readonly engine: Engine;
  private readonly recorder = new EventRecorder();
  private readonly listeners = new Set<(e: VenueEvent) => void>();
  private readonly agentsByName = new Map<string, number>();
  private readonly views = new Map<number, OrderView>();
  private readonly fills: FillView[] = [];
  now = 1_700_000_000_000;

  constructor() {
    this.engine = new Engine(
      {
        assets: [
          { id: 'BTC', decimals: 8 },
          { id: 'USD', decimals: 6 },
        ],
        instruments: [
          {
            id: ENGINE_SYMBOL,
            base: 'BTC',
            quote: 'USD',
            tickSize: d('0.5'),
            lotSize: d('0.001'),
            takerFee: d('0.001'),
          },
        ],
      },
      this.recorder,
    );
  }

  instruments(): readonly InstrumentSpec[] {
    return [
      {
        symbol: ENGINE_SYMBOL,
        base: 'BTC',
        quote: 'USD',
        tickSize: d('0.5'),
        lotSize: d('0.001'),
        minSize: d('0.001'),
      },
    ];
  }

  registerAgent(req: { name: string; startingCapital: DecimalString }) {
    const existing = this.agentsByName.get(req.name);
    if (existing !== undefined)
      return { ok: true as const, value: { agentId: String(existing), created: false } };
    const account = this.engine.registerAccount({ label: req.name, ts: this.now });
    if (!account.ok) return reject<never>('INVALID_AMOUNT', account.error);
    this.engine.deposit({ account: account.value, asset: 'USD', amount: req.startingCapital, ts: this.now });
    this.agentsByName.set(req.name, account.value);
    this.flush();
    return { ok: true as const, value: { agentId: String(account.value), created: true } };
  }

  /** Test helper: give an agent base to sell. */
  grant(agentId: string, asset: string, amount: string): void {
    this.engine.deposit({ account: Number(agentId), asset, amount: d(amount), ts: this.now });
    this.flush();
  }

  placeOrder(r: PlaceOrderRequest): VenueResult<OrderView> {
    if ((r.orderType !== 'limit' && r.orderType !== 'market') || r.bracket)
      return reject('INVALID_PRICE', 'trigger orders need the trigger layer');
    const placed = this.engine.placeOrderDecimal({
      account: Number(r.agentId),
      instrument: r.symbol,
      side: r.side,
      type: r.orderType,
      tif: r.timeInForce,
      ...(r.price === undefined ? {} : { price: r.price }),
      size: r.quantity,
      ...(r.clientOrderId === undefined ? {} : { clientOrderId: r.clientOrderId }),
      ts: this.now,
    });
    if (!placed.ok) {
      this.recorder.take();
      return reject(
        placed.error === 'INSUFFICIENT_FUNDS'
          ? r.side === 'sell'
            ? 'INSUFFICIENT_BALANCE'
            : 'INSUFFICIENT_FUNDS'
          : 'INVALID_QUANTITY',
        placed.error,
      );
    }
    this.flush();
    return { ok: true, value: this.views.get(placed.value.orderId)! };
  }

  cancelOrder(r: { agentId: string; symbol: string; orderId: string }): VenueResult<CanceledOrder> {
    const canceled = this.engine.cancelOrder({
      account: Number(r.agentId),
      orderId: Number(r.orderId),
      ts: this.now,
    });
    if (!canceled.ok) {
      this.recorder.take();
      return reject(canceled.error === 'NOT_YOUR_ORDER' ? 'NOT_YOUR_ORDER' : 'UNKNOWN_ORDER', canceled.error);
    }
    this.flush();
    const grid = this.engine.instrument(r.symbol)!.grid;
    return {
      ok: true,
      value: {
        orderId: r.orderId,
        symbol: r.symbol,
        canceledQuantity: grid.lotsToSize(canceled.value.canceledQty),
        time: this.now,
      },
    };
  }

  amendOrder(_r: AmendOrderRequest): VenueResult<OrderView> {
    return reject('UNAVAILABLE', 'not in this test venue');
  }

  cancelAll(r: CancelAllRequest): VenueResult<{ canceled: number }> {
    const n = this.engine.cancelAll({
      account: Number(r.agentId),
      ...(r.symbol ? { instrument: r.symbol } : {}),
      ts: this.now,
    });
    this.flush();
    return { ok: true, value: { canceled: n.ok ? n.value : 0 } };
  }

  openOrders(agentId: string): VenueResult<readonly OrderView[]> {
    return {
      ok: true,
      value: this.engine.openOrders(Number(agentId)).map((o) => {
        const grid = this.engine.instrument(o.instrument)!.grid;
        return {
          ...this.views.get(o.orderId)!,
          filledQuantity: o.filledQty === 0 ? d('0') : grid.lotsToSize(o.filledQty),
          remainingQuantity: grid.lotsToSize(o.leavesQty),
        };
      }),
    };
  }

  recentFills(agentId: string, limit: number): VenueResult<readonly FillView[]> {
    return { ok: true, value: this.fills.filter((f) => f.agentId === agentId).slice(-limit) };
  }

  portfolio(agentId: string): VenueResult<PortfolioView> {
    const view = this.engine.portfolio(Number(agentId));
    if (!view || agentId === '0') return reject('UNKNOWN_AGENT', `no agent ${agentId}`);
    const usd = view.balances.find((b) => b.asset === 'USD');
    return {
      ok: true,
      value: {
        agentId,
        quoteAsset: 'USD',
        cash: usd?.free ?? d('0'),
        lockedCash: usd?.locked ?? d('0'),
        holdings: view.balances.map((b) => ({ asset: b.asset, free: b.free, locked: b.locked })),
        positions: [],
        startingCapital: d('0'),
        equity: d('0'),
        pnl: d('0'),
        time: this.now,
      },
    };
  }

  agents() {
    return [];
  }
  newsHistory() {
    return [];
  }
  books(depth: number, symbols?: readonly string[]): BookView[] {
    return this.engine
      .instrumentIds()
      .filter((id) => !symbols || symbols.includes(id))
      .map((symbol) => {
        const grid = this.engine.instrument(symbol)!.grid;
        const side = (s: 'buy' | 'sell') =>
          this.engine
            .depth(symbol, s, depth)
            .map((l) => ({ px: grid.ticksToPrice(l.price), sz: grid.lotsToSize(l.qty), n: l.orders }));
        return { symbol, time: this.now, bids: side('buy'), asks: side('sell') };
      });
  }

  onEvent(listener: (e: VenueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private flush(): void {
    for (const e of this.recorder.take()) for (const v of this.map(e)) for (const l of this.listeners) l(v);
  }

  private map(e: EngineEvent): VenueEvent[] {
    const info = 'instrument' in e ? this.engine.instrument(e.instrument) : null;
    const grid = info?.grid;
    switch (e.type) {
      case 'accepted': {
        const view: OrderView = {
          orderId: String(e.orderId),
          agentId: String(e.account),
          ...(e.clientOrderId === null ? {} : { clientOrderId: e.clientOrderId }),
          symbol: e.instrument,
          side: e.side,
          orderType: e.orderType,
          timeInForce: e.tif,
          ...(e.orderType === 'limit' ? { price: grid!.ticksToPrice(e.price) } : {}),
          quantity: grid!.lotsToSize(e.qty),
          filledQuantity: d('0'),
          remainingQuantity: grid!.lotsToSize(e.qty),
          status: 'open',
          time: e.ts,
        };
        this.views.set(e.orderId, view);
        return [{ kind: 'order_placed', order: view }];
      }
      case 'trade': {
        const price = grid!.ticksToPrice(e.price);
        const fill = (
          orderId: number,
          account: number,
          fee: number,
          leaves: number,
          liquidity: 'maker' | 'taker',
        ): VenueEvent => {
          const view = this.views.get(orderId)!;
          const f: FillView = {
            orderId: String(orderId),
            agentId: String(account),
            tradeId: String(e.tradeId),
            symbol: e.instrument,
            side: view.side,
            price,
            quantity: grid!.lotsToSize(e.qty),
            remainingQuantity: grid!.lotsToSize(leaves),
            liquidity,
            fee: fromScaled(BigInt(fee), info!.quoteDecimals),
            feeAsset: 'USD',
            time: e.ts,
          };
          this.fills.push(f);
          return { kind: 'order_filled', fill: f };
        };
        return [
          fill(e.makerOrderId, e.makerAccount, e.makerFee, e.makerLeaves, 'maker'),
          fill(e.takerOrderId, e.takerAccount, e.takerFee, e.takerLeaves, 'taker'),
          {
            kind: 'trade',
            trade: {
              tradeId: String(e.tradeId),
              symbol: e.instrument,
              price,
              quantity: grid!.lotsToSize(e.qty),
              aggressorSide: e.takerSide,
              time: e.ts,
            },
          },
        ];
      }
      case 'canceled':
      case 'expired': {
        const qty = e.type === 'canceled' ? e.canceledQty : e.qty;
        return [
          {
            kind: 'order_canceled',
            agentId: String(e.account),
            canceled: {
              orderId: String(e.orderId),
              symbol: e.instrument,
              canceledQuantity: grid!.lotsToSize(qty),
              time: e.ts,
            },
            reason: e.type === 'canceled' && e.reason === 'user' ? 'requested' : 'ioc_remainder',
          },
        ];
      }
      case 'level':
        return [{ kind: 'book', symbol: e.instrument }];
      default:
        return [];
    }
  }
}

export type { OrderSnapshot };

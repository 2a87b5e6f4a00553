/**
 * The user's trading streams on any registered venue: open orders (snapshot, then upserts and
 * removals found by diffing against what the client holds), fills (recent, then new ones, each
 * sent once), portfolio (replaced) and equity curves. Updates are driven by the venue's events about
 * the user (which a durable venue delivers only once stored), coalesced to at most one delta per
 * `intervalMs`, plus a heartbeat so marks and readiness stay current. Venue reads may be
 * asynchronous: the streams keep the last answer and send what changed when a new one arrives.
 */
import type { TradingFill, TradingOrder, TradingPortfolio } from '../../src-shared/contract';
import { FILLS_KEPT } from '../../src-shared/contract';
import { appError, err, ok, type Result } from '../../src-shared/result';
import type { Clock, Disposer, Timers } from '../core/ports';
import type { FillView, PortfolioView, VenueEvent } from '../gateway/venue-port';
import type { StreamOpener } from '../rpc/handlers';
import { Coalescer } from './market/coalescer';
import type { EquitySampler } from './trading-equity';
import type { TradingRegistry, TradingVenueEntry } from './trading-registry';
import { tradingOrder } from './trading-service';

export interface TradingStreamDeps {
  readonly registry: TradingRegistry;
  readonly equity: EquitySampler;
  readonly clock: Clock;
  readonly timers: Timers;
  readonly intervalMs?: number;
  readonly heartbeatMs?: number;
}

function concernsAgent(event: VenueEvent, agentId: string): boolean {
  switch (event.kind) {
    case 'order_placed':
      return event.order.agentId === agentId;
    case 'order_filled':
      return event.fill.agentId === agentId;
    case 'order_canceled':
    case 'portfolio':
      return event.agentId === agentId;
    default:
      return false;
  }
}

export function createTradingStreams(deps: TradingStreamDeps) {
  const interval = deps.intervalMs ?? 100;
  const heartbeat = deps.heartbeatMs ?? 1000;

  const entryFor = (venue: string): Result<TradingVenueEntry> => {
    const entry = deps.registry.get(venue);
    return entry ? ok(entry) : err(appError('NOT_FOUND', `no trading venue ${venue}`));
  };

  /** Common plumbing: refresh on the user's events and on a heartbeat, coalesced. */
  function driven(
    entry: TradingVenueEntry,
    refresh: () => void,
    onEvent?: (e: VenueEvent) => void,
  ): Disposer {
    const coalescer = new Coalescer(deps.clock, deps.timers, interval, refresh);
    const stops: Disposer[] = [
      entry.port.onEvent((event) => {
        const user = entry.userAgentId();
        if (user === null || !concernsAgent(event, user)) return;
        onEvent?.(event);
        coalescer.poke();
      }),
      deps.timers.every(heartbeat, () => coalescer.poke()),
      () => coalescer.dispose(),
    ];
    return () => stops.forEach((s) => s());
  }

  const orders: StreamOpener<'trading.orders'> = ({ venue }, emit) => {
    const found = entryFor(venue);
    if (!found.ok) return found;
    const entry = found.value;
    let current: TradingOrder[] = [];
    let sent = new Map<string, string>();
    let closed = false;
    const apply = (list: TradingOrder[]) => {
      current = list;
      const upserts = list.filter((o) => sent.get(o.orderId) !== JSON.stringify(o));
      const ids = new Set(list.map((o) => o.orderId));
      const removals = [...sent.keys()].filter((id) => !ids.has(id));
      sent = new Map(list.map((o) => [o.orderId, JSON.stringify(o)]));
      if (upserts.length > 0 || removals.length > 0) emit({ upserts, removals });
    };
    const read = () => {
      const user = entry.userAgentId();
      if (user === null) return;
      const answer = entry.port.openOrders(user);
      if (!(answer instanceof Promise)) return answer.ok ? apply(answer.value.map(tradingOrder)) : undefined;
      void answer.then((r) => {
        if (!closed && r.ok) apply(r.value.map(tradingOrder));
      });
    };
    const stop = driven(entry, read);
    read();
    return ok({
      snapshot: () => {
        sent = new Map(current.map((o) => [o.orderId, JSON.stringify(o)]));
        return { orders: current };
      },
      dispose: () => {
        closed = true;
        stop();
      },
    });
  };

  const fills: StreamOpener<'trading.fills'> = ({ venue }, emit) => {
    const found = entryFor(venue);
    if (!found.ok) return found;
    const entry = found.value;
    let recent: TradingFill[] = [];
    let pending: TradingFill[] = [];
    const seen = new Set<string>();
    const keyOf = (f: FillView | TradingFill) => `${f.tradeId}|${f.orderId}`;
    const remember = (key: string) => {
      seen.add(key);
      if (seen.size > FILLS_KEPT * 5) seen.delete(seen.values().next().value!);
    };
    let loaded = false;
    const load = () => {
      const user = entry.userAgentId();
      if (loaded || user === null) return;
      loaded = true;
      const merge = (r: Awaited<ReturnType<typeof entry.port.recentFills>>) => {
        if (!r.ok) return;
        const known = r.value.map(tradingFill).filter((f) => !seen.has(keyOf(f)));
        for (const f of known) remember(keyOf(f));
        recent = [...known, ...recent].slice(-FILLS_KEPT);
      };
      const answer = entry.port.recentFills(user, FILLS_KEPT);
      if (answer instanceof Promise) void answer.then(merge);
      else merge(answer);
    };
    const stop = driven(
      entry,
      () => {
        load();
        if (pending.length === 0) return;
        const batch = pending;
        pending = [];
        emit({ fills: batch });
      },
      (event) => {
        if (event.kind !== 'order_filled' || seen.has(keyOf(event.fill))) return;
        const fill = tradingFill(event.fill);
        remember(keyOf(fill));
        recent = [...recent, fill].slice(-FILLS_KEPT);
        pending.push(fill);
      },
    );
    load();
    return ok({
      snapshot: () => {
        pending = [];
        return { fills: recent };
      },
      dispose: stop,
    });
  };

  const portfolio: StreamOpener<'trading.portfolio'> = ({ venue }, emit) => {
    const found = entryFor(venue);
    if (!found.ok) return found;
    const entry = found.value;
    const view = (): TradingPortfolio => {
      const user = entry.userAgentId();
      const answer = user === null ? null : entry.port.portfolio(user);
      return answer?.ok ? tradingPortfolio(venue, answer.value) : emptyPortfolio(venue, deps.clock.now());
    };
    const stop = driven(entry, () => emit(view()));
    return ok({ snapshot: view, dispose: stop });
  };

  const equity: StreamOpener<'trading.equity'> = ({ venue, agentId }, emit) => {
    const found = entryFor(venue);
    if (!found.ok) return found;
    const id = agentId ?? found.value.userAgentId() ?? '';
    const stop = deps.equity.listen(venue, id, (point) => emit({ agentId: id, points: [point] }));
    return ok({ snapshot: () => ({ agentId: id, points: deps.equity.points(venue, id) }), dispose: stop });
  };

  return {
    streams: {
      'trading.orders': orders,
      'trading.fills': fills,
      'trading.portfolio': portfolio,
      'trading.equity': equity,
    },
  } as const;
}

function tradingFill(f: FillView): TradingFill {
  return {
    orderId: f.orderId,
    ...(f.clientOrderId === undefined ? {} : { clientOrderId: f.clientOrderId }),
    tradeId: f.tradeId,
    symbol: f.symbol,
    side: f.side,
    price: f.price,
    quantity: f.quantity,
    remainingQuantity: f.remainingQuantity,
    liquidity: f.liquidity,
    fee: f.fee,
    feeAsset: f.feeAsset,
    time: f.time,
  };
}

export function tradingPortfolio(venue: string, p: PortfolioView): TradingPortfolio {
  return {
    venue,
    agentId: p.agentId,
    quoteAsset: p.quoteAsset,
    cash: p.cash,
    lockedCash: p.lockedCash,
    holdings: p.holdings.map((h) => ({ asset: h.asset, free: h.free, locked: h.locked })),
    positions: p.positions.map((x) => ({
      symbol: x.symbol,
      quantity: x.quantity,
      ...(x.averageCost === undefined ? {} : { averageCost: x.averageCost }),
      ...(x.markPrice === undefined ? {} : { markPrice: x.markPrice }),
      ...(x.unrealizedPnl === undefined ? {} : { unrealizedPnl: x.unrealizedPnl }),
      ...(x.realizedPnl === undefined ? {} : { realizedPnl: x.realizedPnl }),
    })),
    startingCapital: p.startingCapital,
    equity: p.equity,
    pnl: p.pnl,
    ...(p.realizedPnl === undefined ? {} : { realizedPnl: p.realizedPnl }),
    ...(p.unrealizedPnl === undefined ? {} : { unrealizedPnl: p.unrealizedPnl }),
    time: p.time,
  };
}

function emptyPortfolio(venue: string, time: number): TradingPortfolio {
  const zero = '0' as TradingPortfolio['cash'];
  return {
    venue,
    agentId: '',
    quoteAsset: '',
    cash: zero,
    lockedCash: zero,
    holdings: [],
    positions: [],
    startingCapital: zero,
    equity: zero,
    pnl: zero,
    time,
  };
}

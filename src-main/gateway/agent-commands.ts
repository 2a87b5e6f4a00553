/**
 * The trading requests of one connection: agent_register, add_order, cancel_order, get_portfolio.
 * Each is checked in full (registration, pause, symbol, order-type rules, grid) before the venue
 * is called, so a refused request never touches venue state; the hub holds the events of each venue
 * call until its response is sent, so the response precedes the events it caused. Orders and
 * cancels (the hot path) do this without a closure per request (`run`). Works with synchronous and
 * Promise-returning venues; Promises in flight are capped per connection.
 */
import type { SessionDeps } from './session';
import type { HubMember } from './hub';
import { checkAmount, checkOrder } from './instrument-index';
import type { ClientMessageOf, ReqId } from './protocol/client-messages';
import type { ResolvedAddOrder } from './protocol/decode';
import { gatewayError, type GatewayError } from './protocol/errors';
import { cancelResponseText, orderResponseText } from './protocol/encode-hot';
import { portfolioUpdate } from './protocol/outbound';
import type {
  Awaitable,
  CanceledOrder,
  CancelOrderRequest,
  OrderView,
  PlaceOrderRequest,
  VenuePort,
  VenueResult,
} from './venue-port';

/** A venue call of the hot path and its direct answer, as constants: no closure per request. */
interface VenueCall<R, T> {
  invoke(venue: VenuePort, request: R): Awaitable<VenueResult<T>>;
  answer(value: T, reqId: ReqId | undefined): string;
}
const PLACE: VenueCall<PlaceOrderRequest, OrderView> = {
  invoke: (venue, request) => venue.placeOrder(request),
  answer: orderResponseText,
};
const CANCEL: VenueCall<CancelOrderRequest, CanceledOrder> = {
  invoke: (venue, request) => venue.cancelOrder(request),
  answer: cancelResponseText,
};

export type Echo = {
  request?: string | undefined;
  reqId?: ReqId | undefined;
  clientOrderId?: string | undefined;
};

/** What the commands need from their session. */
export interface CommandHost {
  readonly member: HubMember;
  isOpen(): boolean;
  agentId(): string | null;
  bind(agentId: string): void;
  send(message: object): void;
  sendText(text: string): void;
  error(error: GatewayError, echo: Echo): void;
}

export class AgentCommands {
  private inFlight = 0;

  constructor(
    private readonly deps: SessionDeps,
    private readonly host: CommandHost,
  ) {}

  register(name: string, capital: string, echo: Echo): void {
    const current = this.host.agentId();
    if (current !== null) {
      return this.host.error(gatewayError('ALREADY_REGISTERED', `this connection is agent ${current}`), echo);
    }
    const amount = checkAmount(capital);
    if (!amount.ok) return this.host.error(amount.error, echo);
    const { agents, venue } = this.deps;
    const taken = () => gatewayError('AGENT_NAME_TAKEN', `agent "${name}" is connected elsewhere`);
    if (!agents.reserve(name)) return this.host.error(taken(), echo);
    let reserved = true;
    const unreserve = () => {
      if (reserved) agents.unreserve(name);
      reserved = false;
    };
    this.call(
      () => venue.registerAgent({ name, startingCapital: amount.value }),
      (registered) => {
        unreserve();
        if (!this.host.isOpen()) return;
        if (!agents.attach(registered.agentId, name, this.host.member)) return this.host.error(taken(), echo);
        this.host.bind(registered.agentId);
        this.host.send({
          type: 'agent_registered',
          agent_id: registered.agentId,
          name,
          resumed: !registered.created,
          ...reqIdOf(echo),
        });
        const view = venue.portfolio(registered.agentId);
        if (view.ok) this.host.send(portfolioUpdate(view.value));
      },
      echo,
      unreserve,
    );
  }

  addOrder(message: ResolvedAddOrder, baseEcho: Echo): void {
    const coid = message.client_order_id;
    const echo = coid === undefined ? baseEcho : { ...baseEcho, clientOrderId: coid };
    const agentId = this.requireAgent(echo);
    if (agentId === null) return;
    if (this.deps.agents.isPaused(agentId)) {
      return this.host.error(
        gatewayError('AGENT_PAUSED', 'this agent is paused by the user; orders are refused'),
        echo,
      );
    }
    const instrument = this.deps.instruments.get(message.symbol_id);
    if (!instrument) {
      return this.host.error(gatewayError('UNKNOWN_SYMBOL', `no instrument "${message.symbol_id}"`), echo);
    }
    const checked = checkOrder(agentId, instrument, message);
    if (!checked.ok) return this.host.error(checked.error, echo);
    this.run(PLACE, checked.request, echo);
  }

  cancel(message: ClientMessageOf<'cancel_order'>, echo: Echo): void {
    const agentId = this.requireAgent(echo);
    if (agentId === null) return;
    if (!this.deps.instruments.get(message.symbol_id)) {
      return this.host.error(gatewayError('UNKNOWN_SYMBOL', `no instrument "${message.symbol_id}"`), echo);
    }
    const orderId = String(message.orderId ?? message.order_id);
    this.run(CANCEL, { agentId, symbol: message.symbol_id, orderId }, echo);
  }

  portfolio(requested: string | undefined, echo: Echo): void {
    const agentId = this.requireAgent(echo);
    if (agentId === null) return;
    if (requested !== undefined && requested !== agentId) {
      return this.host.error(gatewayError('NOT_YOUR_AGENT', 'you may read only your own portfolio'), echo);
    }
    const view = this.deps.venue.portfolio(agentId);
    if (view.ok) this.host.send(portfolioUpdate(view.value, echo.reqId));
    else this.host.error(gatewayError(view.error.code, view.error.message), echo);
  }

  private requireAgent(echo: Echo): string | null {
    const agentId = this.host.agentId();
    if (agentId === null) this.host.error(gatewayError('NOT_REGISTERED', 'send agent_register first'), echo);
    return agentId;
  }

  /**
   * `call` for the hot path (orders, cancels): the same steps without a closure per request. The
   * venue's synchronous events are held until the answer is sent; a throw is INTERNAL.
   */
  private run<R, T>(call: VenueCall<R, T>, request: R, echo: Echo): void {
    if (this.inFlight >= this.deps.limits.maxInFlight) {
      return this.host.error(gatewayError('RATE_LIMITED', 'too many requests awaiting an answer'), echo);
    }
    const { hub, venue } = this.deps;
    const outer = hub.holdEvents();
    let result: Awaitable<VenueResult<T>> | undefined;
    let threw = false;
    let cause: unknown;
    try {
      result = call.invoke(venue, request);
    } catch (error) {
      threw = true;
      cause = error;
    }
    const held = hub.stopHolding(outer);
    try {
      if (threw || result === undefined) this.broken(cause, echo);
      else if (result instanceof Promise) this.later(result, (value) => call.answer(value, echo.reqId), echo);
      else if (result.ok) this.host.sendText(call.answer(result.value, echo.reqId));
      else this.host.error(gatewayError(result.error.code, result.error.message), echo);
    } finally {
      hub.dispatchHeld(held);
    }
  }

  /** An asynchronous venue's answer (durable venues): counted in flight until it settles. */
  private later<T>(result: Promise<VenueResult<T>>, text: (value: T) => string, echo: Echo): void {
    this.inFlight++;
    result.then(
      (settled) => {
        this.inFlight--;
        if (settled.ok) this.host.sendText(text(settled.value));
        else this.host.error(gatewayError(settled.error.code, settled.error.message), echo);
      },
      (cause: unknown) => {
        this.inFlight--;
        this.broken(cause, echo);
      },
    );
  }

  private broken(cause: unknown, echo: Echo): void {
    this.deps.log.error('venue call failed', { request: echo.request, cause: String(cause) });
    this.host.error(gatewayError('INTERNAL', `${echo.request ?? 'request'} failed on our side`), echo);
  }

  /** Run a venue call; answer with `onOk` or an error. A throw is a broken invariant: INTERNAL. */
  private call<T>(
    invoke: () => Awaitable<VenueResult<T>>,
    onOk: (value: T) => void,
    echo: Echo,
    onSettled: () => void = () => {},
  ): void {
    if (this.inFlight >= this.deps.limits.maxInFlight) {
      onSettled();
      return this.host.error(gatewayError('RATE_LIMITED', 'too many requests awaiting an answer'), echo);
    }
    const answer = (result: VenueResult<T>): void => {
      onSettled();
      if (result.ok) onOk(result.value);
      else this.host.error(gatewayError(result.error.code, result.error.message), echo);
    };
    const broken = (cause: unknown): void => {
      onSettled();
      this.broken(cause, echo);
    };
    const guarded = (): { ok: true; value: Awaitable<VenueResult<T>> } | { ok: false; cause: unknown } => {
      try {
        return { ok: true, value: invoke() };
      } catch (cause) {
        return { ok: false, cause };
      }
    };
    this.deps.hub.command(guarded, (outcome) => {
      if (!outcome.ok) return broken(outcome.cause);
      const result = outcome.value;
      if (!(result instanceof Promise)) return answer(result);
      this.inFlight++;
      result.then(
        (settled) => {
          this.inFlight--;
          answer(settled);
        },
        (cause: unknown) => {
          this.inFlight--;
          broken(cause);
        },
      );
    });
  }
}

export function reqIdOf(echo: Echo): { req_id?: ReqId } {
  return echo.reqId === undefined ? {} : { req_id: echo.reqId };
}

/**
 * One bot connection, transport-neutral: text in, text out. States: `auth` (only an `auth`
 * message is accepted; anything else closes with 1008) -> `open` -> `closed`. Every request gets
 * exactly one answer: its response or `{"type":"error","code","msg"}`. A request that fails
 * validation never reaches the venue, so it cannot change venue state. `receive` never throws.
 */
import type { Clock, Logger } from '../core/ports';
import { tokensMatch } from '../net/secret-token';
import type { AgentRegistry } from './agents';
import type { Hub, HubMember } from './hub';
import { checkAmount, checkOrder, type InstrumentIndex } from './instrument-index';
import type { GatewayLimits } from './limits';
import type { MarketDataPort } from './market-data-port';
import type { ReqId } from './protocol/client-messages';
import { decodeClientMessage, type DecodedMessage, type DecodeFailure } from './protocol/decode';
import { gatewayError, type GatewayError } from './protocol/errors';
import { cancelResponse, errorMessage, orderResponse, portfolioUpdate } from './protocol/outbound';
import type { ServerMessageOf } from './protocol/server-messages';
import { MarketSubscriptions } from './subscriptions';
import type { Awaitable, VenuePort, VenueResult } from './venue-port';

/** What a session needs from its transport. */
export interface SessionPeer {
  send(text: string): void;
  bufferedBytes(): number;
  close(code: number, reason: string): void;
  /** Drop at once, without a closing handshake (slow consumers). */
  terminate(): void;
}

export interface SessionDeps {
  readonly venue: VenuePort;
  readonly marketData: MarketDataPort;
  readonly instruments: InstrumentIndex;
  readonly agents: AgentRegistry<HubMember>;
  readonly hub: Hub;
  readonly token: string;
  readonly limits: GatewayLimits;
  readonly clock: Clock;
  readonly log: Logger;
}

type Echo = { request?: string; reqId?: ReqId | undefined; clientOrderId?: string | undefined };

export class GatewaySession implements HubMember {
  private state: 'auth' | 'open' | 'closed' = 'auth';
  private agentId: string | null = null;
  private inFlight = 0;
  private booksStale = false;
  private readonly conflated = new Map<string, string>();
  private readonly subscriptions: MarketSubscriptions;

  constructor(
    private readonly deps: SessionDeps,
    private readonly peer: SessionPeer,
  ) {
    this.subscriptions = new MarketSubscriptions(
      deps.marketData,
      deps.venue.venueId,
      deps.limits.maxSubscriptions,
      {
        send: (text) => this.sendText(text),
        sendConflated: (key, text) => this.sendConflated(key, text),
      },
    );
  }

  get isOpen(): boolean {
    return this.state === 'open';
  }

  get isAwaitingAuth(): boolean {
    return this.state === 'auth';
  }

  get agent(): string | null {
    return this.agentId;
  }

  /** The transport already checked an Authorization header: go straight to `open`. */
  authenticated(): void {
    if (this.state !== 'auth') return;
    this.state = 'open';
    this.deps.hub.add(this);
    const { venue, limits, clock } = this.deps;
    const welcome: ServerMessageOf<'welcome'> = {
      type: 'welcome',
      protocol: 1,
      venue: venue.venueId,
      trading: venue.available,
      server_time: clock.now(),
      limits: {
        max_payload_bytes: limits.maxPayloadBytes,
        messages_per_second: limits.messagesPerSecond,
        burst: limits.burst,
        max_subscriptions: limits.maxSubscriptions,
        heartbeat_ms: limits.heartbeatMs,
      },
    };
    this.send(welcome);
    const { hub } = this.deps;
    this.sendText(hub.instrumentsText());
    this.sendText(hub.booksText());
    this.sendText(hub.newsHistoryText());
    this.sendText(hub.agentsText());
  }

  /** One text frame from the bot. Never throws. */
  receive(text: string): void {
    if (this.state === 'closed') return;
    const decoded = decodeClientMessage(text);
    if (this.state === 'auth') return this.receiveAuth(decoded);
    if (!decoded.ok) return this.fail(decoded.failure);
    const message = decoded.message;
    const echo: Echo = { request: message.type, reqId: message.req_id };
    try {
      this.dispatch(message, echo);
    } catch (cause) {
      this.deps.log.error('gateway request failed', { type: message.type, cause: String(cause) });
      this.error(gatewayError('INTERNAL', `${message.type} failed on our side; nothing was applied`), echo);
    }
  }

  /** A binary frame: answered, then closed with 1003 (unsupported data). */
  receiveBinary(): void {
    this.error(gatewayError('BINARY_FRAME', 'send JSON as text frames'), {});
    this.close(1003, 'text frames only');
  }

  /** The auth deadline passed. */
  authTimedOut(): void {
    if (this.state !== 'auth') return;
    this.error(gatewayError('UNAUTHORIZED', 'no auth message in time'), {});
    this.close(1008, 'authentication timeout');
  }

  private receiveAuth(decoded: ReturnType<typeof decodeClientMessage>): void {
    if (
      decoded.ok &&
      decoded.message.type === 'auth' &&
      tokensMatch(this.deps.token, decoded.message.token)
    ) {
      return this.authenticated();
    }
    const reason = decoded.ok && decoded.message.type === 'auth' ? 'wrong token' : 'authenticate first';
    this.error(gatewayError('UNAUTHORIZED', reason), {});
    this.close(1008, reason);
  }

  private dispatch(message: DecodedMessage, echo: Echo): void {
    const { venue } = this.deps;
    switch (message.type) {
      case 'auth':
        return this.error(gatewayError('INVALID_MESSAGE', 'already authenticated'), echo);
      case 'ping':
        return this.send({ type: 'pong', server_time: this.deps.clock.now(), ...reqIdOf(echo) });
      case 'subscribe': {
        const failure = this.subscriptions.subscribe(message);
        return failure ? this.error(failure, echo) : undefined;
      }
      case 'unsubscribe': {
        const outcome = this.subscriptions.unsubscribe(message, echo.reqId);
        return typeof outcome === 'string' ? this.sendText(outcome) : this.error(outcome, echo);
      }
    }
    if (!venue.available) {
      return this.error(
        gatewayError('UNAVAILABLE', `trading on venue "${venue.venueId}" is not available yet`),
        echo,
      );
    }
    switch (message.type) {
      case 'agent_register':
        return this.register(message.name, message.starting_capital, echo);
      case 'add_order': {
        const orderEcho = { ...echo, clientOrderId: message.client_order_id };
        const agentId = this.requireAgent(orderEcho);
        if (agentId === null) return;
        if (this.deps.agents.isPaused(agentId)) {
          return this.error(
            gatewayError('AGENT_PAUSED', 'this agent is paused by the user; orders are refused'),
            orderEcho,
          );
        }
        const instrument = this.deps.instruments.get(message.symbol_id);
        if (!instrument) {
          return this.error(
            gatewayError('UNKNOWN_SYMBOL', `no instrument "${message.symbol_id}"`),
            orderEcho,
          );
        }
        const checked = checkOrder(agentId, instrument, message);
        if (!checked.ok) return this.error(checked.error, orderEcho);
        return this.call(
          () => venue.placeOrder(checked.request),
          (order) => this.send(orderResponse(order, echo.reqId)),
          orderEcho,
        );
      }
      case 'cancel_order': {
        const agentId = this.requireAgent(echo);
        if (agentId === null) return;
        if (!this.deps.instruments.get(message.symbol_id)) {
          return this.error(gatewayError('UNKNOWN_SYMBOL', `no instrument "${message.symbol_id}"`), echo);
        }
        const orderId = String(message.orderId ?? message.order_id);
        return this.call(
          () => venue.cancelOrder({ agentId, symbol: message.symbol_id, orderId }),
          (canceled) => this.send(cancelResponse(canceled, echo.reqId)),
          echo,
        );
      }
      case 'get_portfolio': {
        const agentId = this.requireAgent(echo);
        if (agentId === null) return;
        if (message.agent_id !== undefined && message.agent_id !== agentId) {
          return this.error(gatewayError('NOT_YOUR_AGENT', 'you may read only your own portfolio'), echo);
        }
        const view = venue.portfolio(agentId);
        return view.ok
          ? this.send(portfolioUpdate(view.value, echo.reqId))
          : this.error(gatewayError(view.error.code, view.error.message), echo);
      }
    }
  }

  private register(name: string, capital: string, echo: Echo): void {
    if (this.agentId !== null) {
      return this.error(gatewayError('ALREADY_REGISTERED', `this connection is agent ${this.agentId}`), echo);
    }
    const amount = checkAmount(capital);
    if (!amount.ok) return this.error(amount.error, echo);
    const { agents, venue } = this.deps;
    if (!agents.reserve(name)) {
      return this.error(gatewayError('AGENT_NAME_TAKEN', `agent "${name}" is connected elsewhere`), echo);
    }
    let reserved = true;
    const unreserve = () => {
      if (reserved) agents.unreserve(name);
      reserved = false;
    };
    this.call(
      () => venue.registerAgent({ name, startingCapital: amount.value }),
      (registered) => {
        unreserve();
        if (this.state !== 'open') return;
        if (!agents.attach(registered.agentId, name, this)) {
          return this.error(gatewayError('AGENT_NAME_TAKEN', `agent "${name}" is connected elsewhere`), echo);
        }
        this.agentId = registered.agentId;
        this.send({
          type: 'agent_registered',
          agent_id: registered.agentId,
          name,
          resumed: !registered.created,
          ...reqIdOf(echo),
        });
        const view = venue.portfolio(registered.agentId);
        if (view.ok) this.send(portfolioUpdate(view.value));
      },
      echo,
      unreserve,
    );
  }

  /** Run a venue call; answer with `onOk` or an error. Sync and async venues both work. */
  private call<T>(
    invoke: () => Awaitable<VenueResult<T>>,
    onOk: (value: T) => void,
    echo: Echo,
    onSettled: () => void = () => {},
  ): void {
    if (this.inFlight >= this.deps.limits.maxInFlight) {
      onSettled();
      return this.error(gatewayError('RATE_LIMITED', 'too many requests awaiting an answer'), echo);
    }
    const answer = (result: VenueResult<T>): void => {
      onSettled();
      if (result.ok) onOk(result.value);
      else this.error(gatewayError(result.error.code, result.error.message), echo);
    };
    const broken = (cause: unknown): void => {
      onSettled();
      this.deps.log.error('venue call failed', { request: echo.request, cause: String(cause) });
      this.error(gatewayError('INTERNAL', `${echo.request ?? 'request'} failed on our side`), echo);
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

  private requireAgent(echo: Echo): string | null {
    if (this.agentId === null) this.error(gatewayError('NOT_REGISTERED', 'send agent_register first'), echo);
    return this.agentId;
  }

  // --- output ----------------------------------------------------------------------------------

  private fail(failure: DecodeFailure): void {
    this.error(failure.error, failure);
  }

  private error(error: GatewayError, echo: Echo): void {
    this.send(errorMessage(error, echo));
  }

  private send(message: object): void {
    this.sendText(JSON.stringify(message));
  }

  sendText(text: string): void {
    if (this.state === 'closed') return;
    this.peer.send(text);
    if (this.peer.bufferedBytes() > this.deps.limits.maxBufferedBytes) {
      this.deps.log.warn('gateway dropped a slow consumer', { agentId: this.agentId });
      this.shutdown();
      this.peer.terminate();
    }
  }

  sendBooks(text: string): void {
    if (this.peer.bufferedBytes() > this.deps.limits.conflateBytes) this.booksStale = true;
    else this.sendText(text);
  }

  private sendConflated(key: string, text: string): void {
    if (this.peer.bufferedBytes() > this.deps.limits.conflateBytes) this.conflated.set(key, text);
    else this.sendText(text);
  }

  pump(): void {
    if (this.state !== 'open' || this.peer.bufferedBytes() > this.deps.limits.conflateBytes) return;
    if (this.booksStale) {
      this.booksStale = false;
      this.sendText(this.deps.hub.booksText());
    }
    for (const [key, text] of this.conflated) {
      this.conflated.delete(key);
      this.sendText(text);
    }
  }

  // --- lifecycle -------------------------------------------------------------------------------

  disconnect(code: number, reason: string): void {
    this.close(code, reason);
  }

  private close(code: number, reason: string): void {
    if (this.state === 'closed') return;
    this.shutdown();
    this.peer.close(code, reason);
  }

  /** The transport closed (or we are closing): release everything this connection holds. */
  shutdown(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.subscriptions.disposeAll();
    this.conflated.clear();
    this.deps.hub.remove(this);
    this.deps.agents.detach(this);
  }
}

function reqIdOf(echo: Echo): { req_id?: ReqId } {
  return echo.reqId === undefined ? {} : { req_id: echo.reqId };
}

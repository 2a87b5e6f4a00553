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
import { AgentCommands, reqIdOf, type Echo } from './agent-commands';
import type { InstrumentIndex } from './instrument-index';
import type { GatewayLimits } from './limits';
import type { MarketDataPort } from './market-data-port';
import { decodeClientMessage, type DecodedMessage, type DecodeFailure } from './protocol/decode';
import { gatewayError, type GatewayError } from './protocol/errors';
import { errorMessage } from './protocol/outbound';
import type { ServerMessageOf } from './protocol/server-messages';
import { MarketSubscriptions } from './subscriptions';
import type { VenuePort } from './venue-port';

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

export class GatewaySession implements HubMember {
  private state: 'auth' | 'open' | 'closed' = 'auth';
  private agentId: string | null = null;
  private booksStale = false;
  private readonly conflated = new Map<string, string>();
  private readonly subscriptions: MarketSubscriptions;
  private readonly commands: AgentCommands;

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
    this.commands = new AgentCommands(deps, {
      member: this,
      isOpen: () => this.state === 'open',
      agentId: () => this.agentId,
      bind: (agentId) => (this.agentId = agentId),
      send: (message) => this.send(message),
      sendText: (text) => this.sendText(text),
      error: (error, echo) => this.error(error, echo),
    });
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
        gatewayError(
          'UNAVAILABLE',
          `trading is not available: venue "${venue.venueId}" is not connected to the gateway yet`,
        ),
        echo,
      );
    }
    switch (message.type) {
      case 'agent_register':
        return this.commands.register(message.name, message.starting_capital, echo);
      case 'add_order':
        return this.commands.addOrder(message, echo);
      case 'cancel_order':
        return this.commands.cancel(message, echo);
      case 'get_portfolio':
        return this.commands.portfolio(message.agent_id, echo);
    }
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

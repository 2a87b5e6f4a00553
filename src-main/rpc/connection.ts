/**
 * One client of the contract (a window over IPC, a page over the host socket). Parses wire
 * envelopes, enforces per-connection limits, owns its subscriptions and releases every one of
 * them on close, so nothing leaks when a window or tab goes away.
 */
import { ClientMessageSchema, parseWith, type ServerMessage } from '../../src-shared/contract';
import { appError } from '../../src-shared/result';
import type { CallContext } from './handlers';
import type { ContractServer } from './server';
import type { Subscription } from './subscription';

export interface Peer {
  send(message: ServerMessage): void;
  /** Bytes queued towards the client but not yet written; 0 where the transport cannot tell. */
  bufferedBytes(): number;
}

export interface ConnectionLimits {
  readonly maxSubscriptions: number;
  /** Above this many queued bytes, deltas are skipped and replaced by a snapshot later. */
  readonly congestionBytes: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  maxSubscriptions: 256,
  congestionBytes: 4 * 1024 * 1024,
};

export class ContractConnection {
  private readonly subscriptions = new Map<number, Subscription>();
  private closed = false;

  constructor(
    private readonly server: ContractServer,
    private readonly peer: Peer,
    private readonly ctx: CallContext,
    private readonly limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS,
  ) {}

  /** Handle one decoded message from the client. Never throws. */
  receive(raw: unknown): void {
    if (this.closed) return;
    const parsed = parseWith(ClientMessageSchema, raw, 'message');
    if (!parsed.ok) {
      const id = idOf(raw);
      if (id !== null) this.send({ t: 'reply', id, result: parsed });
      return;
    }
    const message = parsed.value;
    switch (message.t) {
      case 'call':
        void this.server.call(message.name, message.input, this.ctx).then((result) => {
          this.send({ t: 'reply', id: message.id, result });
        });
        return;
      case 'sub':
        this.subscribe(message.id, message.name, message.params);
        return;
      case 'unsub':
        this.subscriptions.get(message.id)?.dispose();
        this.subscriptions.delete(message.id);
        return;
    }
  }

  /** Give stale subscriptions a chance to re-snapshot once the peer has drained. */
  pump(): void {
    for (const subscription of this.subscriptions.values()) subscription.pump();
  }

  get subscriptionCount(): number {
    return this.subscriptions.size;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const subscription of this.subscriptions.values()) subscription.dispose();
    this.subscriptions.clear();
  }

  private subscribe(id: number, name: string, params: unknown): void {
    const sink = {
      send: (event: ServerEvent) => this.send({ t: 'event', id, event }),
      congested: () => this.peer.bufferedBytes() > this.limits.congestionBytes,
    };
    if (this.subscriptions.has(id)) {
      sink.send({ kind: 'closed', error: appError('CONFLICT', `subscription id ${id} is in use`) });
      return;
    }
    if (this.subscriptions.size >= this.limits.maxSubscriptions) {
      const message = `at most ${this.limits.maxSubscriptions} subscriptions per connection`;
      sink.send({ kind: 'closed', error: appError('LIMIT_EXCEEDED', message) });
      return;
    }
    const subscription = this.server.open(name, params, this.ctx, sink, () => {
      this.subscriptions.delete(id);
    });
    if (subscription && !subscription.isClosed) this.subscriptions.set(id, subscription);
  }

  private send(message: ServerMessage): void {
    if (!this.closed) this.peer.send(message);
  }
}

type ServerEvent = Extract<ServerMessage, { t: 'event' }>['event'];

function idOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || !('id' in raw)) return null;
  const id = (raw as { id: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : null;
}

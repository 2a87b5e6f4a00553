/**
 * A connection's market-data subscriptions (`l2Book`, `trades` on any venue) through the
 * market-data port. One subscription per (channel, venue, symbol); the `subscribed` confirmation
 * always precedes the first update even when the port answers synchronously; every subscription
 * is disposed when the connection closes, and an update arriving after dispose is ignored.
 */
import type { ClientMessageOf, ReqId } from './protocol/client-messages';
import { gatewayError, type GatewayError } from './protocol/errors';
import { l2BookMessage, tradesMessage } from './protocol/outbound';
import type { ServerMessageOf } from './protocol/server-messages';
import type { L2BookUpdate, MarketDataPort, MarketDataSubscription, MarketTrade } from './market-data-port';

export interface SubscriptionSink {
  send(text: string): void;
  /** Latest-wins delivery for full book snapshots, keyed per subscription. */
  sendConflated(key: string, text: string): void;
}

const DEFAULT_DEPTH = 20;

export class MarketSubscriptions {
  private readonly active = new Map<string, MarketDataSubscription>();

  constructor(
    private readonly port: MarketDataPort,
    private readonly defaultVenue: string,
    private readonly maxSubscriptions: number,
    private readonly sink: SubscriptionSink,
  ) {}

  subscribe(message: ClientMessageOf<'subscribe'>): GatewayError | null {
    const venue = message.venue ?? this.defaultVenue;
    const key = `${message.channel}|${venue}|${message.symbol}`;
    if (this.active.has(key)) {
      return gatewayError(
        'ALREADY_SUBSCRIBED',
        `already subscribed to ${message.channel} ${venue} ${message.symbol}`,
      );
    }
    if (this.active.size >= this.maxSubscriptions) {
      return gatewayError('LIMIT_EXCEEDED', `at most ${this.maxSubscriptions} subscriptions per connection`);
    }
    const ack: ServerMessageOf<'subscribed'> = {
      type: 'subscribed',
      channel: message.channel,
      venue,
      symbol: message.symbol,
      ...(message.req_id === undefined ? {} : { req_id: message.req_id }),
    };
    // Until confirmed, updates the port delivers synchronously are held back (newest book, all trades).
    let confirmed = false;
    let disposed = false;
    let earlyBook: L2BookUpdate | null = null;
    const earlyTrades: MarketTrade[] = [];
    let opened;
    if (message.channel === 'l2Book') {
      const nSigFigs = message.nSigFigs ?? null;
      const depth = message.depth ?? DEFAULT_DEPTH;
      Object.assign(ack, { nSigFigs, depth });
      opened = this.port.subscribeL2Book({ venue, symbol: message.symbol, nSigFigs, depth }, (book) => {
        if (disposed) return;
        if (!confirmed) earlyBook = book;
        else this.sink.sendConflated(key, JSON.stringify(l2BookMessage(book)));
      });
    } else {
      opened = this.port.subscribeTrades({ venue, symbol: message.symbol }, (trades) => {
        if (disposed || trades.length === 0) return;
        if (!confirmed) earlyTrades.push(...trades);
        else this.sink.send(JSON.stringify(tradesMessage(venue, trades)));
      });
    }
    if (!opened.ok) return gatewayError(opened.error.code, opened.error.message);
    const inner = opened.value;
    this.active.set(key, {
      dispose: () => {
        disposed = true;
        inner.dispose();
      },
    });
    this.sink.send(JSON.stringify(ack));
    confirmed = true;
    if (earlyBook) this.sink.sendConflated(key, JSON.stringify(l2BookMessage(earlyBook)));
    if (earlyTrades.length > 0) this.sink.send(JSON.stringify(tradesMessage(venue, earlyTrades)));
    return null;
  }

  unsubscribe(message: ClientMessageOf<'unsubscribe'>, reqId: ReqId | undefined): GatewayError | string {
    const venue = message.venue ?? this.defaultVenue;
    const key = `${message.channel}|${venue}|${message.symbol}`;
    const subscription = this.active.get(key);
    if (!subscription) {
      return gatewayError(
        'NOT_SUBSCRIBED',
        `not subscribed to ${message.channel} ${venue} ${message.symbol}`,
      );
    }
    subscription.dispose();
    this.active.delete(key);
    const done: ServerMessageOf<'unsubscribed'> = {
      type: 'unsubscribed',
      channel: message.channel,
      venue,
      symbol: message.symbol,
      ...(reqId === undefined ? {} : { req_id: reqId }),
    };
    return JSON.stringify(done);
  }

  get size(): number {
    return this.active.size;
  }

  disposeAll(): void {
    for (const subscription of this.active.values()) subscription.dispose();
    this.active.clear();
  }
}

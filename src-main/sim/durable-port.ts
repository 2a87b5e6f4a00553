/**
 * The simulated venue as bots and the user see it: the same VenuePort, but nothing is acknowledged
 * before it is durable. A command's answer resolves only once the journal batch holding it has
 * committed (with a SQLite journal; a memory journal answers synchronously), and every event is
 * held until the batch of the command that caused it has committed, then delivered after the
 * answers of that batch (on the next macrotask), so a bot still sees its `order_response` before
 * the `order_filled` of that order, and never sees a fill that a crash could take back.
 *
 * Answers resolve in call order (the writer commits tickets in order; a rejection waits for the
 * commands before it). If the journal fails, pending answers become retryable UNAVAILABLE
 * rejections, held events are dropped (they never became durable) and the venue halts.
 */
import type {
  AmendOrderRequest,
  CancelAllRequest,
  CancelOrderRequest,
  PlaceOrderRequest,
  RegisterAgentRequest,
  VenueEvent,
  VenuePort,
  VenueResult,
} from '../gateway/venue-port';
import type { Journal } from './journal';
import type { SimVenue } from './venue';

/** Delivered events are dropped from the held arrays at the latest this many events on. */
const COMPACT_AFTER = 4096;

export class DurableVenuePort implements VenuePort {
  private readonly listeners = new Set<(event: VenueEvent) => void>();
  /**
   * Events held until durable and the ticket of each, in two parallel arrays from `head` on: no
   * object per held event (a session holds thousands between commits, and what outlives a young
   * generation collection is what the engine thread pays for).
   */
  private heldTickets: number[] = [];
  private heldEvents: VenueEvent[] = [];
  private head = 0;
  private waiting = false;

  constructor(
    private readonly venue: SimVenue,
    private readonly journal: Journal,
    private readonly defer: (fn: () => void) => void = (fn) => setImmediate(fn),
  ) {
    venue.onEvent((event, ticket) => {
      if (this.journal.synchronous) return this.deliver(event);
      this.heldTickets.push(ticket);
      this.heldEvents.push(event);
      this.scheduleRelease();
    });
  }

  get venueId(): string {
    return this.venue.venueId;
  }
  get available(): boolean {
    return this.venue.available;
  }
  instruments() {
    return this.venue.instruments();
  }

  registerAgent(request: RegisterAgentRequest) {
    return this.answer(this.venue.registerAgent(request));
  }
  placeOrder(request: PlaceOrderRequest) {
    return this.answer(this.venue.placeOrder(request));
  }
  cancelOrder(request: CancelOrderRequest) {
    return this.answer(this.venue.cancelOrder(request));
  }
  amendOrder(request: AmendOrderRequest) {
    return this.answer(this.venue.amendOrder(request));
  }
  cancelAll(request: CancelAllRequest) {
    return this.answer(this.venue.cancelAll(request));
  }

  openOrders(agentId: string) {
    return this.venue.openOrders(agentId);
  }
  recentFills(agentId: string, limit: number) {
    return this.venue.recentFills(agentId, limit);
  }
  portfolio(agentId: string) {
    return this.venue.portfolio(agentId);
  }
  agents() {
    return this.venue.agents();
  }
  newsHistory(limit: number) {
    return this.venue.newsHistory(limit);
  }
  books(depth: number, symbols?: readonly string[]) {
    return this.venue.books(depth, symbols);
  }

  onEvent(listener: (event: VenueEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The venue's answer as is (memory journal) or once it is durable. */
  private answer<T>(result: VenueResult<T>): VenueResult<T> | Promise<VenueResult<T>> {
    if (this.journal.synchronous) return result;
    // A rejection changed nothing: it only waits for the answers before it (call order).
    return this.journal.whenCommitted(this.journal.lastTicket).then((committed) =>
      committed.ok || !result.ok
        ? result
        : {
            ok: false as const,
            error: {
              code: 'UNAVAILABLE' as const,
              message: `not stored (${committed.error.message}); nothing was acknowledged`,
            },
          },
    );
  }

  private scheduleRelease(): void {
    if (this.waiting || this.head === this.heldTickets.length) return;
    this.waiting = true;
    const target = this.heldTickets[this.heldTickets.length - 1]!;
    void this.journal.whenCommitted(target).then((committed) => {
      if (!committed.ok) {
        this.dropHeld();
        this.waiting = false;
        return;
      }
      this.defer(() => {
        this.waiting = false;
        // Everything durable by now goes, not only what was held when this wait began: a burst
        // of commands committed together is delivered together (one portfolio update per agent).
        const durable = Math.max(target, this.journal.committedTicket);
        const tickets = this.heldTickets;
        const events = this.heldEvents;
        let n = this.head;
        while (n < tickets.length && tickets[n]! <= durable) n++;
        const from = this.head;
        this.head = n;
        for (let i = from; i < n; i++) this.deliver(events[i]!);
        if (this.head === this.heldTickets.length) this.dropHeld();
        else if (this.head >= COMPACT_AFTER) this.compactHeld();
        this.scheduleRelease();
      });
    });
  }

  /** Forgets delivered events while others are still held (a venue that never drains fully). */
  private compactHeld(): void {
    this.heldTickets = this.heldTickets.slice(this.head);
    this.heldEvents = this.heldEvents.slice(this.head);
    this.head = 0;
  }

  private dropHeld(): void {
    this.heldTickets = [];
    this.heldEvents = [];
    this.head = 0;
  }

  private deliver(event: VenueEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

/**
 * The simulated venue as bots and the user see it: the same VenuePort, but nothing is acknowledged
 * before it is durable. A command's answer resolves only once the journal batch holding it has
 * committed (with a SQLite journal; a memory journal answers synchronously), and every event is
 * held until the batch of the command that caused it has committed, then delivered after the
 * answers of that batch (on the next macrotask), so a bot still sees its `order_response` before
 * the `order_filled` of that order, and never sees a fill that a crash could take back.
 *
 * The "changed, read it again" notices (`book`, `portfolio`, `agents`: most events, one or more per
 * command) are coalesced while held, as the VenuePort allows: each is held once, and delivered
 * once per release that covers an occurrence of it, after that release's other events (a reader
 * reads the current view either way). An occurrence after the released ticket keeps it held for
 * the next release, so every change is followed by its notice once durable.
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

type Notice = Extract<VenueEvent, { kind: 'book' | 'portfolio' | 'agents' }>;

/** A notice's place in the hold: the tickets of its first and last undelivered occurrences. */
interface HeldNotice {
  readonly event: Notice;
  first: number;
  last: number;
  held: boolean;
}

function isNotice(event: VenueEvent): event is Notice {
  return event.kind === 'book' || event.kind === 'portfolio' || event.kind === 'agents';
}

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
  /** Every notice seen (the venue reuses one object per symbol and agent), and those held now. */
  private readonly notices = new Map<Notice, HeldNotice>();
  private heldNotices: HeldNotice[] = [];
  /** The highest ticket held (events or notices). */
  private heldUpTo = 0;
  private waiting = false;

  constructor(
    private readonly venue: SimVenue,
    private readonly journal: Journal,
    private readonly defer: (fn: () => void) => void = (fn) => setImmediate(fn),
  ) {
    venue.onEvent((event, ticket) => {
      if (this.journal.synchronous) return this.deliver(event);
      if (isNotice(event)) this.holdNotice(event, ticket);
      else {
        this.heldTickets.push(ticket);
        this.heldEvents.push(event);
      }
      this.heldUpTo = ticket;
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

  private holdNotice(event: Notice, ticket: number): void {
    let held = this.notices.get(event);
    if (!held) this.notices.set(event, (held = { event, first: ticket, last: ticket, held: false }));
    if (!held.held) {
      held.held = true;
      held.first = ticket;
      this.heldNotices.push(held);
    }
    held.last = ticket;
  }

  private get holding(): boolean {
    return this.head < this.heldTickets.length || this.heldNotices.length > 0;
  }

  private scheduleRelease(): void {
    if (this.waiting || !this.holding) return;
    this.waiting = true;
    const target = this.heldUpTo;
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
        this.release(Math.max(target, this.journal.committedTicket));
        this.scheduleRelease();
      });
    });
  }

  /** Delivers what is held up to `durable`: events in order, then the notices they cover. */
  private release(durable: number): void {
    const tickets = this.heldTickets;
    const events = this.heldEvents;
    let n = this.head;
    while (n < tickets.length && tickets[n]! <= durable) n++;
    const from = this.head;
    this.head = n;
    for (let i = from; i < n; i++) this.deliver(events[i]!);
    if (this.head === this.heldTickets.length) this.dropEvents();
    else if (this.head >= COMPACT_AFTER) this.compactHeld();
    const notices = this.heldNotices;
    let kept = 0;
    for (const held of notices) {
      if (held.first > durable) {
        notices[kept++] = held;
        continue;
      }
      this.deliver(held.event);
      // A later occurrence is not durable yet: its notice comes with a later release.
      if (held.last > durable) {
        held.first = held.last;
        notices[kept++] = held;
      } else held.held = false;
    }
    notices.length = kept;
  }

  /** Forgets delivered events while others are still held (a venue that never drains fully). */
  private compactHeld(): void {
    this.heldTickets = this.heldTickets.slice(this.head);
    this.heldEvents = this.heldEvents.slice(this.head);
    this.head = 0;
  }

  private dropEvents(): void {
    this.heldTickets = [];
    this.heldEvents = [];
    this.head = 0;
  }

  private dropHeld(): void {
    this.dropEvents();
    for (const held of this.heldNotices) held.held = false;
    this.heldNotices = [];
  }

  private deliver(event: VenueEvent): void {
    for (const listener of this.listeners) listener(event);
  }
}

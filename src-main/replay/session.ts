/**
 * One loaded recording, ready to step through: a replay venue per recorded venue (`replay:<id>`,
 * the venue's own connector code fed from the recording; the simulated venue rebuilt from its
 * journal), the virtual time, and the timeline. `step()` replays the next item: time moves to it
 * (firing due timers), the item goes to its venue, and promise continuations settle before it
 * returns, so the state after item n is the same on every run. `reset()` goes back to the start.
 */
import type { Logger } from '../core/ports';
import type { VenueDescriptor } from '../venues/catalog';
import { bookHash } from './book-hash';
import { SimFeed } from './sim-feed';
import type { ReplaySource } from './source';
import { StreamFeed, type ReplayFeed } from './stream-feed';
import { Timeline, type TimelineItem } from './timeline';
import type { ReplayVenueConnector } from './replay-venue';
import { VirtualTime } from './virtual-time';

/** Lets every pending promise continuation run (a macrotask turn drains the microtask queue). */
export const settleMicrotasks = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export interface BookFingerprint {
  readonly venue: string;
  readonly symbol: string;
  readonly status: string;
  readonly hash: string;
}

export class ReplaySession {
  private readonly streams = new Map<string, StreamFeed>();
  private readonly sim: SimFeed | null;
  private time: VirtualTime;
  private timeline: Timeline;
  private readonly beforeListeners = new Set<(index: number) => void>();

  constructor(
    readonly source: ReplaySource,
    catalog: readonly VenueDescriptor[],
    private readonly log: Logger,
    private readonly settle: () => Promise<void> = settleMicrotasks,
  ) {
    const { recording } = source;
    for (const { venue, recovery } of recording.meta.venues) {
      const adapter = catalog.find((v) => v.id === venue)?.adapter;
      if (!adapter) {
        log.warn('replay: recorded venue unknown to this build, skipped', { venue });
        continue;
      }
      this.streams.set(venue, new StreamFeed(adapter, source.instruments.get(venue) ?? [], log, recovery));
    }
    const sim = recording.meta.sim;
    this.sim =
      sim && recording.sim
        ? new SimFeed({
            settings: sim.settings,
            seed: sim.seed,
            fromSeq: recording.sim.fromSeq,
            journalUpTo: (seq) => source.journalUpTo(seq),
            log,
          })
        : null;
    this.time = new VirtualTime(recording.startedTs);
    this.timeline = new Timeline(source);
  }

  /** The replay venues, one per recorded venue. */
  get connectors(): ReplayVenueConnector[] {
    const feeds: ReplayFeed[] = [...this.streams.values(), ...(this.sim ? [this.sim] : [])];
    return feeds.map((f) => f.connector);
  }

  get position(): number {
    return this.timeline.position;
  }

  get total(): number {
    return this.timeline.total;
  }

  /** The replay's clock: the receipt time of the item replayed last. */
  get now(): number {
    return this.time.now();
  }

  /** Back to the start of the recording with fresh venues (listeners on the replay venues stay). */
  async reset(): Promise<void> {
    this.time.clear();
    this.time = new VirtualTime(this.source.recording.startedTs);
    this.timeline = new Timeline(this.source);
    for (const feed of this.streams.values()) await feed.reset(this.time);
    await this.sim?.reset(this.time);
    await this.settle();
  }

  /** The time of the next item without taking it, or null at the end. */
  peekTime(): number | null {
    return this.timeline.peek()?.at ?? null;
  }

  /** Replays the next item; false at the end of the recording. */
  async step(): Promise<boolean> {
    const item = this.timeline.next();
    if (item === null) return false;
    await this.time.advanceTo(item.at, this.settle);
    for (const listener of this.beforeListeners) listener(this.timeline.position - 1);
    this.apply(item);
    await this.settle();
    return true;
  }

  /**
   * Hears each item's index just before it is applied (time has moved to it and due timers fired):
   * the same moment a recording tap hears the frame live, so book states can be compared there.
   */
  beforeItem(listener: (index: number) => void): () => void {
    this.beforeListeners.add(listener);
    return () => this.beforeListeners.delete(listener);
  }

  /** The fingerprint of every book of every replay venue, in a fixed order. */
  fingerprints(): BookFingerprint[] {
    const out: BookFingerprint[] = [];
    for (const connector of this.connectors) {
      for (const symbol of [...connector.watched()].sort()) {
        const state = connector.bookState(symbol);
        out.push({ venue: connector.venue, symbol, status: state?.status ?? 'none', hash: bookHash(state) });
      }
    }
    return out;
  }

  /** The simulated venue's last replayed journal entry, or null without a simulated venue. */
  simSeq(): number | null {
    return this.sim ? this.sim.lastSeq : null;
  }

  /** The simulated venue's engine state hash, or null when the recording has no simulated venue. */
  simStateHash(): string | null {
    return this.sim ? this.sim.stateHash() : null;
  }

  close(): void {
    this.time.clear();
    for (const feed of this.streams.values()) feed.close();
    this.sim?.close();
    this.source.close();
  }

  private apply(item: TimelineItem): void {
    if (item.kind === 'sim') {
      this.sim?.apply(item.row);
      return;
    }
    const feed = this.streams.get(item.frame.venue);
    if (feed) feed.apply(item.frame);
    else this.log.debug('replay: frame of a venue not replayed', { venue: item.frame.venue });
  }
}

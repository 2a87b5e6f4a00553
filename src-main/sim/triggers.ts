/**
 * Stops, stop-limits and brackets on the simulated venue: the trigger layer (a VenuePort
 * decorator, src-main/trading/triggers) around the venue's durable port, with its records journaled
 * as `sim.trigger` entries in the sim's own journal. A restart replays them (the latest record of
 * each trigger wins) before the agents run again, so a pending stop is never lost nor missed.
 *
 * Trigger order ids live far above the engine's sequential ids (which start at 1) so the two never
 * collide and both stay positive integers, as the contract's order ids are.
 */
import type { Clock, Logger } from '../core/ports';
import type { VenuePort } from '../gateway/venue-port';
import type { TriggerRecord, TriggerStore } from '../trading/triggers/records';
import { TriggerVenue } from '../trading/triggers/trigger-venue';
import type { CommandPipeline } from './pipeline';

export const SIM_TRIGGER_KIND = 'sim.trigger';
export const SIM_TRIGGER_ID_BASE = 9_000_000_000_000_000;

export class SimTriggers implements TriggerStore {
  readonly port: TriggerVenue;
  private readonly latest = new Map<string, TriggerRecord>();
  private lastId = SIM_TRIGGER_ID_BASE;

  constructor(
    inner: VenuePort,
    private readonly pipeline: CommandPipeline,
    private readonly flush: () => Promise<unknown>,
    clock: Clock,
    log: Logger,
  ) {
    this.port = new TriggerVenue({
      inner,
      now: () => clock.now(),
      ids: () => String(++this.lastId),
      store: this,
      log: log.child({ component: 'triggers' }),
    });
  }

  /** A journaled record read back on replay (sequence order). */
  replayed(record: TriggerRecord): void {
    this.latest.set(record.id, record);
    this.lastId = Math.max(this.lastId, Number(record.id));
  }

  /** Hands the replayed triggers to the trigger layer (once the venue's instruments are known). */
  restore(): void {
    this.port.restore([...this.latest.values()].filter((r) => r.state !== 'canceled'));
    this.latest.clear();
  }

  save(record: TriggerRecord): void {
    this.pipeline.append(SIM_TRIGGER_KIND, record.updatedAt, record);
  }

  durable(): Promise<unknown> {
    return this.flush();
  }
}

/**
 * The trigger layer's state around its trigger book: the wrapped venue's instruments (grids),
 * each trigger's time in force, saving to and restoring from a TriggerStore, and reconciling
 * restored bracket legs with their entries. TriggerVenue adds the port's calls on top.
 */
import type { TimeInForce } from '../../../src-shared/domain';
import type { Logger } from '../../core/ports';
import { silentLogger } from '../../core/ports';
import { TriggerBook, type PriceSource, type Trigger, type TriggerAction } from '../../core/triggers';
import type { OrderView, VenuePort } from '../../gateway/venue-port';
import { marketOf, type Market } from './checks';
import { fromRecord, toRecord, type TriggerRecord, type TriggerStore } from './records';
import { TriggerEvents } from './trigger-events';
import { pendingView, type TriggerMeta } from './views';

export interface TriggerVenueOptions {
  readonly inner: VenuePort;
  readonly now: () => number;
  /** Ids for trigger orders; they must not collide with the venue's own order ids. */
  readonly ids?: () => string;
  readonly store?: TriggerStore;
  /** Records saved by `store` before a restart. */
  readonly restored?: readonly TriggerRecord[];
  /** What new triggers watch (default: trade prints). */
  readonly priceSource?: PriceSource;
  readonly log?: Logger;
}

export abstract class TriggerState extends TriggerEvents {
  private readonly markets = new Map<string, Market>();
  private readonly tifs = new Map<string, TimeInForce>();
  private nextId = 1;

  constructor(protected readonly options: TriggerVenueOptions) {
    super(new TriggerBook(), options.log ?? silentLogger);
  }

  protected setTif(id: string, tif: TimeInForce): void {
    this.tifs.set(id, tif);
  }

  /** Brings back trigger records saved before a restart (once the venue knows its instruments). */
  restore(records: readonly TriggerRecord[]): void {
    for (const record of records) this.restoreRecord(record);
    this.reconcileEntries();
  }

  /**
   * After a restart, legs follow what their entries did since the legs were last saved (a crash
   * can fall between an entry's fill and its legs' re-sizing): an entry still open gives its filled
   * quantity; a closed one, the sum of its recent fills. Venues that answer asynchronously are left
   * as recorded.
   */
  private reconcileEntries(): void {
    for (const [entryId, entry] of [...this.entries]) {
      const leg = this.book.all().find((t) => t.parent === entryId);
      const market = leg && this.market(leg.symbol);
      if (!leg || !market) continue;
      const open = this.options.inner.openOrders(leg.owner);
      const fills = this.options.inner.recentFills(leg.owner, 1000);
      if (open instanceof Promise || fills instanceof Promise || !open.ok || !fills.ok) continue;
      const lots = (size: string) => {
        const parsed = market.grid.sizeToLots(size);
        return parsed.ok ? parsed.value : 0;
      };
      const order = open.value.find((o) => o.orderId === entryId);
      if (order) {
        entry.filled = order.filledQuantity === '0' ? 0 : lots(order.filledQuantity);
        this.enqueue(this.book.onEntryFilled(entryId, entry.filled));
      } else {
        const filled = fills.value
          .filter((f) => f.orderId === entryId)
          .reduce((n, f) => n + lots(f.quantity), 0);
        this.entries.delete(entryId);
        this.enqueue(this.book.onEntryClosed(entryId, Math.max(filled, leg.qty)));
      }
    }
  }

  // --- hooks for TriggerEvents -----------------------------------------------------------------
  protected market(symbol: string): Market | undefined {
    let market = this.markets.get(symbol);
    if (!market) {
      const spec = this.options.inner.instruments().find((i) => i.symbol === symbol);
      if (!spec) return undefined;
      this.markets.set(symbol, (market = marketOf(spec)));
    }
    return market;
  }

  protected inner(): VenuePort {
    return this.options.inner;
  }

  protected now(): number {
    return this.options.now();
  }

  protected tifOf(id: string): TimeInForce {
    return this.tifs.get(id) ?? 'IOC';
  }

  protected save(trigger: Trigger, releasedAs: string | null = null): void {
    const market = this.market(trigger.symbol);
    if (!this.options.store || !market) return;
    this.options.store.save(
      toRecord(trigger, market.grid, {
        timeInForce: this.tifOf(trigger.id) as TriggerRecord['timeInForce'],
        entryOpen: trigger.parent !== null && this.entries.has(trigger.parent),
        releasedAs,
        at: this.options.now(),
      }),
    );
  }

  protected newId(): string {
    return this.options.ids?.() ?? `t${this.nextId++}`;
  }

  private restoreRecord(record: TriggerRecord): void {
    const market = this.market(record.symbol);
    const trigger = market ? fromRecord(record, market.grid) : null;
    if (!trigger) {
      this.log.warn('trigger record not restorable', { id: record.id, symbol: record.symbol });
      return;
    }
    this.tifs.set(trigger.id, record.timeInForce);
    if (record.state === 'armed' || record.state === 'waiting_entry') {
      this.book.restore(trigger, record.entryOpen);
      if (record.entryOpen && record.parent !== null && !this.entries.has(record.parent))
        this.entries.set(record.parent, { filled: trigger.qty });
      this.announced.add(trigger.id);
    } else if (record.state === 'triggered' && record.releasedAs !== null) {
      const meta: TriggerMeta = {
        info: this.infoOf(trigger, 'triggered'),
        clientOrderId: trigger.clientOrderId,
      };
      this.released.set(record.releasedAs, { triggerId: trigger.id, meta });
      this.byTrigger.set(trigger.id, record.releasedAs);
    }
  }

  protected act(action: TriggerAction): void {
    this.enqueue([action]);
  }

  protected viewOf(trigger: Trigger): OrderView {
    return pendingView(trigger, this.market(trigger.symbol)!.grid, this.tifOf(trigger.id), this.paper);
  }
}

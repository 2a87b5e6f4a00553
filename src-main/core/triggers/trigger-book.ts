/**
 * The trigger state machine: pending stop orders and bracket legs for any venue. Pure and
 * deterministic: prices arrive in event order (`onPrice`), triggers are checked in the order they
 * were created, and every call returns the actions its owner must carry out, in order.
 *
 * Lifecycle:
 * - addStop: armed at once (a stop whose price was already reached is refused by the caller,
 *   see `wouldFire`).
 * - addBracket: two legs waiting for their entry. Each fill of the entry re-sizes both legs to the
 *   entry's filled quantity (`onEntryFilled`) and arms them. An entry canceled with nothing filled
 *   cancels its legs; canceled after a partial fill, the legs stay sized to what filled.
 * - onPrice: every armed trigger whose price was reached fires (action `release`); a firing leg
 *   cancels its sibling (`oco`) and, if the entry still rests, asks for the entry's remainder to be
 *   canceled (`cancel_entry`), so the position never grows past what the legs protect. A sibling
 *   canceled by an earlier trigger in the same event does not fire.
 * - cancel: removes one pending trigger (a leg's sibling stays).
 * Fired and canceled triggers leave the book; the owner keeps track of released orders.
 */
import {
  directionFor,
  reached,
  type PriceSource,
  type Trigger,
  type TriggerAction,
  type TriggerCancelReason,
  type TriggerKind,
  type TriggerSide,
} from './types';

export interface NewStop {
  readonly id: string;
  readonly owner: string;
  readonly symbol: string;
  readonly kind: 'stop_market' | 'stop_limit';
  readonly side: TriggerSide;
  readonly triggerTicks: number;
  readonly limitTicks?: number;
  readonly qty: number;
  readonly source?: PriceSource;
  readonly clientOrderId?: string;
  readonly at: number;
}

export interface NewBracket {
  readonly entryId: string;
  readonly owner: string;
  readonly symbol: string;
  readonly entrySide: TriggerSide;
  readonly takeProfit?: { readonly id: string; readonly ticks: number };
  readonly stopLoss?: { readonly id: string; readonly ticks: number };
  readonly source?: PriceSource;
  readonly at: number;
}

export class TriggerBook {
  private readonly triggers = new Map<string, Trigger>();
  private readonly legsByEntry = new Map<string, string[]>();
  /** Entries with legs that are still resting (not yet filled or canceled). */
  private readonly openEntries = new Set<string>();
  private readonly last = new Map<string, number>();

  get size(): number {
    return this.triggers.size;
  }

  get(id: string): Trigger | undefined {
    return this.triggers.get(id);
  }

  all(): Trigger[] {
    return [...this.triggers.values()];
  }

  /** The last price seen for a symbol from a source, if any. */
  lastPrice(symbol: string, source: PriceSource = 'last'): number | undefined {
    return this.last.get(`${source}:${symbol}`);
  }

  /** True when a trigger on `side` at `ticks` would fire on the last price already seen. */
  wouldFire(
    symbol: string,
    kind: TriggerKind,
    side: TriggerSide,
    ticks: number,
    source: PriceSource = 'last',
  ): boolean {
    const price = this.lastPrice(symbol, source);
    return price !== undefined && reached(directionFor(kind, side), ticks, price);
  }

  addStop(stop: NewStop): Trigger {
    this.mustBeNew(stop.id);
    const trigger: Trigger = {
      id: stop.id,
      owner: stop.owner,
      symbol: stop.symbol,
      kind: stop.kind,
      side: stop.side,
      direction: directionFor(stop.kind, stop.side),
      triggerTicks: stop.triggerTicks,
      limitTicks: stop.kind === 'stop_limit' ? (stop.limitTicks ?? null) : null,
      qty: stop.qty,
      source: stop.source ?? 'last',
      state: 'armed',
      parent: null,
      sibling: null,
      clientOrderId: stop.clientOrderId ?? null,
      createdAt: stop.at,
    };
    if (trigger.kind === 'stop_limit' && trigger.limitTicks === null)
      throw new Error('stop_limit needs a limit');
    this.triggers.set(trigger.id, trigger);
    return trigger;
  }

  addBracket(bracket: NewBracket): Trigger[] {
    const side: TriggerSide = bracket.entrySide === 'buy' ? 'sell' : 'buy';
    const legs: Array<[TriggerKind, { id: string; ticks: number }]> = [];
    if (bracket.takeProfit) legs.push(['take_profit', bracket.takeProfit]);
    if (bracket.stopLoss) legs.push(['stop_loss', bracket.stopLoss]);
    for (const [, leg] of legs) this.mustBeNew(leg.id);
    const made = legs.map(([kind, leg], i): Trigger => ({
      id: leg.id,
      owner: bracket.owner,
      symbol: bracket.symbol,
      kind,
      side,
      direction: directionFor(kind, side),
      triggerTicks: leg.ticks,
      limitTicks: null,
      qty: 0,
      source: bracket.source ?? 'last',
      state: 'waiting_entry',
      parent: bracket.entryId,
      sibling: legs[1 - i]?.[1].id ?? null,
      clientOrderId: null,
      createdAt: bracket.at,
    }));
    for (const leg of made) this.triggers.set(leg.id, leg);
    if (made.length > 0) {
      this.legsByEntry.set(
        bracket.entryId,
        made.map((l) => l.id),
      );
      this.openEntries.add(bracket.entryId);
    }
    return made;
  }

  /**
   * Restores a trigger recorded earlier (restart); its links are kept as recorded. `entryOpen`:
   * for a leg, whether its entry still rests.
   */
  restore(trigger: Trigger, entryOpen = false): void {
    this.mustBeNew(trigger.id);
    this.triggers.set(trigger.id, trigger);
    if (trigger.parent !== null) {
      if (entryOpen) this.openEntries.add(trigger.parent);
      const legs = this.legsByEntry.get(trigger.parent) ?? [];
      legs.push(trigger.id);
      this.legsByEntry.set(trigger.parent, legs);
    }
  }

  /** The entry `entryId` has now filled `filledQty` lots in total. */
  onEntryFilled(entryId: string, filledQty: number): TriggerAction[] {
    const actions: TriggerAction[] = [];
    for (const leg of this.legsOf(entryId)) {
      if (leg.qty === filledQty) continue;
      const resized: Trigger = { ...leg, qty: filledQty, state: filledQty > 0 ? 'armed' : leg.state };
      this.triggers.set(leg.id, resized);
      actions.push({ kind: 'resized', trigger: resized });
    }
    return actions;
  }

  /** The entry left the book: filled, or canceled with `filledQty` lots filled. */
  onEntryClosed(entryId: string, filledQty: number): TriggerAction[] {
    const actions = this.onEntryFilled(entryId, filledQty);
    if (filledQty === 0) {
      for (const leg of this.legsOf(entryId)) actions.push(this.drop(leg, 'canceled', 'entry_canceled'));
    }
    this.legsByEntry.delete(entryId);
    this.openEntries.delete(entryId);
    return actions;
  }

  /** A price from `source` for `symbol`, in event order. */
  onPrice(symbol: string, ticks: number, source: PriceSource = 'last'): TriggerAction[] {
    this.last.set(`${source}:${symbol}`, ticks);
    const actions: TriggerAction[] = [];
    for (const trigger of [...this.triggers.values()]) {
      if (trigger.symbol !== symbol || trigger.source !== source || trigger.state !== 'armed') continue;
      if (!this.triggers.has(trigger.id)) continue; // canceled by a sibling in this event
      if (!reached(trigger.direction, trigger.triggerTicks, ticks)) continue;
      actions.push(this.drop(trigger, 'triggered'));
      if (trigger.sibling !== null) {
        const sibling = this.triggers.get(trigger.sibling);
        if (sibling) actions.push(this.drop(sibling, 'canceled', 'oco'));
      }
      if (trigger.parent !== null && this.openEntries.delete(trigger.parent)) {
        actions.push({ kind: 'cancel_entry', entryId: trigger.parent, owner: trigger.owner, symbol });
      }
    }
    return actions;
  }

  /** Cancels a pending trigger; null when there is none with that id. */
  cancel(id: string, reason: TriggerCancelReason = 'requested'): TriggerAction | null {
    const trigger = this.triggers.get(id);
    return trigger ? this.drop(trigger, 'canceled', reason) : null;
  }

  private drop(
    trigger: Trigger,
    state: 'triggered' | 'canceled',
    reason?: TriggerCancelReason,
  ): TriggerAction {
    this.triggers.delete(trigger.id);
    if (trigger.parent !== null) {
      const legs = this.legsByEntry.get(trigger.parent)?.filter((id) => id !== trigger.id);
      if (legs && legs.length > 0) this.legsByEntry.set(trigger.parent, legs);
      else this.legsByEntry.delete(trigger.parent);
    }
    const done: Trigger = { ...trigger, state };
    return state === 'triggered'
      ? { kind: 'release', trigger: done }
      : { kind: 'canceled', trigger: done, reason: reason ?? 'requested' };
  }

  private legsOf(entryId: string): Trigger[] {
    return (this.legsByEntry.get(entryId) ?? []).flatMap((id) => this.triggers.get(id) ?? []);
  }

  private mustBeNew(id: string): void {
    if (this.triggers.has(id)) throw new Error(`duplicate trigger id ${id}`);
  }
}

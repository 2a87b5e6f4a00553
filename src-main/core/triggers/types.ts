/**
 * Vocabulary of trigger orders, venue-agnostic: prices are integer ticks on the instrument's grid,
 * quantities integer lots, ids opaque strings chosen by the layer that owns the venue.
 *
 * - stop_market / stop_limit: a buy fires when the price rises to its trigger (price >= trigger),
 *   a sell when it falls to it (price <= trigger); firing releases a market (IOC) or limit (GTC)
 *   order of the same size.
 * - take_profit / stop_loss: the two legs of a bracket attached to an entry order. Legs close what
 *   the entry opened (opposite side), are sized to the entry's FILLED quantity (re-sized on every
 *   partial fill) and are one-cancels-other: when one fires, the other is canceled. After a buy
 *   entry the take-profit fires on a rise to its price and the stop-loss on a fall; after a sell
 *   entry the other way round. Both legs release market orders.
 */
export type TriggerSide = 'buy' | 'sell';
export type TriggerKind = 'stop_market' | 'stop_limit' | 'take_profit' | 'stop_loss';
/** rise: fires when price >= trigger; fall: when price <= trigger. */
export type TriggerDirection = 'rise' | 'fall';
/** What prices a trigger watches: trade prints (default) or a mark price. */
export type PriceSource = 'last' | 'mark';
/**
 * waiting_entry: a leg whose entry has not filled yet (size 0);
 * armed: watching prices; triggered: fired (its order was released); canceled: gone unfired.
 */
export type TriggerState = 'waiting_entry' | 'armed' | 'triggered' | 'canceled';

export interface Trigger {
  readonly id: string;
  readonly owner: string;
  readonly symbol: string;
  readonly kind: TriggerKind;
  /** The side of the order it releases. */
  readonly side: TriggerSide;
  readonly direction: TriggerDirection;
  readonly triggerTicks: number;
  /** stop_limit only: the released limit's price. */
  readonly limitTicks: number | null;
  /** Lots the released order will have (legs: the entry's filled quantity). */
  readonly qty: number;
  readonly source: PriceSource;
  readonly state: TriggerState;
  /** Legs: the entry order they protect, and the other leg. */
  readonly parent: string | null;
  readonly sibling: string | null;
  readonly clientOrderId: string | null;
  readonly createdAt: number;
}

export type TriggerCancelReason = 'requested' | 'oco' | 'entry_canceled' | 'release_failed';

/** What the owner of the triggers must do, in order, after a call. */
export type TriggerAction =
  | { readonly kind: 'release'; readonly trigger: Trigger }
  | { readonly kind: 'canceled'; readonly trigger: Trigger; readonly reason: TriggerCancelReason }
  | { readonly kind: 'resized'; readonly trigger: Trigger }
  /** A leg fired while its entry still rests: the entry's unfilled remainder must be canceled. */
  | {
      readonly kind: 'cancel_entry';
      readonly entryId: string;
      readonly owner: string;
      readonly symbol: string;
    };

/** Which way the price must move for a trigger releasing an order on `side` to fire. */
export function directionFor(kind: TriggerKind, side: TriggerSide): TriggerDirection {
  switch (kind) {
    case 'stop_market':
    case 'stop_limit':
    case 'stop_loss':
      // Buying on strength, selling on weakness (a stop-loss sell closes a long as price falls).
      return side === 'buy' ? 'rise' : 'fall';
    case 'take_profit':
      // A take-profit sell closes a long once price has risen to the target.
      return side === 'sell' ? 'rise' : 'fall';
  }
}

/** True when `price` has reached the trigger from its direction. */
export function reached(direction: TriggerDirection, triggerTicks: number, price: number): boolean {
  return direction === 'rise' ? price >= triggerTicks : price <= triggerTicks;
}

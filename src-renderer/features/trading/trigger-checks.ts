/**
 * The trigger-price sanity rule, pure: notes shown in the ticket while a stop or a bracket is
 * typed. They WARN and never block: the venue has the final word (it refuses a stop whose trigger
 * the last trade already reached, and bracket legs on the wrong side of the entry), and a trader
 * may know better than a stale touch. Rules:
 * - a buy stop fires when the last trade rises to its trigger, a sell stop when it falls to it, so
 *   a buy trigger at or below the reference (last trade, else best ask) or a sell trigger at or
 *   above it (last trade, else best bid) fires at once;
 * - a stop-limit whose limit is on the wrong side of its trigger (buy limit below, sell limit
 *   above) may rest unfilled once released;
 * - after a buy entry the take-profit sits above the entry price and the stop-loss below it (a sell
 *   the other way round); a market entry's price is the one it would take (ask, bid, else last).
 * Invariants: exact decimal comparisons only; a value that is not a decimal raises no note (the
 * entry check reports it); same inputs give the same notes in the same order.
 */
import { takingPrice, type Touch } from './fat-finger';
import { compare, isPositiveDecimal } from './order-math';

export type TicketOrderType = 'limit' | 'market' | 'stop_market' | 'stop_limit';

export interface TriggerDraft {
  readonly side: 'buy' | 'sell';
  readonly type: TicketOrderType;
  /** Limit and stop-limit orders. */
  readonly price?: string;
  /** Stops. */
  readonly triggerPrice?: string;
  /** Limit and market entries. */
  readonly takeProfit?: string;
  readonly stopLoss?: string;
}

export type TriggerNoteKind =
  'stop-reached' | 'stop-no-reference' | 'stop-limit-through' | 'take-profit-side' | 'stop-loss-side';

export interface TriggerNote {
  readonly kind: TriggerNoteKind;
  readonly text: string;
}

const given = (v: string | undefined): string | null =>
  v !== undefined && isPositiveDecimal(v) ? v.trim() : null;

export function isStopType(type: TicketOrderType): type is 'stop_market' | 'stop_limit' {
  return type === 'stop_market' || type === 'stop_limit';
}

export function triggerNotes(draft: TriggerDraft, touch: Touch): TriggerNote[] {
  return isStopType(draft.type) ? stopNotes(draft, touch) : bracketNotes(draft, touch);
}

function stopNotes(draft: TriggerDraft, touch: Touch): TriggerNote[] {
  const out: TriggerNote[] = [];
  const trigger = given(draft.triggerPrice);
  if (trigger === null) return out;
  const buy = draft.side === 'buy';
  const edge = buy ? touch.bestAsk : touch.bestBid;
  const reference = touch.last ?? edge;
  const refName = touch.last !== null ? 'the last trade' : buy ? 'the best ask' : 'the best bid';
  if (reference === null) {
    out.push({
      kind: 'stop-no-reference',
      text: 'no last trade or touch to check the trigger against',
    });
  } else if (compare(trigger, reference) === (buy ? -1 : 1) || compare(trigger, reference) === 0) {
    out.push({
      kind: 'stop-reached',
      text: `a ${draft.side} stop fires when the last trade ${buy ? 'rises' : 'falls'} to its trigger; ${trigger} is at or ${buy ? 'below' : 'above'} ${refName} (${reference}), so it is already reached`,
    });
  }
  const limit = draft.type === 'stop_limit' ? given(draft.price) : null;
  if (limit !== null && compare(limit, trigger) === (buy ? -1 : 1)) {
    out.push({
      kind: 'stop-limit-through',
      text: `the limit ${limit} is ${buy ? 'below' : 'above'} the trigger ${trigger}: once released it may rest unfilled`,
    });
  }
  return out;
}

function bracketNotes(draft: TriggerDraft, touch: Touch): TriggerNote[] {
  const out: TriggerNote[] = [];
  const entry = draft.type === 'limit' ? given(draft.price) : takingPrice(draft.side, touch);
  if (entry === null) return out;
  const buy = draft.side === 'buy';
  const tp = given(draft.takeProfit);
  const sl = given(draft.stopLoss);
  // After a buy the take-profit sells higher (1) and the stop-loss lower (-1); after a sell, mirrored.
  if (tp !== null && compare(tp, entry) !== (buy ? 1 : -1)) {
    out.push({
      kind: 'take-profit-side',
      text: `the take-profit ${tp} should be ${buy ? 'above' : 'below'} the entry price ${entry}`,
    });
  }
  if (sl !== null && compare(sl, entry) !== (buy ? -1 : 1)) {
    out.push({
      kind: 'stop-loss-side',
      text: `the stop-loss ${sl} should be ${buy ? 'below' : 'above'} the entry price ${entry}`,
    });
  }
  return out;
}

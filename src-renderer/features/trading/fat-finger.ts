/**
 * The fat-finger rule, pure: which warnings an order draft raises against the market it is sent
 * into and the user's limits (saved in prefs). An order with warnings is only sent after the user
 * confirms it. Rules:
 * - price far from the touch: a limit price outside [best bid, best ask] by more than
 *   `maxDeviationPct` percent of the nearer touch (a side that is missing is replaced by the other
 *   one, then by the last trade); inside the spread never warns. Trigger prices (a stop's trigger,
 *   a bracket's take-profit and stop-loss) are checked by the same rule, each warning naming it;
 * - notional (price x size; market orders at the touch they would take: ask for a buy, bid for a
 *   sell, else the last trade; a stop-market at its trigger) over `maxNotional`;
 * - size over `maxQuantity`;
 * - no price to check against (empty book and no trade) when a price or notional limit is set.
 * A null limit is off. Invariants: exact decimal comparisons only; the same inputs give the same
 * warnings in the same order.
 */
import { compare, deviatesMoreThan, deviationPct, notional, roundForDisplay } from './order-math';

export interface FatFingerLimits {
  /** Percent, e.g. "5"; null = off. */
  readonly maxDeviationPct: string | null;
  /** Quote amount, e.g. "25000"; null = off. */
  readonly maxNotional: string | null;
  /** Base amount; null = off. */
  readonly maxQuantity: string | null;
}

export const DEFAULT_LIMITS: FatFingerLimits = {
  maxDeviationPct: '5',
  maxNotional: '25000',
  maxQuantity: null,
};

export interface OrderDraft {
  readonly side: 'buy' | 'sell';
  readonly type: 'limit' | 'market' | 'stop_market' | 'stop_limit';
  /** Limit and stop-limit orders only. */
  readonly price?: string;
  /** Stops only. */
  readonly triggerPrice?: string;
  /** Bracket legs of a limit or market entry. */
  readonly takeProfit?: string;
  readonly stopLoss?: string;
  readonly quantity: string;
}

/** Which price of the order a price-far warning is about; absent = the (limit) price. */
export type PriceField = 'trigger' | 'take-profit' | 'stop-loss';

export interface Touch {
  readonly bestBid: string | null;
  readonly bestAsk: string | null;
  readonly last: string | null;
}

export type FatFingerWarning =
  | {
      readonly kind: 'price-far';
      readonly price: string;
      readonly reference: string;
      readonly pct: string;
      readonly field?: PriceField;
    }
  | { readonly kind: 'notional'; readonly notional: string; readonly limit: string }
  | { readonly kind: 'quantity'; readonly quantity: string; readonly limit: string }
  | { readonly kind: 'no-reference' };

/** The price a market order of this side would trade near, or null. */
export function takingPrice(side: 'buy' | 'sell', touch: Touch): string | null {
  return (side === 'buy' ? touch.bestAsk : touch.bestBid) ?? touch.last;
}

/** The touch edge a limit price is measured from, or null when it is inside the spread. */
export function touchReference(price: string, touch: Touch): string | null {
  const bid = touch.bestBid ?? touch.bestAsk ?? touch.last;
  const ask = touch.bestAsk ?? touch.bestBid ?? touch.last;
  if (bid === null || ask === null) return null;
  if (compare(price, ask) === 1) return ask;
  if (compare(price, bid) === -1) return bid;
  return price;
}

/** The prices of a draft the deviation rule checks, in a fixed order. */
function checkedPrices(draft: OrderDraft): { price: string; field?: PriceField }[] {
  const out: { price: string; field?: PriceField }[] = [];
  if ((draft.type === 'limit' || draft.type === 'stop_limit') && draft.price !== undefined)
    out.push({ price: draft.price });
  if (draft.triggerPrice !== undefined && (draft.type === 'stop_market' || draft.type === 'stop_limit'))
    out.push({ price: draft.triggerPrice, field: 'trigger' });
  if (draft.takeProfit !== undefined) out.push({ price: draft.takeProfit, field: 'take-profit' });
  if (draft.stopLoss !== undefined) out.push({ price: draft.stopLoss, field: 'stop-loss' });
  return out;
}

/** The price the notional is measured at: the limit, the trigger of a stop-market, or the touch. */
function notionalPrice(draft: OrderDraft, touch: Touch): string | null {
  if (draft.type === 'limit' || draft.type === 'stop_limit') return draft.price ?? null;
  if (draft.type === 'stop_market') return draft.triggerPrice ?? null;
  return takingPrice(draft.side, touch);
}

export function fatFingerWarnings(
  draft: OrderDraft,
  touch: Touch,
  limits: FatFingerLimits,
): FatFingerWarning[] {
  const out: FatFingerWarning[] = [];
  const price = notionalPrice(draft, touch);
  let unpriced = price === null;
  if (limits.maxDeviationPct !== null) {
    for (const checked of checkedPrices(draft)) {
      const reference = touchReference(checked.price, touch);
      if (reference === null) unpriced = true;
      else if (deviatesMoreThan(checked.price, reference, limits.maxDeviationPct)) {
        out.push({
          kind: 'price-far',
          price: checked.price,
          reference,
          pct: deviationPct(checked.price, reference) ?? '?',
          ...(checked.field === undefined ? {} : { field: checked.field }),
        });
      }
    }
  }
  if (limits.maxNotional !== null && price !== null) {
    const value = notional(price, draft.quantity);
    if (value !== null && compare(value, limits.maxNotional) === 1) {
      out.push({ kind: 'notional', notional: value, limit: limits.maxNotional });
    }
  }
  if (limits.maxQuantity !== null && compare(draft.quantity, limits.maxQuantity) === 1) {
    out.push({ kind: 'quantity', quantity: draft.quantity, limit: limits.maxQuantity });
  }
  const priceLimits = limits.maxDeviationPct !== null || limits.maxNotional !== null;
  if (unpriced && priceLimits) out.push({ kind: 'no-reference' });
  return out;
}

const FIELD_NAME: Record<PriceField, string> = {
  trigger: 'trigger price',
  'take-profit': 'take-profit',
  'stop-loss': 'stop-loss',
};

export function describeWarning(w: FatFingerWarning): string {
  switch (w.kind) {
    case 'price-far':
      return `${w.field ? FIELD_NAME[w.field] : 'price'} ${w.price} is ${w.pct}% away from the touch (${w.reference})`;
    case 'notional':
      return `notional ${roundForDisplay(w.notional, 2)} is over your limit of ${w.limit}`;
    case 'quantity':
      return `size ${w.quantity} is over your limit of ${w.limit}`;
    case 'no-reference':
      return 'there is no market price to check this order against';
  }
}

/**
 * Order intents, pure, and sending them. An intent is what the user asked for (from the ticket, a
 * ladder click or a key); `checkIntent` turns it into the exact requests to send, the fat-finger
 * warnings to confirm first, or the reason nothing can be sent (no trading venue, no size, ...).
 * `sendChecked` sends them and describes the answer in one line. Invariants: nothing is sent for
 * an intent that has a reason; the instrument sent is always the target's (never another one);
 * sizes and prices travel as the decimal strings the user or the book gave. Stops need a trigger
 * price (a stop-limit also its limit); a bracket attaches only to a limit or market entry, its
 * blank legs left out; the fat-finger rule covers every price sent, triggers and legs included.
 */
import type { RequestInput } from '../../../src-shared/contract';
import type { ContractClient } from '../../ipc/client';
import { fatFingerWarnings, type FatFingerLimits, type FatFingerWarning, type Touch } from './fat-finger';
import { isPositiveDecimal } from './order-math';
import { describeOutcome, type OutcomeLine } from './outcome';
import { isStopType, type TicketOrderType } from './trigger-checks';
import type { TradingTarget } from './trading-target';

export type LimitTif = 'GTC' | 'IOC' | 'FOK' | 'POST_ONLY';

export interface OwnOrderRef {
  readonly orderId: string;
  readonly side: 'buy' | 'sell';
  readonly price?: string;
  readonly remaining: string;
}

export type OrderIntent =
  | {
      readonly kind: 'place';
      readonly side: 'buy' | 'sell';
      readonly type: TicketOrderType;
      /** Limit and stop-limit orders. */
      readonly price?: string;
      /** Stops: the last-trade price that releases the order. */
      readonly triggerPrice?: string;
      /** Limit and market entries: take-profit / stop-loss legs (blank = none). */
      readonly bracket?: { readonly takeProfit?: string; readonly stopLoss?: string };
      /** Limit: GTC by default; market orders (and stop-markets) are IOC unless FOK is asked for. */
      readonly tif?: LimitTif;
      /** The ticket's current size when absent. */
      readonly quantity?: string;
    }
  | {
      readonly kind: 'amend';
      readonly orders: readonly OwnOrderRef[];
      readonly price?: string;
      readonly quantity?: string;
    };

type PlaceInput = RequestInput<'trading.place'>;
type AmendInput = RequestInput<'trading.amend'>;

export type CheckedIntent =
  | { readonly ok: false; readonly reason: string }
  | {
      readonly ok: true;
      readonly title: string;
      readonly places: readonly PlaceInput[];
      readonly amends: readonly AmendInput[];
      readonly warnings: readonly FatFingerWarning[];
    };

export interface IntentContext {
  readonly target: TradingTarget;
  /** The size typed in the ticket for this instrument. */
  readonly size: string;
  readonly touch: Touch;
  readonly limits: FatFingerLimits;
}

const Side = { buy: 'Buy', sell: 'Sell' } as const;

export function checkIntent(intent: OrderIntent, ctx: IntentContext): CheckedIntent {
  const { target } = ctx;
  if (target.blocked) return { ok: false, reason: target.blocked };
  const venue = target.venue as PlaceInput['venue'];
  if (intent.kind === 'place') return checkPlace(intent, ctx, venue);
  const price = intent.price?.trim();
  const quantity = intent.quantity?.trim();
  if (intent.orders.length === 0) return { ok: false, reason: 'no order to change' };
  if (price !== undefined && !isPositiveDecimal(price)) return { ok: false, reason: `bad price ${price}` };
  if (quantity !== undefined && !isPositiveDecimal(quantity))
    return { ok: false, reason: `bad size ${quantity}` };
  if (price === undefined && quantity === undefined) return { ok: false, reason: 'nothing to change' };
  const warnings: FatFingerWarning[] = [];
  for (const o of intent.orders) {
    const p = price ?? o.price;
    if (p === undefined) continue;
    const found = fatFingerWarnings(
      { side: o.side, type: 'limit', price: p, quantity: quantity ?? o.remaining },
      ctx.touch,
      ctx.limits,
    );
    for (const w of found)
      if (!warnings.some((x) => JSON.stringify(x) === JSON.stringify(w))) warnings.push(w);
  }
  return {
    ok: true,
    title: `Amend ${intent.orders.map((o) => `#${o.orderId}`).join(', ')}${price ? ` to ${price}` : ''}${quantity ? ` size ${quantity}` : ''}`,
    places: [],
    amends: intent.orders.map((o) => ({
      venue,
      orderId: o.orderId,
      ...(price === undefined ? {} : { price: price as NonNullable<AmendInput['price']> }),
      ...(quantity === undefined ? {} : { quantity: quantity as NonNullable<AmendInput['quantity']> }),
    })),
    warnings,
  };
}

type PlaceIntent = Extract<OrderIntent, { kind: 'place' }>;
type Bracket = NonNullable<PlaceInput['bracket']>;

function checkPlace(intent: PlaceIntent, ctx: IntentContext, venue: PlaceInput['venue']): CheckedIntent {
  const { target } = ctx;
  const quantity = (intent.quantity ?? ctx.size).trim();
  if (!isPositiveDecimal(quantity)) {
    return { ok: false, reason: 'set an order size in the ticket (or pick a size preset) first' };
  }
  const stop = isStopType(intent.type);
  const limited = intent.type === 'limit' || intent.type === 'stop_limit';
  const price = limited ? intent.price?.trim() : undefined;
  if (limited && (price === undefined || !isPositiveDecimal(price))) {
    return {
      ok: false,
      reason: `a ${stop ? 'stop-limit' : 'limit'} order needs a ${stop ? 'limit ' : ''}price`,
    };
  }
  const triggerPrice = stop ? intent.triggerPrice?.trim() : undefined;
  if (stop && (triggerPrice === undefined || !isPositiveDecimal(triggerPrice))) {
    return { ok: false, reason: 'a stop order needs a trigger price' };
  }
  const legs = bracketOf(intent);
  if (typeof legs === 'string') return { ok: false, reason: legs };
  const taking = intent.type === 'market' || intent.type === 'stop_market';
  const tif = taking ? (intent.tif === 'FOK' ? 'FOK' : 'IOC') : (intent.tif ?? 'GTC');
  const place: PlaceInput = {
    venue,
    symbol: target.symbol as PlaceInput['symbol'],
    side: intent.side,
    type: intent.type,
    tif,
    quantity: quantity as PlaceInput['quantity'],
    ...(price === undefined ? {} : { price: price as NonNullable<PlaceInput['price']> }),
    ...(triggerPrice === undefined
      ? {}
      : { triggerPrice: triggerPrice as NonNullable<PlaceInput['triggerPrice']> }),
    ...(legs === null ? {} : { bracket: legs }),
  };
  const draft = {
    side: intent.side,
    type: intent.type,
    quantity,
    ...(price === undefined ? {} : { price }),
    ...(triggerPrice === undefined ? {} : { triggerPrice }),
    ...(legs?.takeProfit === undefined ? {} : { takeProfit: legs.takeProfit }),
    ...(legs?.stopLoss === undefined ? {} : { stopLoss: legs.stopLoss }),
  };
  const at = price === undefined ? 'at market' : `@ ${price}`;
  const what = triggerPrice === undefined ? at : `stop ${triggerPrice} ${at}`;
  const shownTif = tif === 'GTC' || taking ? '' : ` ${tif}`;
  const bracketText =
    (legs?.takeProfit === undefined ? '' : ` · TP ${legs.takeProfit}`) +
    (legs?.stopLoss === undefined ? '' : ` · SL ${legs.stopLoss}`);
  return {
    ok: true,
    title: `${Side[intent.side]} ${quantity} ${target.symbol} ${what}${shownTif}${bracketText}`,
    places: [place],
    amends: [],
    warnings: fatFingerWarnings(draft, ctx.touch, ctx.limits),
  };
}

/** The bracket to send: null for none, a reason when it cannot be sent. */
function bracketOf(intent: PlaceIntent): Bracket | null | string {
  const takeProfit = intent.bracket?.takeProfit?.trim() || undefined;
  const stopLoss = intent.bracket?.stopLoss?.trim() || undefined;
  if (takeProfit === undefined && stopLoss === undefined) return null;
  if (isStopType(intent.type)) return 'a bracket attaches to a limit or market entry, not to a stop';
  if (takeProfit !== undefined && !isPositiveDecimal(takeProfit)) return `bad take-profit ${takeProfit}`;
  if (stopLoss !== undefined && !isPositiveDecimal(stopLoss)) return `bad stop-loss ${stopLoss}`;
  return {
    ...(takeProfit === undefined ? {} : { takeProfit: takeProfit as NonNullable<Bracket['takeProfit']> }),
    ...(stopLoss === undefined ? {} : { stopLoss: stopLoss as NonNullable<Bracket['stopLoss']> }),
  };
}

/** Sends a checked intent; one line per answer, joined. */
export async function sendChecked(
  client: ContractClient,
  checked: Extract<CheckedIntent, { ok: true }>,
): Promise<OutcomeLine> {
  const lines: OutcomeLine[] = [];
  for (const place of checked.places) {
    lines.push(describeOutcome(checked.title, await client.call('trading.place', place)));
  }
  for (const amend of checked.amends) {
    lines.push(describeOutcome(`Amend #${amend.orderId}`, await client.call('trading.amend', amend)));
  }
  return joinLines(lines);
}

export function joinLines(lines: readonly OutcomeLine[]): OutcomeLine {
  return {
    kind: lines.some((l) => l.kind === 'rejected') ? 'rejected' : 'accepted',
    text: lines.map((l) => l.text).join(' · '),
  };
}

/**
 * Order intents, pure, and sending them. An intent is what the user asked for (from the ticket, a
 * ladder click or a key); `checkIntent` turns it into the exact requests to send, the fat-finger
 * warnings to confirm first, or the reason nothing can be sent (no trading venue, no size, ...).
 * `sendChecked` sends them and describes the answer in one line. Invariants: nothing is sent for
 * an intent that has a reason; the instrument sent is always the target's (never another one);
 * sizes and prices travel as the decimal strings the user or the book gave.
 */
import type { RequestInput } from '../../../src-shared/contract';
import type { ContractClient } from '../../ipc/client';
import { fatFingerWarnings, type FatFingerLimits, type FatFingerWarning, type Touch } from './fat-finger';
import { isPositiveDecimal } from './order-math';
import { describeOutcome, type OutcomeLine } from './outcome';
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
      readonly type: 'limit' | 'market';
      readonly price?: string;
      /** Limit: GTC by default; market orders are IOC unless FOK is asked for. */
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
  if (intent.kind === 'place') {
    const quantity = (intent.quantity ?? ctx.size).trim();
    if (!isPositiveDecimal(quantity)) {
      return { ok: false, reason: 'set an order size in the ticket (or pick a size preset) first' };
    }
    const price = intent.type === 'limit' ? intent.price?.trim() : undefined;
    if (intent.type === 'limit' && (price === undefined || !isPositiveDecimal(price))) {
      return { ok: false, reason: 'a limit order needs a price' };
    }
    const tif = intent.type === 'market' ? (intent.tif === 'FOK' ? 'FOK' : 'IOC') : (intent.tif ?? 'GTC');
    const place: PlaceInput = {
      venue,
      symbol: target.symbol as PlaceInput['symbol'],
      side: intent.side,
      type: intent.type,
      tif,
      quantity: quantity as PlaceInput['quantity'],
      ...(price === undefined ? {} : { price: price as NonNullable<PlaceInput['price']> }),
    };
    const draft = {
      side: intent.side,
      type: intent.type,
      quantity,
      ...(price === undefined ? {} : { price }),
    };
    return {
      ok: true,
      title: `${Side[intent.side]} ${quantity} ${target.symbol} ${price === undefined ? 'at market' : `@ ${price}`}${tif === 'GTC' || intent.type === 'market' ? '' : ` ${tif}`}`,
      places: [place],
      amends: [],
      warnings: fatFingerWarnings(draft, ctx.touch, ctx.limits),
    };
  }
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

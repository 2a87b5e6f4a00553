/**
 * What a click or a drag on the ladder means, pure (the grid reads the cell, row price and own
 * order ids from the DOM and asks here). Rules:
 * - trading unavailable or not armed: nothing is sent, the user gets a hint saying why;
 * - bid column = buy, ask column = sell: a limit at the row's price, or a market order with the
 *   market modifier (Shift);
 * - an own-order cell with orders = cancel them; an empty own cell or the price column: nothing;
 * - dragging own orders to another row = amend them to that row's price; onto their own row or
 *   off the ladder: nothing.
 */

export type LadderCell = 'own-buy' | 'bid' | 'price' | 'ask' | 'own-sell';

export interface LadderGate {
  readonly available: boolean;
  readonly armed: boolean;
  readonly unavailableReason: string;
}

export type LadderIntent =
  | {
      readonly kind: 'place';
      readonly side: 'buy' | 'sell';
      readonly type: 'limit' | 'market';
      readonly price: string;
    }
  | { readonly kind: 'cancel'; readonly ids: readonly string[] }
  | { readonly kind: 'amend'; readonly ids: readonly string[]; readonly price: string }
  | { readonly kind: 'hint'; readonly text: string };

export const ARM_HINT = 'One-click trading is off: press “Arm trading” first (clicks do nothing until then)';

export interface ClickTarget {
  /** `data-cell` of the clicked cell, undefined outside a cell. */
  readonly cell: string | undefined;
  /** The row's price, undefined outside a row. */
  readonly price: string | undefined;
  /** Space-separated own order ids on the cell, if any. */
  readonly ids: string | undefined;
}

function gate(g: LadderGate): LadderIntent | null {
  if (!g.available) return { kind: 'hint', text: g.unavailableReason };
  if (!g.armed) return { kind: 'hint', text: ARM_HINT };
  return null;
}

function idsOf(text: string | undefined): string[] {
  return text ? text.split(' ').filter(Boolean) : [];
}

export function clickIntent(
  target: ClickTarget,
  modifiers: { market: boolean },
  g: LadderGate,
): LadderIntent | null {
  const { cell, price } = target;
  if (cell === undefined || price === undefined) return null;
  const tradable =
    cell === 'bid' ||
    cell === 'ask' ||
    ((cell === 'own-buy' || cell === 'own-sell') && idsOf(target.ids).length > 0);
  if (!tradable) return null;
  const blocked = gate(g);
  if (blocked) return blocked;
  if (cell === 'bid' || cell === 'ask') {
    return {
      kind: 'place',
      side: cell === 'bid' ? 'buy' : 'sell',
      type: modifiers.market ? 'market' : 'limit',
      price,
    };
  }
  return { kind: 'cancel', ids: idsOf(target.ids) };
}

export function dragIntent(
  from: { readonly ids: string | undefined; readonly price: string | undefined },
  toPrice: string | undefined,
  g: LadderGate,
): LadderIntent | null {
  const ids = idsOf(from.ids);
  if (ids.length === 0 || toPrice === undefined || from.price === undefined || toPrice === from.price)
    return null;
  return gate(g) ?? { kind: 'amend', ids, price: toPrice };
}
